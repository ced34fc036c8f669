import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EARLIEST_INJURY, IMR_PROGRAM_START } from '../domain/intake-rules.js';
import { ErrorBody, IntakeResponse } from './contract.js';
import { type Client, type TestServer, testServer } from './test-app.js';
import { sampleApplication } from './test-intake.js';

/**
 * Intake refuses what cannot be an application with a coded 400 that names every wrong field and
 * says what to do, in words (never "Invalid body at …"); whatever the fields hold, it never answers
 * 500 and never stores a date that cannot be true. The test server's clock is 2025-03-04 (California).
 */

let t: TestServer;
let intake: Client;

beforeAll(async () => {
  t = await testServer();
  intake = await t.signIn('intake');
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

let claims = 0;

function body(patch: { application?: object; urDecision?: object; patient?: object; receivedAt?: string } = {}) {
  claims += 1;
  const treatments = ['Physical therapy 2x6 lumbar spine'];
  return {
    receivedAt: patch.receivedAt ?? '2025-02-25T17:00:00.000Z',
    application: { ...sampleApplication(`VAL-${claims}`, treatments, `Valda Quorrin ${claims}`), ...patch.application },
    urDecision: {
      decisionDate: '2025-02-20',
      serviceMethod: 'electronic' as const,
      outcome: 'denied' as const,
      items: treatments.map((request) => ({ request, outcome: 'denied' as const })),
      ...patch.urDecision,
    },
    patient: { age: 47, ...patch.patient },
  };
}

async function refused(b: object): Promise<{ message: string; fields: { path: string; message: string }[] }> {
  const r = await intake.request('POST', '/api/v1/cases', { body: b });
  expect(r.statusCode, r.body.slice(0, 300)).toBe(400);
  const e = ErrorBody.parse(r.json()).error;
  expect(e.code).toBe('IMR_VALIDATION');
  expect(e.message).not.toMatch(/^Invalid /);
  return { message: e.message, fields: e.fields ?? [] };
}

const paths = (fields: { path: string }[]) => fields.map((f) => f.path);

describe('intake validation answers a coded 400 with every wrong field', () => {
  it('a sound application is received', async () => {
    const r = await intake.request('POST', '/api/v1/cases', { body: body() });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
  });

  it('age 200: a plain message at patient.age, not "Invalid body at patient.age"', async () => {
    const { fields } = await refused(body({ patient: { age: 200 } }));
    expect(fields).toEqual([
      { path: 'patient.age', message: 'Enter the employee’s age in whole years, from 14 to 100.' },
    ]);
  });

  it('an injury in 2099 and a UR decision in 1900 are refused, each at its field', async () => {
    const { fields } = await refused(
      body({
        application: { injuryDate: '2099-01-01', urDecisionDate: '1900-01-01' },
        urDecision: { decisionDate: '1900-01-01' },
      }),
    );
    expect(paths(fields)).toEqual(['application.injuryDate', 'application.urDecisionDate', 'urDecision.decisionDate']);
    expect(fields[0]?.message).toMatch(/date of injury is in the future/);
    expect(fields[1]?.message).toMatch(/only UR decisions from 2013 on/);
  });

  it('a UR decision before the injury, a signature in the future and after receipt', async () => {
    const a = await refused(body({ application: { injuryDate: '2025-02-22' } }));
    expect(a.fields.map((f) => f.message)).toEqual([
      'The UR decision is dated before the injury; check both dates.',
      'The UR decision is dated before the injury; check both dates.',
    ]);
    const b = await refused(body({ application: { signatureDate: '2025-12-01' } }));
    expect(b.fields).toEqual([{ path: 'application.signatureDate', message: expect.stringMatching(/in the future/) }]);
    const c = await refused(body({ application: { signatureDate: '2025-03-01' } }));
    expect(c.fields[0]?.message).toBe('The application is signed after the date it was received.');
  });

  it('a received date before the UR decision, or in the future', async () => {
    const a = await refused(body({ receivedAt: '2025-02-10' }));
    expect(paths(a.fields)).toEqual(['application.urDecisionDate', 'urDecision.decisionDate']);
    expect(a.fields[0]?.message).toMatch(/after the application was received/);
    const b = await refused(body({ receivedAt: '2025-04-10' }));
    expect(b.fields).toEqual([
      { path: 'receivedAt', message: expect.stringMatching(/date received is in the future/) },
    ]);
  });

  it('ICD "notacode" and treatment "a" are refused; M54.5 and S83.241A are codes', async () => {
    const { fields, message } = await refused(
      body({ application: { disputedTreatments: [{ treatment: 'a', primaryDiagnosisIcd: 'notacode' }] } }),
    );
    expect(paths(fields)).toEqual([
      'application.disputedTreatments.0.treatment',
      'application.disputedTreatments.0.primaryDiagnosisIcd',
    ]);
    expect(message).toMatch(
      /^application\.disputedTreatments\.0\.treatment: Describe the treatment .* \(and 1 more\)$/,
    );
    for (const code of ['M54.5', 'S83.241A', 'm545']) {
      const b = body({
        application: { disputedTreatments: [{ treatment: 'Physical therapy 2x6', primaryDiagnosisIcd: code }] },
      });
      const r = await intake.request('POST', '/api/v1/cases', { body: b });
      expect(r.statusCode, `${code}: ${r.body.slice(0, 200)}`).toBe(200);
    }
  });

  it('type errors list every field with plain words too', async () => {
    const b = body();
    const { fields } = await refused({
      ...b,
      patient: { age: 'forty' },
      application: { ...b.application, injuryDate: '02/03/2024', signaturePresent: 'yes' },
    });
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'patient.age', message: 'Enter a whole number.' },
        { path: 'application.signaturePresent', message: 'Choose yes or no.' },
        { path: 'application.injuryDate', message: expect.stringMatching(/YYYY-MM-DD/) },
      ]),
    );
  });

  it('an impossible calendar day (February 30) is refused, not stored', async () => {
    const { fields } = await refused(body({ application: { injuryDate: '2023-02-30' } }));
    expect(fields).toEqual([{ path: 'application.injuryDate', message: expect.stringMatching(/real date/) }]);
  });
});

