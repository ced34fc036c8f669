import type { NewApplication, NewUrDecision } from './case.js';
import { type CalendarDate, CalendarDate as CalendarDateSchema } from './clock-dates.js';
import type { FieldProblem } from './errors.js';

/**
 * What an application must look like to be taken in at all, beyond its types: dates that can be true
 * and in an order that can be true, a diagnosis code shaped like one, a treatment described in more
 * than a letter, an age a worker can have. Each problem names the field (its path in the intake
 * input) and says what to do in plain words. Eligibility (eligibility.ts) decides later whether a
 * plausible application may be reviewed; these rules refuse what cannot be an application.
 */

/**
 * IMR covers UR disputes for injuries from 1 Jan 2013 and UR decisions communicated from 1 Jul 2013
 * (LC 4610.5(a), fact sheet §1.1): no UR decision under review, no IMR application and no signature
 * on one can be older than the program.
 */
export const IMR_PROGRAM_START: CalendarDate = '2013-01-01';
/** Older injuries are possible in law (cumulative trauma, reopened claims) but not on our forms. */
export const EARLIEST_INJURY: CalendarDate = '1950-01-01';
export const EARLIEST_BIRTH: CalendarDate = '1900-01-01';
/** A worker's age, in whole years, that intake accepts. */
export const WORKER_AGE = { min: 14, max: 100 } as const;
/** A disputed treatment needs this many letters or digits to say what is requested. */
export const MIN_TREATMENT_CHARACTERS = 3;
export const MAX_TREATMENT_CHARACTERS = 500;

/**
 * ICD-10-CM: a letter (not U), a digit, a letter or digit, then optionally a dot and one to four
 * letters or digits (`M54.5`, `S83.241A`, `G89.29`; the dot may be left out). Forms before October
 * 2015 may carry ICD-9-CM: three digits with up to two decimals, `V` codes and `E` codes.
 */
