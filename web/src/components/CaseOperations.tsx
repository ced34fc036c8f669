import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { call, callWithDocuments } from '../api/client.ts';
import type { OperationPreviewResponse, RouteBody } from '../api/contract.ts';
import { ApiError, errorMessage } from '../api/http.ts';
import { caseKey } from '../api/queries.ts';
import type { CaseDetail, CaseStage, ClockView } from '../api/types.ts';
import { type Area, can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert } from './Alert.tsx';
import { DocumentPicker, type PickedDocument, toOutgoing } from './DocumentPicker.tsx';
import { Field } from './Field.tsx';
import { BEFORE_DECISION_STAGES, CLOCK_STATUS, clockDue, formatDate, STAGE_LABEL } from './format.ts';

/**
 * The operations on a case besides its next step: an extension of the decision period, conversion to
 * expedited review, termination or withdrawal, and closing. Each is a form with its legal choices;
 * "Review the effect" asks the server what the operation would do to the stage and the clocks (the
 * same checks as the operation, nothing written), and only then can it be confirmed. Errors name the
 * field they belong to, with the server's code.
 */

type Operation = OperationPreviewResponse['operation'];
type ExtensionReason = RouteBody<'extend'>['reason'];
type TerminationReason = RouteBody<'terminate'>['reason'];

const OPERATIONS: readonly Operation[] = ['extension', 'expedite', 'termination', 'close'];

/** Stages each operation may start from (src/workflow/stages.ts, STAGE_MACHINE). */
const BEFORE_DECISION = BEFORE_DECISION_STAGES;
const FROM: Record<Operation, readonly CaseStage[]> = {
  extension: ['records-requested', 'records-received', 'in-review'],
  expedite: BEFORE_DECISION,
  termination: [...BEFORE_DECISION, 'determined'],
  close: ['letter-issued'],
};

const AREA: Record<Operation, Area> = {
  extension: 'extendDecision',
  expedite: 'expedite',
  termination: 'terminate',
  close: 'closeCase',
};

const TEXT: Record<
  Operation,
  {
    readonly choose: string;
    readonly title: string;
    readonly law: string;
    readonly confirm: string;
    readonly done: string;
  }
> = {
  extension: {
    choose: 'Extend the decision period',
    title: 'Extension of the decision period',
    law: 'LC 4610.6(d): the Administrative Director may extend the period for the decision by up to three days in all, for extraordinary circumstances or good cause.',
    confirm: 'Confirm the extension',
    done: 'The extension is recorded; the decision clock is moved.',
  },
  expedite: {
    choose: 'Convert to expedited review',
    title: 'Conversion to expedited review',
    law: "8 CCR 9792.10.4: a regular review becomes expedited on the treating physician's written certification, with supporting documents, that the employee faces an imminent and serious threat to health.",
    confirm: 'Confirm the conversion',
    done: 'The review is expedited; its clocks are shortened.',
  },
  termination: {
    choose: 'Terminate or withdraw',
    title: 'Termination or withdrawal',
    law: 'LC 4610.5(g); 8 CCR 9792.10.6(a): the review ends when the claims administrator authorizes the treatment, the dispute settles, or the employee withdraws the request.',
    confirm: 'Confirm the termination',
    done: 'The review has ended; its clocks are stopped.',
  },
  close: {
    choose: 'Close the case',
    title: 'Closing the case',
    law: 'The letter has issued: closing takes the case off the open queue. The letter and the record stay as they are.',
    confirm: 'Confirm closing',
    done: 'The case is closed.',
  },
};

const EXTENSION_REASONS: readonly { value: ExtensionReason; label: string }[] = [
  { value: 'extraordinary-circumstances', label: 'Extraordinary circumstances' },
  { value: 'good-cause', label: 'Good cause' },
];

const TERMINATION_REASONS: readonly { value: TerminationReason; label: string; hint: string }[] = [
  {
    value: 'treatment-authorized',
    label: 'The claims administrator authorized the treatment',
    hint: 'The case ends as terminated.',
  },
  { value: 'settled', label: 'The parties settled the dispute', hint: 'The case ends as terminated.' },
  { value: 'request-withdrawn', label: 'The employee withdrew the request', hint: 'The case ends as withdrawn.' },
];