describe('intake property', () => {
  const dayIn = (from: number, to: number, months: [number, number], days: [number, number]) =>
    fc
      .tuple(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: months[0], max: months[1] }),
        fc.integer({ min: days[0], max: days[1] }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  // Wild days (month 0 or 13, day 32, years from 1890 to 2110) and plausible ones, so both paths run.
  const day = fc.oneof(
    { arbitrary: dayIn(1890, 2110, [0, 13], [0, 32]), weight: 1 },
    { arbitrary: dayIn(2013, 2025, [1, 2], [1, 28]), weight: 3 },
  );
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('a', 'Physical therapy 2x6', '   ', 'MRI lumbar'),
  );

  const wild = fc.record({
    injuryDate: maybe(day),
    urDate: day,
    signatureDate: maybe(day),
    dob: maybe(day),
    received: maybe(day),
    age: maybe(
      fc.oneof(
        { arbitrary: fc.integer({ min: 14, max: 100 }), weight: 3 },
        { arbitrary: fc.oneof(fc.integer({ min: -5, max: 250 }), fc.double(), fc.constant('x')), weight: 1 },
      ),
    ),
    treatment: text,
    icd: maybe(fc.oneof(fc.string({ maxLength: 9 }), fc.constantFrom('M54.5', 'notacode', 'S83.241A', '724.2'))),
    name: maybe(text),
  });
  // Dates in an order that can be true (injury, UR decision, signature, receipt), the rest as above.
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const coherent = fc
    .record({
      injury: fc.integer({ min: Date.parse('2013-01-01'), max: Date.parse('2024-12-31') }),
      toUr: fc.integer({ min: 0, max: 60 }),
      toSign: fc.integer({ min: 0, max: 5 }),
      toReceipt: fc.integer({ min: 0, max: 10 }),
      age: fc.integer({ min: 14, max: 100 }),
      treatment: text,
      name: maybe(text),
    })
    .filter((v) => v.injury + (v.toUr + v.toSign + v.toReceipt) * DAY <= Date.parse('2025-03-04'))
    .map((v) => ({
      injuryDate: at(v.injury) as string | undefined,
      urDate: at(v.injury + v.toUr * DAY),
      signatureDate: at(v.injury + (v.toUr + v.toSign) * DAY) as string | undefined,
      dob: undefined as string | undefined,
      received: at(v.injury + (v.toUr + v.toSign + v.toReceipt) * DAY) as string | undefined,
      age: v.age as unknown,
      treatment: v.treatment,
      icd: 'M54.5' as string | undefined,
      name: v.name,
    }));

  it('random field values never give a 500 nor a stored impossible date', async () => {
    let received = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(wild, coherent), async (v) => {
        const b = body({
          ...(v.received === undefined ? {} : { receivedAt: v.received }),
          application: {
            urDecisionDate: v.urDate,
            ...(v.injuryDate === undefined ? { injuryDate: undefined } : { injuryDate: v.injuryDate }),
            ...(v.signatureDate === undefined ? {} : { signatureDate: v.signatureDate }),
            ...(v.dob === undefined ? {} : { employeeDob: v.dob }),
            ...(v.name === undefined ? {} : { employeeName: v.name }),
            disputedTreatments: [
              { treatment: v.treatment, ...(v.icd === undefined ? {} : { primaryDiagnosisIcd: v.icd }) },
            ],
          },
          urDecision: { decisionDate: v.urDate, items: [{ request: 'Physical therapy 2x6', outcome: 'denied' }] },
          patient: v.age === undefined ? {} : { age: v.age },
        });
        const r = await intake.request('POST', '/api/v1/cases', { body: b });
        expect([200, 400, 409]).toContain(r.statusCode);
        if (r.statusCode !== 200) {
          const e = ErrorBody.parse(r.json()).error;
          if (e.code === 'IMR_VALIDATION') expect(e.fields?.length ?? 0).toBeGreaterThan(0);
          return;
        }
        received += 1;
        const made = IntakeResponse.parse(r.json()).case;
        const today = '2025-03-04';
        const real = (d: string) =>
          !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
        for (const d of [made.injuryDate, made.urDecisionDate, made.receivedDate]) {
          if (d === undefined) continue;
          expect(real(d), d).toBe(true);
          expect(d <= today, d).toBe(true);
        }
        if (made.injuryDate !== undefined) expect(made.injuryDate >= EARLIEST_INJURY).toBe(true);
        expect((made.urDecisionDate ?? '') >= IMR_PROGRAM_START).toBe(true);
        const ur = made.urDecisionDate ?? '';
        if (made.injuryDate !== undefined) expect(ur >= made.injuryDate).toBe(true);
        expect((made.receivedDate ?? '') >= ur).toBe(true);
        if (made.patientAge !== undefined) expect(made.patientAge >= 14 && made.patientAge <= 100).toBe(true);
      }),
      { numRuns: 150 },
    );
    // The generators reach the accepting path too, so the date checks above ran.
    expect(received).toBeGreaterThan(0);
  }, 240_000);
});
