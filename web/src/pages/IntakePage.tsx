import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, callWithDocuments } from '../api/client.ts';
import type { IntakeBody } from '../api/contract.ts';
import { ApiError } from '../api/http.ts';
import type { EligibilityView, IntakeResponse, TreatmentKind } from '../api/types.ts';
import { Alert, ErrorAlert } from '../components/Alert.tsx';
import { DocumentOutcomes } from '../components/DocumentOutcomes.tsx';
import { DocumentPicker, type PickedDocument, toOutgoing } from '../components/DocumentPicker.tsx';
import { EligibilityResult } from '../components/EligibilityResult.tsx';
import { Field } from '../components/Field.tsx';
import { Page } from '../components/Page.tsx';
import { parseUrCitations, UrCitationsField } from '../components/UrCitationsField.tsx';

type UrOutcome = 'denied' | 'modified' | 'conditionally-non-certified';

interface TreatmentRow {
  key: number;
  treatment: string;
  icd: string;
  category: TreatmentKind | '';
  outcome: UrOutcome;
  authorizedPortion: string;
  /** What the UR decision cited, free text (see UrCitationsField). */
  citations: string;
}

const TREATMENT_KINDS: readonly TreatmentKind[] = [
  'medication',
  'compounded-topical',
  'therapy',
  'acupuncture',
  'chiropractic',
  'injection',
  'imaging',
  'electrodiagnostic',
  'surgery',
  'surgical-associated',
  'equipment',
  'program',
  'consultation',
  'laboratory',
  'home-care',
  'psychological',
  'other',
];

interface Form {
  caseNumber: string;
  kind: 'regular' | 'formulary';
  urType: 'regular' | 'expedited';
  employeeName: string;
  claimNumber: string;
  injuryDate: string;
  patientAge: string;
  patientSex: '' | 'male' | 'female';
  requestingPhysicianName: string;
  requestingPhysicianSpecialty: string;
  employerName: string;
  claimsAdministratorName: string;
  urDecisionDate: string;
  urOrganization: string;
  urServiceMethod: 'mail' | 'electronic' | 'personal';
  filedBy: 'employee' | 'representative' | 'requesting-physician' | 'emergency-provider';
  signaturePresent: boolean;
  signatureDate: string;
  receivedDate: string;
  attorneyName: string;
  attorneyFirm: string;
  attorneyAddress: string;
  consentToRecords: boolean;
  urDecisionAttached: boolean;
  alsoDisputedForOtherReasons: boolean;
  deniedForMissingInformation: boolean;
}

/** Today in the IMR organization's time zone (California), for the date-received field. */
function californiaToday(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' });
}

/** The fields of the form that hold free text (or a date as text). */
type TextField = {
  [K in keyof Form]: Form[K] extends string ? (string extends Form[K] ? K : never) : never;
}[keyof Form];

const EMPTY: Form = {
  caseNumber: '',
  kind: 'regular',
  urType: 'regular',
  employeeName: '',
  claimNumber: '',
  injuryDate: '',
  patientAge: '',
  patientSex: '',
  requestingPhysicianName: '',
  requestingPhysicianSpecialty: '',
  employerName: '',
  claimsAdministratorName: '',
  urDecisionDate: '',
  urOrganization: '',
  urServiceMethod: 'electronic',
  filedBy: 'employee',
  // The attestations are the clerk's reading of the form: nothing is ticked until they have looked.
  signaturePresent: false,
  signatureDate: '',
  receivedDate: '',
  attorneyName: '',
  attorneyFirm: '',
  attorneyAddress: '',
  consentToRecords: false,
  urDecisionAttached: false,
  alsoDisputedForOtherReasons: false,
  deniedForMissingInformation: false,
};

type Errors = Partial<Record<string, string>>;