export const ICD_CODE =
  /^(?:[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?|[0-9]{3}(?:\.[0-9]{1,2})?|V[0-9]{2}(?:\.[0-9]{1,2})?|E[0-9]{3}(?:\.[0-9])?)$/i;

export function isIcdCode(code: string): boolean {
  return ICD_CODE.test(code.trim());
}

/** Letters and digits in a text: what a description is made of, spaces and punctuation aside. */
export function meaningfulCharacters(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

export interface IntakeFacts {
  readonly application: Omit<NewApplication, 'caseId' | 'receivedDate'>;
  readonly urDecision?: Omit<NewUrDecision, 'caseId'> | undefined;
  readonly patient?: { readonly age?: number | undefined } | undefined;
  /** The day the application was received (the `receivedAt` field, or today). */
  readonly receivedOn: CalendarDate;
}

const long = (d: CalendarDate) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** A date the calendar has (`2023-02-30` and `2023-13-01` do not). */
function realDate(d: string): boolean {
  return CalendarDateSchema.safeParse(d).success;
}

/**
 * Every problem with an application's plausibility, in form order. `today` is the IMR organization's
 * calendar day (California) at the moment of intake.
 */
export function checkIntake(facts: IntakeFacts, today: CalendarDate): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const a = facts.application;
  const ur = facts.urDecision;
  const received = facts.receivedOn;

  /** A date field: real, not in the future, not before `earliest`; true when it can be compared further. */
  const dateField = (path: string, value: string | undefined, what: string, earliest: CalendarDate, why: string) => {
    if (value === undefined) return false;
    if (!realDate(value)) {
      add(path, `Enter the ${what} as a real date (YYYY-MM-DD).`);
      return false;
    }
    if (value > today) {
      add(path, `The ${what} is in the future; enter a date on or before ${long(today)}.`);
      return false;
    }
    if (value < earliest) {
      add(path, `The ${what} is before ${long(earliest)}: ${why}`);
      return false;
    }
    return true;
  };

  const receivedOk = dateField(
    'receivedAt',
    received,
    'date received',
    IMR_PROGRAM_START,
    'IMR began in 2013; enter the day this application arrived.',
  );
  const injuryOk = dateField(
    'application.injuryDate',
    a.injuryDate,
    'date of injury',
    EARLIEST_INJURY,
    'check the year on the application.',
  );
  if (injuryOk && receivedOk && a.injuryDate !== undefined && a.injuryDate > received) {
    add('application.injuryDate', 'The date of injury is after the date the application was received.');
  }

  // The UR decision date: on the application and on the UR decision record (the form pre-fills both).
  const urDates: [string, string | undefined][] = [
    ['application.urDecisionDate', a.urDecisionDate],
    ['urDecision.decisionDate', ur?.decisionDate],
  ];
  let urDay: CalendarDate | undefined;
  for (const [path, value] of urDates) {
    const ok = dateField(
      path,
      value,
      'UR decision date',
      IMR_PROGRAM_START,
      'IMR reviews only UR decisions from 2013 on (LC 4610.5(a)); check the year.',
    );
    if (!ok || value === undefined) continue;
    if (injuryOk && a.injuryDate !== undefined && value < a.injuryDate) {
      add(path, 'The UR decision is dated before the injury; check both dates.');
    } else if (receivedOk && value > received) {
      add(
        path,
        'The UR decision is dated after the application was received; an application disputes an earlier decision.',
      );
    } else if (urDay !== undefined && value !== urDay) {
      add(path, 'The UR decision date differs from the one on the application.');
    } else urDay = value;
  }

  if (ur?.serviceDate !== undefined) {
    const ok = dateField(
      'urDecision.serviceDate',
      ur.serviceDate,
      'date the UR decision was served',
      IMR_PROGRAM_START,
      'IMR began in 2013; check the year.',
    );
    if (ok && urDay !== undefined && ur.serviceDate < urDay) {
      add('urDecision.serviceDate', 'The UR decision is shown as served before it was made.');
    }
  }

  const signedOk = dateField(
    'application.signatureDate',
    a.signatureDate,
    'signature date',
    IMR_PROGRAM_START,
    'IMR began in 2013; check the year.',
  );
  if (signedOk && a.signatureDate !== undefined) {
    if (receivedOk && a.signatureDate > received) {
      add('application.signatureDate', 'The application is signed after the date it was received.');
    } else if (urDay !== undefined && a.signatureDate < urDay) {
      add('application.signatureDate', 'The application is signed before the UR decision it disputes.');
    }
  }

  const dobOk = dateField('application.employeeDob', a.employeeDob, 'date of birth', EARLIEST_BIRTH, 'check the year.');
  const dob = dobOk ? a.employeeDob : undefined;
  if (dob !== undefined && injuryOk && a.injuryDate !== undefined && yearsBetween(dob, a.injuryDate) < WORKER_AGE.min) {
    add(
      'application.employeeDob',
      `The employee would have been under ${WORKER_AGE.min} at the injury; check the date of birth.`,
    );
  }

  const age = facts.patient?.age;
  if (age !== undefined) {
    if (!Number.isInteger(age) || age < WORKER_AGE.min || age > WORKER_AGE.max) {
      add('patient.age', `Enter the employee’s age in whole years, from ${WORKER_AGE.min} to ${WORKER_AGE.max}.`);
    } else if (dob !== undefined && receivedOk && Math.abs(yearsBetween(dob, received) - age) > 1) {
      add('patient.age', 'The age does not match the date of birth; check both.');
    }
  }

  if (a.employeeName !== undefined && (a.employeeName.match(/\p{L}/gu) ?? []).length < 2) {
    add('application.employeeName', 'Enter the employee’s name as it is on the application.');
  }

  a.disputedTreatments.forEach((t, i) => {
    const path = `application.disputedTreatments.${i}`;
    const n = meaningfulCharacters(t.treatment);
    if (n < MIN_TREATMENT_CHARACTERS || !/\p{L}/u.test(t.treatment)) {
      add(
        `${path}.treatment`,
        'Describe the treatment as the request for authorization states it, for example “Physical therapy 2x6 lumbar spine”.',
      );
    } else if (t.treatment.length > MAX_TREATMENT_CHARACTERS) {
      add(
        `${path}.treatment`,
        `Keep the treatment to ${MAX_TREATMENT_CHARACTERS} characters; put the rest in a document.`,
      );
    }
    if (t.primaryDiagnosisIcd !== undefined && !isIcdCode(t.primaryDiagnosisIcd)) {
      add(
        `${path}.primaryDiagnosisIcd`,
        'Enter an ICD-10 code such as M54.5 or S83.241A: a letter, a digit, a letter or digit, then an optional dot and up to four more.',
      );
    }
  });
  ur?.items.forEach((item, i) => {
    if (meaningfulCharacters(item.request) < MIN_TREATMENT_CHARACTERS || !/\p{L}/u.test(item.request)) {
      add(`urDecision.items.${i}.request`, 'Describe the treatment UR decided on as its decision states it.');
    }
  });
  return out;
}