/** Which operations the signed-in role may run on the case as it is now. */
export function availableOperations(d: CaseDetail, role: Parameters<typeof can>[0]): Operation[] {
  return OPERATIONS.filter(
    (op) =>
      can(role, AREA[op]) && FROM[op].includes(d.case.stage) && !(op === 'expedite' && d.case.priority === 'expedited'),
  );
}

export function CaseOperations({ d }: { d: CaseDetail }) {
  const user = useUser();
  const [open, setOpen] = useState<Operation | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const formId = useId();
  const ops = availableOperations(d, user.role);
  if (ops.length === 0 && done === undefined) return null;
  return (
    <section className="card" aria-labelledby="ops-heading">
      <h2 id="ops-heading">Case actions</h2>
      {done === undefined ? null : <Alert tone="success">{done}</Alert>}
      {ops.length === 0 ? null : (
        <div className="op-choices">
          {ops.map((op) => (
            <button
              key={op}
              type="button"
              className={`btn ${open === op ? '' : 'secondary'}`}
              aria-expanded={open === op}
              aria-controls={formId}
              onClick={() => {
                setDone(undefined);
                setOpen(open === op ? undefined : op);
              }}
            >
              {TEXT[op].choose}
            </button>
          ))}
        </div>
      )}
      <div id={formId}>
        {open === undefined || !ops.includes(open) ? null : (
          <OperationForm
            key={`${open}-${d.case.version}`}
            op={open}
            d={d}
            onCancel={() => setOpen(undefined)}
            onDone={(message) => {
              setOpen(undefined);
              setDone(message);
            }}
          />
        )}
      </div>
    </section>
  );
}

interface Fields {
  days: string;
  reason: string;
  at: string;
  certifiedAt: string;
}

/** Field ids, so that an error in the summary or from the server lands on its control. */
const FIELD_ID: Record<keyof Fields | 'documents', string> = {
  days: 'op-days',
  reason: 'op-reason',
  at: 'op-at',
  certifiedAt: 'op-certified-at',
  documents: 'op-documents',
};

/** The field a server error is about (`details.path` from validation, `details.field` from the workflow). */
function fieldOf(error: unknown): keyof typeof FIELD_ID | undefined {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return undefined;
  const details = error.details as { path?: unknown; field?: unknown };
  const name = String(details.field ?? details.path ?? '').split('.')[0] ?? '';
  return name in FIELD_ID ? (name as keyof typeof FIELD_ID) : undefined;
}