/** The shape the server checks too (src/domain/intake-rules.ts): ICD-10-CM, or ICD-9-CM on old forms. */
const ICD_CODE =
  /^(?:[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?|[0-9]{3}(?:\.[0-9]{1,2})?|V[0-9]{2}(?:\.[0-9]{1,2})?|E[0-9]{3}(?:\.[0-9])?)$/i;

/**
 * The form control that shows a field the server refused (its path in the request body), so the
 * message sits next to the field; undefined for a path the form has no control for.
 */
function controlOf(path: string, rows: readonly TreatmentRow[]): string | undefined {
  const direct: Record<string, string> = {
    'application.employeeName': 'intake-employee',
    'application.claimNumber': 'intake-claim',
    'application.injuryDate': 'intake-injury',
    'application.employeeDob': 'intake-age',
    'patient.age': 'intake-age',
    'application.urDecisionDate': 'intake-ur-date',
    'urDecision.decisionDate': 'intake-ur-date',
    'urDecision.serviceDate': 'intake-ur-date',
    'application.signatureDate': 'intake-signed',
    receivedAt: 'intake-received',
    caseNumber: 'intake-case-number',
  };
  const hit = direct[path];
  if (hit !== undefined) return hit;
  const item = /^(?:application\.disputedTreatments|urDecision\.items|items)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (item !== null) {
    const row = rows[Number(item[1])];
    if (row === undefined) return undefined;
    if (item[2] === 'primaryDiagnosisIcd') return `intake-icd-${row.key}`;
    if (item[2] === 'authorizedPortion') return `intake-authorized-${row.key}`;
    return `intake-treatment-${row.key}`;
  }
  if (path.startsWith('parties.')) return 'intake-attorney-name';
  return undefined;
}

/** The server's field problems placed at their controls (the first message per control), the rest by path. */
function serverErrors(fields: readonly { path: string; message: string }[], rows: readonly TreatmentRow[]): Errors {
  const e: Errors = {};
  for (const f of fields) {
    const id = controlOf(f.path, rows) ?? `field:${f.path}`;
    e[id] ??= f.message;
  }
  return e;
}

/** What the form is missing or has wrong, keyed by the id of the control to fix. */
function validate(form: Form, rows: readonly TreatmentRow[]): Errors {
  const e: Errors = {};
  if (form.employeeName.trim() === '') e['intake-employee'] = 'Enter the employee’s name as on the application.';
  if (form.urDecisionDate === '') e['intake-ur-date'] = 'Enter the date of the UR decision.';
  if (form.patientAge !== '' && !/^\d{1,3}$/.test(form.patientAge)) e['intake-age'] = 'Enter the age in whole years.';
  rows.forEach((r, i) => {
    if (r.treatment.trim() === '') e[`intake-treatment-${r.key}`] = `Enter disputed treatment ${i + 1}, or remove it.`;
    if (r.icd.trim() !== '' && !ICD_CODE.test(r.icd.trim())) {
      e[`intake-icd-${r.key}`] = 'Enter an ICD-10 code such as M54.5 or S83.241A, or leave it empty.';
    }
    if (r.outcome === 'modified' && r.authorizedPortion.trim() === '') {
      e[`intake-authorized-${r.key}`] = 'Say what UR authorized when it modified the request.';
    }
  });
  return e;
}

function buildBody(form: Form, rows: readonly TreatmentRow[], notDuplicate: boolean): Omit<IntakeBody, 'documents'> {
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const parties: NonNullable<IntakeBody['parties']> = [];
  const add = (role: NonNullable<IntakeBody['parties']>[number]['role'], name: string) => {
    if (name.trim() !== '') parties.push({ role, name: name.trim() });
  };
  add('employee', form.employeeName);
  add('requesting-physician', form.requestingPhysicianName);
  add('employer', form.employerName);
  add('claims-administrator', form.claimsAdministratorName);
  if (form.urOrganization.trim() !== '') add('ur-organization', form.urOrganization);
  if (form.attorneyName.trim() !== '') {
    const lines = form.attorneyAddress
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .slice(0, 4);
    parties.push({
      role: 'representative',
      name: form.attorneyName.trim(),
      ...(form.attorneyFirm.trim() === '' ? {} : { organization: form.attorneyFirm.trim() }),
      ...(lines.length === 0 ? {} : { address: { lines } }),
    });
  }
  const application: IntakeBody['application'] = {
    disputedTreatments: rows.map((r) => ({
      treatment: r.treatment.trim(),
      ...(opt(r.icd) === undefined ? {} : { primaryDiagnosisIcd: r.icd.trim().toUpperCase() }),
    })),
    alsoDisputedForOtherReasons: form.alsoDisputedForOtherReasons,
    deniedForMissingInformation: form.deniedForMissingInformation,
    signaturePresent: form.signaturePresent,
    consentToRecords: form.consentToRecords,
    urDecisionAttached: form.urDecisionAttached,
    urType: form.urType,
    urServiceMethod: form.urServiceMethod,
    filedBy: form.filedBy,
    employeeName: form.employeeName.trim(),
    urDecisionDate: form.urDecisionDate,
  };
  const set = <K extends keyof IntakeBody['application']>(k: K, v: IntakeBody['application'][K] | undefined) => {
    if (v !== undefined) application[k] = v;
  };
  set('claimNumber', opt(form.claimNumber));
  set('injuryDate', opt(form.injuryDate));
  set('requestingPhysicianName', opt(form.requestingPhysicianName));
  set('requestingPhysicianSpecialty', opt(form.requestingPhysicianSpecialty));
  set('employerName', opt(form.employerName));
  set('claimsAdministratorName', opt(form.claimsAdministratorName));
  set('signatureDate', opt(form.signatureDate));
  const outcomes = new Set(rows.map((r) => r.outcome));
  const patient: NonNullable<IntakeBody['patient']> = {};
  if (form.patientAge !== '') patient.age = Number(form.patientAge);
  if (form.patientSex !== '') patient.sex = form.patientSex;
  const body: Omit<IntakeBody, 'documents'> = {
    kind: form.kind,
    application,
    urDecision: {
      decisionDate: form.urDecisionDate,
      serviceMethod: form.urServiceMethod,
      outcome: outcomes.size === 1 ? (rows[0]?.outcome ?? 'denied') : outcomes.has('denied') ? 'denied' : 'modified',
      items: rows.map((r) => ({
        request: r.treatment.trim(),
        outcome: r.outcome,
        ...(r.outcome === 'modified' && r.authorizedPortion.trim() !== ''
          ? { authorizedPortion: r.authorizedPortion.trim() }
          : {}),
      })),
      ...(opt(form.urOrganization) === undefined ? {} : { organization: form.urOrganization.trim() }),
    },
    parties,
    items: rows.map((r) => {
      const basis = parseUrCitations(r.citations);
      return {
        ...(r.category === '' ? {} : { category: r.category }),
        ...(basis === undefined ? {} : { claimsAdministratorBasis: basis }),
      };
    }),
    patient,
    confirmedNotDuplicate: notDuplicate,
  };
  if (opt(form.caseNumber) !== undefined) body.caseNumber = form.caseNumber.trim();
  if (form.receivedDate !== '') body.receivedAt = form.receivedDate;
  return body;
}

/** Intake of an Application for IMR: the form, its UR decision and documents; then eligibility. */
export function IntakePage() {
  const [form, setForm] = useState<Form>(() => ({ ...EMPTY, receivedDate: californiaToday() }));
  const nextKey = useRef(2);
  const [rows, setRows] = useState<TreatmentRow[]>([
    { key: 1, treatment: '', icd: '', category: '', outcome: 'denied', authorizedPortion: '', citations: '' },
  ]);
  const [docs, setDocs] = useState<PickedDocument[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>();
  const [duplicateOf, setDuplicateOf] = useState<{ id: number; caseNumber?: string } | undefined>();
  const [notDuplicate, setNotDuplicate] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [received, setReceived] = useState<IntakeResponse | undefined>();
  const [eligibility, setEligibility] = useState<EligibilityView | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const f = <K extends keyof Form>(k: K, v: Form[K]) => setForm((old) => ({ ...old, [k]: v }));
  /** An input's value and change handler for one text field of the form. */
  const bind = (k: TextField) => ({
    value: form[k],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => f(k, e.target.value),
  });
  const setRow = (key: number, patch: Partial<TreatmentRow>) =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validate(form, rows);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) {
      // Move focus to the error summary so it is read out, with links to each field.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(
      docs.some((d) => d.checked.mime === 'application/pdf')
        ? 'Sending the application… Scanned PDF pages are read by OCR, which can take a minute.'
        : 'Sending the application…',
    );
    try {
      const r = await callWithDocuments('intake', { body: buildBody(form, rows, notDuplicate) }, docs.map(toOutgoing));
      setReceived(r);
      setDuplicateOf(undefined);
      setBusy('Screening eligibility…');
      try {
        const s = await call('screen', { params: { caseId: r.case.id }, body: { expectedVersion: r.case.version } });
        setEligibility(s.eligibility);
      } catch (screenError) {
        setFailure(screenError);
      }
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (thrown) {
      if (thrown instanceof ApiError && thrown.code === 'IMR_CASE_DUPLICATE') {
        const d = thrown.details as { originalCaseId?: unknown; originalCaseNumber?: unknown } | undefined;
        setDuplicateOf({
          id: typeof d?.originalCaseId === 'number' ? d.originalCaseId : -1,
          ...(typeof d?.originalCaseNumber === 'string' ? { caseNumber: d.originalCaseNumber } : {}),
        });
      }
      if (thrown instanceof ApiError && thrown.fields.length > 0) {
        // The server's reasons, each next to its field and listed in the summary.
        setErrors(serverErrors(thrown.fields, rows));
        setFailure(undefined);
      } else setFailure(thrown);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(undefined);
    }
  }

  function startOver() {
    setForm({ ...EMPTY, receivedDate: californiaToday() });
    setRows([
      {
        key: nextKey.current++,
        treatment: '',
        icd: '',
        category: '',
        outcome: 'denied',
        authorizedPortion: '',
        citations: '',
      },
    ]);
    setDocs([]);
    setReceived(undefined);
    setEligibility(undefined);
    setFailure(undefined);
    setNotDuplicate(false);
  }

  if (received !== undefined) {
    const c = received.case;
    return (
      <Page title="Application received" sub={`Case ${c.caseNumber}`}>
        <h2 ref={resultRef} tabIndex={-1} className="visually-hidden">
          Result for case {c.caseNumber}
        </h2>
        <Alert tone="success" title={`Case ${c.caseNumber} created`}>
          <p>
            {received.itemIds.length} disputed {received.itemIds.length === 1 ? 'item' : 'items'},{' '}
            {received.documentIds.length} {received.documentIds.length === 1 ? 'document' : 'documents'} stored.
          </p>
        </Alert>
        {received.documentsWithoutText > 0 ? (
          <Alert tone="warning" title="Some documents have no readable text">
            <p>
              {received.documentsWithoutText} of the documents were stored, but no text could be read from them (a
              scanned image OCR could not read, or a damaged PDF). The reviewer and the engine cannot read them; ask the
              sender for a text PDF.
            </p>
          </Alert>
        ) : null}
        <DocumentOutcomes duplicates={received.duplicateDocuments} ocr={received.ocr} />
        {received.consolidation === null ? null : (
          <Alert tone="info" title="Could be consolidated">
            <p>
              This application could be decided together with{' '}
              {received.consolidation.caseIds.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/cases/${id}`}>case {received.consolidation?.caseNumbers[i] ?? `#${id}`}</Link>
                </span>
              ))}
              .
            </p>
            <ul>
              {received.consolidation.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </Alert>
        )}
        <ErrorAlert error={failure} title="Eligibility screening did not run" />
        {eligibility === undefined ? null : <EligibilityResult eligibility={eligibility} />}
        <div className="form-actions">
          <Link className="btn" to={`/cases/${c.id}`}>
            Open case {c.caseNumber}
          </Link>
          <button type="button" className="btn secondary" onClick={startOver}>
            Enter another application
          </button>
        </div>
      </Page>
    );
  }

  const errorList = Object.entries(errors).filter((x): x is [string, string] => x[1] !== undefined);
  return (
    <Page title="New application" sub="Application for Independent Medical Review (DWC Form IMR)">
      <div ref={summaryRef} tabIndex={-1}>
        {errorList.length > 0 ? (
          <div className="alert error" role="alert">
            <span className="alert-title">
              Check {errorList.length === 1 ? 'this field' : `these ${errorList.length} fields`}
            </span>
            <ul>
              {errorList.map(([id, msg]) => (
                <li key={id}>{id.startsWith('field:') ? `${id.slice(6)}: ${msg}` : <a href={`#${id}`}>{msg}</a>}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {duplicateOf !== undefined ? (
          <Alert tone="warning" title="This looks like an application already received">
            <p>
              {duplicateOf.id > 0 ? (
                <>
                  It was received already as{' '}
                  <Link to={`/cases/${duplicateOf.id}`}>case {duplicateOf.caseNumber ?? `#${duplicateOf.id}`}</Link>:
                  open that case instead.{' '}
                </>
              ) : null}
              If it is a different dispute, tick the box below and send again.
            </p>
            <label className="check">
              <input type="checkbox" checked={notDuplicate} onChange={(e) => setNotDuplicate(e.target.checked)} />
              <span>I checked: this is a different dispute, not a duplicate.</span>
            </label>
          </Alert>
        ) : failure === undefined ? null : (
          <ErrorAlert error={failure} title="The application was not received" />
        )}
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="grid-2">
          <fieldset>
            <legend>Employee and claim</legend>
            <Field label="Employee name" error={errors['intake-employee']}>
              <input type="text" id="intake-employee" {...bind('employeeName')} autoComplete="off" />
            </Field>
            <div className="row">
              <Field label="Claim number" error={errors['intake-claim']}>
                <input type="text" id="intake-claim" {...bind('claimNumber')} />
              </Field>
              <Field label="Date of injury" error={errors['intake-injury']}>
                <input type="date" id="intake-injury" {...bind('injuryDate')} />
              </Field>
            </div>
            <div className="row">
              <Field label="Age" error={errors['intake-age']}>
                <input type="text" id="intake-age" inputMode="numeric" {...bind('patientAge')} />
              </Field>
              <Field label="Sex">
                <select value={form.patientSex} onChange={(e) => f('patientSex', e.target.value as Form['patientSex'])}>
                  <option value="">Not stated</option>
                  <option value="female">Female</option>
                  <option value="male">Male</option>
                </select>
              </Field>
            </div>
            <div className="row">
              <Field label="Employer">
                <input type="text" value={form.employerName} onChange={(e) => f('employerName', e.target.value)} />
              </Field>
              <Field label="Claims administrator">
                <input type="text" {...bind('claimsAdministratorName')} />
              </Field>
            </div>
            <div className="row">
              <Field label="Requesting physician">
                <input type="text" {...bind('requestingPhysicianName')} />
              </Field>
              <Field label="Physician's specialty">
                <input type="text" {...bind('requestingPhysicianSpecialty')} />
              </Field>
            </div>
          </fieldset>
          <fieldset>
            <legend>UR decision and the form</legend>
            <div className="row">
              <Field label="UR decision date" error={errors['intake-ur-date']}>
                <input type="date" id="intake-ur-date" {...bind('urDecisionDate')} />
              </Field>
              <Field label="Served on the employee by">
                <select
                  value={form.urServiceMethod}
                  onChange={(e) => f('urServiceMethod', e.target.value as Form['urServiceMethod'])}
                >
                  <option value="electronic">Electronic service</option>
                  <option value="mail">Mail (adds 5 days)</option>
                  <option value="personal">Personal service</option>
                </select>
              </Field>
            </div>
            <Field label="UR organization">
              <input type="text" value={form.urOrganization} onChange={(e) => f('urOrganization', e.target.value)} />
            </Field>
            <div className="row">
              <Field label="Review type">
                <select value={form.urType} onChange={(e) => f('urType', e.target.value as Form['urType'])}>
                  <option value="regular">Regular</option>
                  <option value="expedited">Expedited</option>
                </select>
              </Field>
              <Field label="Dispute">
                <select value={form.kind} onChange={(e) => f('kind', e.target.value as Form['kind'])}>
                  <option value="regular">Regular</option>
                  <option value="formulary">Drug formulary</option>
                </select>
              </Field>
              <Field label="Filed by">
                <select value={form.filedBy} onChange={(e) => f('filedBy', e.target.value as Form['filedBy'])}>
                  <option value="employee">Employee</option>
                  <option value="representative">Representative</option>
                  <option value="requesting-physician">Requesting physician</option>
                  <option value="emergency-provider">Emergency provider</option>
                </select>
              </Field>
            </div>
            <div className="row">
              <Field label="Signed on" error={errors['intake-signed']}>
                <input type="date" id="intake-signed" {...bind('signatureDate')} />
              </Field>
              <Field
                label="Date received"
                hint="The day the application arrived; the filing clock counts to it"
                error={errors['intake-received']}
              >
                <input type="date" id="intake-received" {...bind('receivedDate')} />
              </Field>
              <Field
                label="IMR case number"
                hint="Leave empty to number it automatically"
                error={errors['intake-case-number']}
              >
                <input type="text" id="intake-case-number" {...bind('caseNumber')} />
              </Field>
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={form.signaturePresent}
                onChange={(e) => f('signaturePresent', e.target.checked)}
              />
              <span>The application is signed</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.urDecisionAttached}
                onChange={(e) => f('urDecisionAttached', e.target.checked)}
              />
              <span>A copy of the UR decision is attached</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.consentToRecords}
                onChange={(e) => f('consentToRecords', e.target.checked)}
              />
              <span>Consent to release medical records is given</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.alsoDisputedForOtherReasons}
                onChange={(e) => f('alsoDisputedForOtherReasons', e.target.checked)}
              />
              <span>The claim is also disputed on other grounds (liability)</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.deniedForMissingInformation}
                onChange={(e) => f('deniedForMissingInformation', e.target.checked)}
              />
              <span>UR denied for missing information</span>
            </label>
          </fieldset>
        </div>

        <fieldset>
          <legend>Applicant attorney (optional)</legend>
          <div className="row">
            <Field label="Attorney name" error={errors['intake-attorney-name']}>
              <input type="text" id="intake-attorney-name" {...bind('attorneyName')} autoComplete="off" />
            </Field>
            <Field label="Law firm">
              <input type="text" value={form.attorneyFirm} onChange={(e) => f('attorneyFirm', e.target.value)} />
            </Field>
          </div>
          <Field label="Attorney address" hint="Up to four lines">
            <textarea rows={3} value={form.attorneyAddress} onChange={(e) => f('attorneyAddress', e.target.value)} />
          </Field>
        </fieldset>

        <fieldset>
          <legend>Disputed treatments</legend>
          {rows.map((r, i) => (
            <div key={r.key} className="card" style={{ boxShadow: 'none' }}>
              <h3 className="label" style={{ fontSize: '1rem' }}>
                Treatment {i + 1}
              </h3>
              <div className="row">
                <Field label="Treatment as requested" error={errors[`intake-treatment-${r.key}`]} className="wide">
                  <input
                    type="text"
                    id={`intake-treatment-${r.key}`}
                    value={r.treatment}
                    onChange={(e) => setRow(r.key, { treatment: e.target.value })}
                  />
                </Field>
                <Field label="Diagnosis (ICD-10)" error={errors[`intake-icd-${r.key}`]}>
                  <input
                    type="text"
                    id={`intake-icd-${r.key}`}
                    value={r.icd}
                    onChange={(e) => setRow(r.key, { icd: e.target.value })}
                  />
                </Field>
              </div>
              <div className="row">
                <Field label="Kind of treatment">
                  <select
                    value={r.category}
                    onChange={(e) => setRow(r.key, { category: e.target.value as TreatmentRow['category'] })}
                  >
                    <option value="">Work it out from the request</option>
                    {TREATMENT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {k.replace(/-/g, ' ')}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label="UR outcome">
                  <select value={r.outcome} onChange={(e) => setRow(r.key, { outcome: e.target.value as UrOutcome })}>
                    <option value="denied">Denied</option>
                    <option value="modified">Modified</option>
                    <option value="conditionally-non-certified">Conditionally non-certified</option>
                  </select>
                </Field>
                {r.outcome === 'modified' ? (
                  <Field label="What UR authorized" error={errors[`intake-authorized-${r.key}`]}>
                    <input
                      type="text"
                      id={`intake-authorized-${r.key}`}
                      value={r.authorizedPortion}
                      onChange={(e) => setRow(r.key, { authorizedPortion: e.target.value })}
                    />
                  </Field>
                ) : null}
              </div>
              <div className="row">
                <UrCitationsField
                  id={`intake-ur-citations-${r.key}`}
                  value={r.citations}
                  onChange={(v) => setRow(r.key, { citations: v })}
                />
              </div>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="btn small secondary"
                  onClick={() => setRows((old) => old.filter((x) => x.key !== r.key))}
                >
                  Remove treatment {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="btn secondary"
            onClick={() =>
              setRows((old) => [
                ...old,
                {
                  key: nextKey.current++,
                  treatment: '',
                  icd: '',
                  category: '',
                  outcome: 'denied',
                  authorizedPortion: '',
                  citations: '',
                },
              ])
            }
          >
            Add another treatment
          </button>
        </fieldset>

        <DocumentPicker label="Documents" documents={docs} onChange={setDocs} defaultKind="medical-record" />

        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy !== undefined}>
            Receive application
          </button>
          {busy === undefined ? null : (
            <span className="loading" role="status">
              {busy}
            </span>
          )}
        </div>
      </form>
    </Page>
  );
}