function withCode(error: unknown): string {
  const code = error instanceof ApiError && error.code.startsWith('IMR_') ? ` (${error.code})` : '';
  return `${errorMessage(error)}${code}`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function OperationForm({
  op,
  d,
  onCancel,
  onDone,
}: {
  op: Operation;
  d: CaseDetail;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const qc = useQueryClient();
  const caseId = d.case.id;
  const expectedVersion = d.case.version;
  const granted = d.clocks.extensions.reduce((sum, e) => sum + e.days, 0);
  const left = Math.max(3 - granted, 0);
  const [fields, setFields] = useState<Fields>({ days: '1', reason: '', at: '', certifiedAt: '' });
  const [documents, setDocuments] = useState<PickedDocument[]>([]);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof FIELD_ID, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<OperationPreviewResponse | undefined>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setPreview(undefined);
  };
  /** The date an event happened: today at the latest. */
  const dateInput = (k: 'at' | 'certifiedAt') => (
    <input
      id={FIELD_ID[k]}
      type="date"
      max={today()}
      value={fields[k]}
      onChange={(e) => set({ [k]: e.target.value })}
    />
  );

  /** A server error goes to its field when it names one; otherwise above the form. */
  function showError(error: unknown) {
    const field = fieldOf(error);
    if (field === undefined) {
      setFailure(error);
      setErrors({});
    } else {
      setFailure(null);
      setErrors({ [field]: withCode(error) });
    }
    requestAnimationFrame(() => summary.current?.focus());
  }

  function check(): boolean {
    const found: Partial<Record<keyof typeof FIELD_ID, string>> = {};
    if ((op === 'extension' || op === 'termination') && fields.reason === '') {
      found.reason = op === 'extension' ? 'Choose why the extension was approved.' : 'Choose why the review ends.';
    }
    if (op === 'expedite' && documents.length === 0) {
      found.documents = "Add the physician's certification (and any supporting documents).";
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return false;
    }
    return true;
  }

  async function review(e: FormEvent) {
    e.preventDefault();
    if (!check()) return;
    setBusy(true);
    try {
      const p = await call('operationPreview', {
        params: { caseId },
        query: {
          operation: op,
          expectedVersion,
          ...(op === 'extension' ? { days: Number(fields.days), reason: fields.reason } : {}),
          ...(op === 'termination' ? { reason: fields.reason, ...(fields.at === '' ? {} : { at: fields.at }) } : {}),
          ...(op === 'expedite' && fields.certifiedAt !== '' ? { certifiedAt: fields.certifiedAt } : {}),
        },
      });
      setPreview(p);
    } catch (thrown) {
      showError(thrown);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      if (op === 'extension') {
        await call('extend', {
          params: { caseId },
          body: { expectedVersion, days: Number(fields.days), reason: fields.reason as ExtensionReason },
        });
      } else if (op === 'termination') {
        await call('terminate', {
          params: { caseId },
          body: {
            expectedVersion,
            reason: fields.reason as TerminationReason,
            ...(fields.at === '' ? {} : { at: fields.at }),
          },
        });
      } else if (op === 'expedite') {
        await callWithDocuments(
          'expedite',
          {
            params: { caseId },
            body: { expectedVersion, ...(fields.certifiedAt === '' ? {} : { certifiedAt: fields.certifiedAt }) },
          },
          documents.map(toOutgoing),
        );
      } else {
        await call('close', { params: { caseId }, body: { expectedVersion } });
      }
      await qc.invalidateQueries({ queryKey: caseKey(caseId) });
      onDone(TEXT[op].done);
    } catch (thrown) {
      setPreview(undefined);
      showError(thrown);
    } finally {
      setBusy(false);
    }
  }

  const errorList = Object.entries(errors).filter((x): x is [keyof typeof FIELD_ID, string] => x[1] !== undefined);
  return (
    <form className="op-form" onSubmit={(e) => void review(e)} noValidate aria-labelledby="op-title">
      <h3 id="op-title">{TEXT[op].title}</h3>
      <p className="muted">{TEXT[op].law}</p>
      <div ref={summary} tabIndex={-1}>
        {errorList.length > 0 ? (
          <div className="alert error" role="alert">
            <span className="alert-title">Fix {errorList.length === 1 ? 'this' : 'these'} first</span>
            <ul>
              {errorList.map(([field, message]) => (
                <li key={field}>
                  <a href={`#${FIELD_ID[field]}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorAlert error={failure} title="That did not work" />
      </div>

      {op === 'extension' ? (
        <>
          <Field
            label="Days of extension"
            hint={`At most 3 days in all; ${left === 3 ? 'none granted yet' : `${granted} granted already, ${left} left`}.`}
            error={errors.days}
          >
            <select id={FIELD_ID.days} value={fields.days} onChange={(e) => set({ days: e.target.value })}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={String(n)}>
                  {n} {n === 1 ? 'day' : 'days'}
                </option>
              ))}
            </select>
          </Field>
          <Choice
            legend="Why the Administrative Director approved it"
            name="extension-reason"
            options={EXTENSION_REASONS}
            value={fields.reason}
            error={errors.reason}
            onChange={(reason) => set({ reason })}
          />
        </>
      ) : null}

      {op === 'termination' ? (
        <>
          <Choice
            legend="Why the review ends"
            name="termination-reason"
            options={TERMINATION_REASONS}
            value={fields.reason}
            error={errors.reason}
            onChange={(reason) => set({ reason })}
          />
          <Field
            label="Date of the notice"
            hint="When the notice of authorization, settlement or withdrawal reached us; today if left empty."
            error={errors.at}
          >
            {dateInput('at')}
          </Field>
        </>
      ) : null}

      {op === 'expedite' ? (
        <>
          <Field
            label="Date the certification was received"
            hint="Today if left empty. The shorter clocks run from the events after it."
            error={errors.certifiedAt}
          >
            {dateInput('certifiedAt')}
          </Field>
          <div id={FIELD_ID.documents} tabIndex={-1}>
            <DocumentPicker
              label="The physician's certification and supporting documents"
              documents={documents}
              onChange={(docs) => {
                setDocuments(docs);
                setPreview(undefined);
              }}
              defaultKind="correspondence"
            />
            {errors.documents === undefined ? null : <span className="field-error">{errors.documents}</span>}
          </div>
        </>
      ) : null}

      {preview === undefined ? (
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Working it out…' : 'Review the effect'}
          </button>
          <button type="button" className="btn secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <Effect preview={preview}>
          <div className="form-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Recording…' : TEXT[op].confirm}
            </button>
            <button type="button" className="btn secondary" disabled={busy} onClick={() => setPreview(undefined)}>
              Change the details
            </button>
            <button type="button" className="btn secondary" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </Effect>
      )}
    </form>
  );
}

/** A required choice among legal reasons: a radio group with its legend, hint per option and error. */
function Choice({
  legend,
  name,
  options,
  value,
  error,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string; hint?: string }[];
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={error === undefined ? undefined : errorId} aria-invalid={error !== undefined}>
      <legend>{legend}</legend>
      {error === undefined ? null : (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
      {options.map((o, i) => (
        <label className="check" key={o.value}>
          <input
            type="radio"
            name={name}
            id={i === 0 ? FIELD_ID.reason : undefined}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>
            {o.label}
            {o.hint === undefined ? null : <span className="muted"> — {o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function clockText(c: ClockView | undefined): string {
  if (c === undefined) return '—';
  const status = CLOCK_STATUS[c.status].label;
  const due =
    c.status === 'stopped' || (c.dueDate === undefined && c.dueAt === undefined) ? '' : `, due ${clockDue(c)}`;
  const extended =
    c.extensionDays > 0 ? ` (extended ${c.extensionDays} ${c.extensionDays === 1 ? 'day' : 'days'})` : '';
  return `${status}${due}${extended}`;
}

/** What the operation would change: the stage, the priority, the reviewer's assignment and each clock. */
function Effect({ preview: p, children }: { preview: OperationPreviewResponse; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Once it is on the page, focus goes to it, so a keyboard or screen-reader user meets it first.
  useEffect(() => heading.current?.focus(), []);
  const changed = p.after.clocks
    .map((after) => ({ after, before: p.before.clocks.find((b) => b.id === after.id) }))
    .filter(({ before, after }) => clockText(before) !== clockText(after));
  return (
    <div className="op-effect">
      <h4 ref={heading} tabIndex={-1}>
        What will change
      </h4>
      <ul>
        <li>
          {p.stage.from === p.stage.to
            ? `The case stays at “${STAGE_LABEL[p.stage.from]}”.`
            : `The case moves from “${STAGE_LABEL[p.stage.from]}” to “${STAGE_LABEL[p.stage.to]}”.`}
        </li>
        {p.priority.from === p.priority.to ? null : <li>The review becomes expedited.</li>}
        {p.assignmentsEnding > 0 ? (
          <li>
            {p.assignmentsEnding === 1
              ? "The reviewer's assignment ends."
              : `The ${p.assignmentsEnding} reviewers' assignments end.`}
          </li>
        ) : null}
        {p.after.stopped !== undefined && p.before.stopped === undefined ? (
          <li>Every running clock stops as of {formatDate(p.after.stopped.at)}.</li>
        ) : null}
      </ul>
      {changed.length === 0 ? (
        <p>No statutory clock changes.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Statutory clocks now and after</caption>
            <thead>
              <tr>
                <th scope="col">Clock</th>
                <th scope="col">Now</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {changed.map(({ before, after }) => (
                <tr key={after.id}>
                  <th scope="row">
                    {after.label}
                    <div className="muted small">{after.source}</div>
                  </th>
                  <td data-label="Now">{clockText(before)}</td>
                  <td data-label="After">
                    <strong>{clockText(after)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">Nothing is recorded until you confirm.</p>
      {children}
    </div>
  );
}
