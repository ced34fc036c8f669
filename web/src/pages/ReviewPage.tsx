import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../api/client.ts';
import type { DeterminationBody } from '../api/contract.ts';
import { ApiError } from '../api/http.ts';
import { caseKey } from '../api/queries.ts';
import type {
  CaseDetail,
  Criterion,
  CriterionStatus,
  Decision,
  ReviewItemView,
  ReviewWorkspace,
} from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert, Loading } from '../components/Alert.tsx';
import { Badge, DecisionBadge } from '../components/Badges.tsx';
import { CaseFrame } from '../components/CaseFrame.tsx';
import { DocumentList } from '../components/DocumentList.tsx';
import { Field } from '../components/Field.tsx';
import { formatDate } from '../components/format.ts';
import { focusSpan, HighlightedText, locate, type Span } from '../components/HighlightedText.tsx';
import { MyDetermination, myDeterminations } from '../components/MyDetermination.tsx';
import { Tabs } from '../components/Tabs.tsx';

/** The title the server gives the reviewer's clinical case summary document (src/workflow). */
const CLINICAL_SUMMARY_TITLE = 'Clinical case summary (expert reviewer)';

const STATUS: Record<CriterionStatus, { label: string; tone: 'ok' | 'bad' | 'warn' | 'neutral' }> = {
  met: { label: 'Met', tone: 'ok' },
  unmet: { label: 'Unmet', tone: 'bad' },
  'not-documented': { label: 'Not documented', tone: 'warn' },
  'not-applicable': { label: 'Not applicable', tone: 'neutral' },
};

const spanKey = (itemId: number, criterionIndex: number, evidenceIndex: number) =>
  `i${itemId}-c${criterionIndex}-e${evidenceIndex}`;

interface ItemForm {
  decision: Decision | '';
  basisText: string;
  rationale: string;
  overrideReason: string;
}

function engineDecision(item: ReviewItemView): Decision | undefined {
  const r = item.review.recommendation;
  return r === 'Upheld' || r === 'Overturned' ? r : undefined;
}

function departs(item: ReviewItemView, form: ItemForm): boolean {
  const engine = engineDecision(item);
  return engine !== undefined && form.decision !== '' && form.decision !== engine;
}

function CriteriaList({
  item,
  spans,
  onShow,
}: {
  item: ReviewItemView;
  spans: ReadonlyMap<string, Span>;
  onShow: (key: string) => void;
}) {
  return (
    <ul className="criteria" aria-label={`Criteria for ${item.request}`}>
      {item.review.criteria.map((c: Criterion, ci) => (
        <li key={c.id}>
          <div>
            <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
            {c.required === false ? (
              <div className="muted" style={{ fontSize: '0.8rem' }}>
                Supporting
              </div>
            ) : null}
          </div>
          <div>
            {c.text}
            {c.evidence.length > 0 ? (
              <ul className="quotes">
                {c.evidence.map((e, ei) => {
                  const key = spanKey(item.itemId, ci, ei);
                  return (
                    <li key={key}>
                      <blockquote>“{e.quote}”</blockquote>
                      {spans.has(key) ? (
                        <button type="button" className="link-button" onClick={() => onShow(key)}>
                          Show in the record
                        </button>
                      ) : (
                        <span className="muted">(not found in the record text)</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function ItemCard({
  item,
  index,
  form,
  errors,
  readOnly,
  decided,
  spans,
  onChange,
  onShow,
}: {
  item: ReviewItemView;
  index: number;
  form: ItemForm;
  errors: Partial<Record<string, string>>;
  readOnly: boolean;
  decided: Decision | undefined;
  spans: ReadonlyMap<string, Span>;
  onChange: (patch: Partial<ItemForm>) => void;
  onShow: (key: string) => void;
}) {
  const headingId = useId();
  const r = item.review;
  const engine = engineDecision(item);
  const departing = departs(item, form);
  return (
    <section className={`card item-card${decided === undefined ? '' : ' decided'}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        Item {index + 1}: {item.request}
      </h2>
      {decided === undefined ? null : (
        <p>
          Your standing decision: <DecisionBadge decision={decided} />
        </p>
      )}
      <div className="recommendation">
        <span>Engine recommends</span> <DecisionBadge decision={r.recommendation} />
        <span className="muted">
          Guideline topic: <strong>{r.topic.title}</strong>
        </span>
      </div>
      {r.evidenceSearch === undefined ? null : <p className="muted">{r.evidenceSearch}</p>}
      {r.citations.length > 0 ? (
        <p className="muted">
          Cites:{' '}
          {r.citations
            .map(
              (c) =>
                `${c.text}${c.sections === undefined ? '' : `, ${c.sections}`}${c.pages === undefined ? '' : `, p. ${c.pages.join(', ')}`}`,
            )
            .join('; ')}
        </p>
      ) : null}
      <h3>Criteria</h3>
      {r.criteria.length === 0 ? (
        <p className="muted">No guideline criteria apply: the decision is the physician’s.</p>
      ) : (
        <CriteriaList item={item} spans={spans} onShow={onShow} />
      )}
      {readOnly ? (
        <details>
          <summary>Drafted rationale</summary>
          <p style={{ whiteSpace: 'pre-wrap' }}>{item.draft.rationale}</p>
        </details>
      ) : (
        <fieldset>
          <legend>Your decision on item {index + 1}</legend>
          <div role="radiogroup" aria-labelledby={`${headingId}-dlabel`} id={`decision-${item.itemId}`}>
            <span id={`${headingId}-dlabel`} className="label">
              Decision
            </span>
            {errors[`decision-${item.itemId}`] === undefined ? null : (
              <div className="field-error">{errors[`decision-${item.itemId}`]}</div>
            )}
            {(['Upheld', 'Overturned'] as const).map((d) => (
              <label className="check" key={d}>
                <input
                  type="radio"
                  name={`decision-${item.itemId}`}
                  value={d}
                  checked={form.decision === d}
                  onChange={() => onChange({ decision: d })}
                />
                <span>
                  {d === 'Upheld'
                    ? 'Upheld — the treatment is not medically necessary (the UR decision stands)'
                    : 'Overturned — the treatment is medically necessary'}
                  {engine === d ? <span className="muted"> (engine’s recommendation)</span> : null}
                </span>
              </label>
            ))}
          </div>
          {departing ? (
            <Field
              label="Why do you depart from the engine’s recommendation?"
              hint={`The engine recommended ${engine}. Say what in the record or the guideline leads you elsewhere.`}
              error={errors[`override-${item.itemId}`]}
            >
              <textarea
                id={`override-${item.itemId}`}
                value={form.overrideReason}
                onChange={(e) => onChange({ overrideReason: e.target.value })}
              />
            </Field>
          ) : null}
          <Field
            label="Basis (guidelines relied on)"
            hint="Prefilled from the engine’s citations; edit as needed."
            error={errors[`basis-${item.itemId}`]}
          >
            <textarea
              id={`basis-${item.itemId}`}
              rows={3}
              value={form.basisText}
              onChange={(e) => onChange({ basisText: e.target.value })}
            />
          </Field>
          <Field
            label="Rationale"
            hint="Prefilled from the engine’s draft; edit it into your own words."
            error={errors[`rationale-${item.itemId}`]}
          >
            <textarea
              id={`rationale-${item.itemId}`}
              rows={8}
              value={form.rationale}
              onChange={(e) => onChange({ rationale: e.target.value })}
            />
          </Field>
        </fieldset>
      )}
    </section>
  );
}

/** The record the engine read, one section per document, with the quotes marked. */
function RecordText({
  review,
  spans,
  active,
}: {
  review: ReviewWorkspace;
  spans: readonly Span[];
  active: string | undefined;
}) {
  const segments =
    review.segments.length > 0
      ? review.segments
      : [{ documentId: 0, title: 'Record', start: 0, end: review.text.length }];
  return (
    <>
      {segments.map((seg) => {
        const inside = spans
          .filter((sp) => sp.start < seg.end && sp.end > seg.start)
          .map((sp) => ({
            key: sp.key,
            start: Math.max(sp.start, seg.start) - seg.start,
            end: Math.min(sp.end, seg.end) - seg.start,
          }));
        return (
          <section key={`${seg.documentId}-${seg.start}`} aria-label={seg.title} style={{ marginBottom: '1rem' }}>
            <h3>{seg.title}</h3>
            <HighlightedText text={review.text.slice(seg.start, seg.end)} spans={inside} active={active} />
          </section>
        );
      })}
    </>
  );
}

function initialForm(item: ReviewItemView, review: ReviewWorkspace): ItemForm {
  const standing = review.myDeterminations.filter((x) => x.itemId === item.itemId).at(-1);
  if (standing !== undefined) {
    return {
      decision: standing.decision,
      basisText: standing.basis.raw,
      rationale: standing.rationale,
      overrideReason: standing.overrideReason ?? '',
    };
  }
  return {
    decision: item.draft.decision ?? '',
    basisText: item.draft.basis.raw,
    rationale: item.draft.rationale,
    overrideReason: '',
  };
}

/**
 * A refusal because a rationale contradicts its decision (or holds the engine's notes): the item and
 * the sentence, cut from the rationale that was sent at the offsets the server gave.
 */
function contradictionOf(
  e: unknown,
  body: DeterminationBody | undefined,
): { itemId: number; message: string } | undefined {
  if (!(e instanceof ApiError) || e.code !== 'IMR_RATIONALE_CONTRADICTS_DECISION' || body === undefined)
    return undefined;
  const details = (e.details ?? {}) as Record<string, unknown>;
  const itemId = Number(details.itemId);
  const item = body.items.find((i) => i.itemId === itemId);
  if (item === undefined) return undefined;
  const sentence = item.rationale.slice(Number(details.start), Number(details.end));
  const index = body.items.indexOf(item) + 1;
  const message =
    details.kind === 'internal-note'
      ? `Item ${index}: remove the decision-support engine’s note from the rationale: “${sentence}”`
      : `Item ${index}: the rationale says the opposite of your decision (${item.decision}): “${sentence}” Reword it or change the decision.`;
  return { itemId, message };
}

function Workspace({ d, review }: { d: CaseDetail; review: ReviewWorkspace }) {
  const user = useUser();
  const qc = useQueryClient();
  // The reviewer may revise a determined case until QA approves its letter as it stands.
  const approved = d.letterApproval?.current === true;
  const readOnly = user.role !== 'reviewer' || (d.case.stage === 'determined' && approved);
  const lastReturn = d.qaReturns.at(-1);
  const returnedOpen = lastReturn !== undefined && d.case.stage === 'in-review';
  const record = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | undefined>();
  const [forms, setForms] = useState<Record<number, ItemForm>>(() =>
    Object.fromEntries(review.items.map((i) => [i.itemId, initialForm(i, review)])),
  );
  const hasSummary = d.documents.some((doc) => doc.title === CLINICAL_SUMMARY_TITLE);
  const [clinicalSummary, setClinicalSummary] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  // Every quote located in the record text; offsets are checked against the text they index.
  const spans = useMemo(() => {
    const m = new Map<string, Span>();
    for (const item of review.items) {
      item.review.criteria.forEach((c, ci) => {
        c.evidence.forEach((e, ei) => {
          const at = locate(review.text, e.quote, e.start, e.end);
          const key = spanKey(item.itemId, ci, ei);
          if (at !== undefined) m.set(key, { key, ...at });
        });
      });
    }
    return m;
  }, [review]);
  const spanList = useMemo(() => [...spans.values()], [spans]);

  const save = useMutation({
    mutationFn: (body: DeterminationBody) => call('determine', { params: { caseId: d.case.id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKey(d.case.id) }),
    onError: (e, body) => {
      // The server names the sentence by its place in the rationale sent: show it beside that item.
      const found = contradictionOf(e, body);
      if (found === undefined) return;
      setErrors({ [`rationale-${found.itemId}`]: found.message });
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  function show(key: string) {
    setActive(key);
    // Wait for the active class to render, then move focus to the quote in the record.
    requestAnimationFrame(() => focusSpan(record.current, key));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    review.items.forEach((item, i) => {
      const f = forms[item.itemId];
      if (f === undefined) return;
      if (f.decision === '') found[`decision-${item.itemId}`] = `Choose Upheld or Overturned for item ${i + 1}.`;
      if (f.rationale.trim() === '') found[`rationale-${item.itemId}`] = `Write the rationale for item ${i + 1}.`;
      if (f.basisText.trim() === '') found[`basis-${item.itemId}`] = `State the basis for item ${i + 1}.`;
      if (departs(item, f) && f.overrideReason.trim() === '') {
        found[`override-${item.itemId}`] =
          `Item ${i + 1}: give a reason for departing from the engine’s recommendation (${engineDecision(item)}).`;
      }
    });
    if (!hasSummary && clinicalSummary.trim() === '') {
      found['clinical-summary'] = 'Write the clinical case summary for the letter.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body: DeterminationBody = {
      expectedVersion: d.case.version,
      items: review.items.map((item) => {
        const f = forms[item.itemId] as ItemForm;
        const basisChanged = f.basisText.trim() !== item.draft.basis.raw.trim();
        return {
          itemId: item.itemId,
          decision: f.decision as Decision,
          basis: basisChanged ? { ...item.draft.basis, raw: f.basisText.trim() } : item.draft.basis,
          rationale: f.rationale.trim(),
          ...(departs(item, f) ? { overrideReason: f.overrideReason.trim() } : {}),
        };
      }),
      ...(clinicalSummary.trim() === '' ? {} : { clinicalSummary: clinicalSummary.trim() }),
    };
    save.mutate(body);
  }

  const errorList = Object.entries(errors).filter((x): x is [string, string] => x[1] !== undefined);
  // After a save the case reloads; its items hold every determination, the latest of each reviewer standing.
  const standing = (itemId: number) =>
    (
      d.items
        .find((i) => i.id === itemId)
        ?.determinations.filter((x) => x.reviewerId === user.reviewerId)
        .at(-1) ?? review.myDeterminations.filter((x) => x.itemId === itemId).at(-1)
    )?.decision;

  return (
    <div className="workspace">
      {/* The pane scrolls on its own: focusable so the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard */}
      <section className="record-pane card" ref={record} tabIndex={0} aria-label="The record">
        <Tabs
          label="Record views"
          tabs={[
            {
              id: 'record',
              label: 'Record read by the engine',
              content: (
                <>
                  <p className="muted">
                    Quotes the engine relied on are highlighted. “Show in the record” beside a criterion brings its
                    quote here.
                  </p>
                  <RecordText review={review} spans={spanList} active={active} />
                </>
              ),
            },
            {
              id: 'documents',
              label: `Documents (${d.documents.length})`,
              content: <DocumentList caseId={d.case.id} documents={d.documents} />,
            },
          ]}
        />
      </section>
      <div>
        <div ref={summaryRef} tabIndex={-1}>
          {errorList.length > 0 ? (
            <div className="alert error" role="alert">
              <span className="alert-title">Before recording, fix {errorList.length === 1 ? 'this' : 'these'}</span>
              <ul>
                {errorList.map(([id, msg]) => (
                  <li key={id}>
                    <a href={`#${id}`}>{msg}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {save.error !== null && contradictionOf(save.error, save.variables) !== undefined ? null : (
            <ErrorAlert error={save.error} title="Your decisions were not recorded" />
          )}
          {save.data === undefined ? null : (
            <Alert tone="success" title="Decisions recorded">
              <p>
                {save.data.complete
                  ? 'Every item is decided. The letter goes to QA next.'
                  : 'Saved. Other items or reviewers still have to decide.'}{' '}
                <Link to={`/cases/${d.case.id}/letter`}>Preview the letter</Link>
              </p>
            </Alert>
          )}
        </div>
        {returnedOpen && lastReturn !== undefined ? (
          <Alert tone="warning" title="QA returned this case to you">
            <p className="qa-comment">{lastReturn.comment}</p>
            <p className="muted">
              {lastReturn.returnedByName}, {formatDate(lastReturn.returnedAt)}. Revise your decisions and record them
              again; QA approves the letter after that.
            </p>
          </Alert>
        ) : null}
        {readOnly && save.data === undefined ? (
          <Alert tone="info">
            <p>
              {user.role !== 'reviewer'
                ? 'You are seeing the engine’s review. Only the assigned physician reviewer records decisions.'
                : 'QA has approved the letter as it stands; your decisions can change only if QA returns the case.'}
            </p>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          {review.items.map((item, i) => (
            <ItemCard
              key={item.itemId}
              item={item}
              index={i}
              form={forms[item.itemId] as ItemForm}
              errors={errors}
              readOnly={readOnly}
              decided={standing(item.itemId)}
              spans={spans}
              onChange={(patch) =>
                setForms((old) => ({ ...old, [item.itemId]: { ...(old[item.itemId] as ItemForm), ...patch } }))
              }
              onShow={show}
            />
          ))}
          {readOnly ? null : (
            <section className="card" aria-labelledby="summary-heading">
              <h2 id="summary-heading">Clinical case summary</h2>
              <Field
                label="Summary for the letter"
                hint={
                  hasSummary
                    ? 'You have written one already; write here only to replace it.'
                    : 'Required: the letter’s summary of the case, in your words.'
                }
                error={errors['clinical-summary']}
              >
                <textarea
                  id="clinical-summary"
                  rows={6}
                  value={clinicalSummary}
                  onChange={(e) => setClinicalSummary(e.target.value)}
                />
              </Field>
              <div className="form-actions">
                <button type="submit" className="btn" disabled={save.isPending}>
                  {save.isPending ? 'Recording…' : 'Record my decisions'}
                </button>
              </div>
            </section>
          )}
        </form>
      </div>
    </div>
  );
}

function ReviewLoader({ d }: { d: CaseDetail }) {
  const q = useQuery({
    queryKey: ['review', d.case.id],
    queryFn: ({ signal }) => call('review', { params: { caseId: d.case.id }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (q.isPending) return <Loading what="the engine’s review" />;
  if (q.error) return <ErrorAlert error={q.error} title="The review could not be prepared" />;
  return <Workspace d={d} review={q.data} />;
}

const REVIEWABLE = new Set(['records-requested', 'records-received', 'in-review', 'determined']);

/** Stages in which the review is over (the letter issued, or the case closed or ended). */
const REVIEW_OVER = new Set(['letter-issued', 'closed', 'terminated', 'withdrawn', 'ineligible']);

export function ReviewPage() {
  const user = useUser();
  return (
    <CaseFrame title={(d) => `Review · ${d.case.caseNumber}`}>
      {(d) =>
        REVIEWABLE.has(d.case.stage) ? (
          <ReviewLoader d={d} />
        ) : myDeterminations(d, user.reviewerId).length > 0 ? (
          <MyDetermination d={d} />
        ) : (
          <Alert tone="info" title={REVIEW_OVER.has(d.case.stage) ? 'The review is over' : 'Not in review'}>
            <p>
              {REVIEW_OVER.has(d.case.stage)
                ? 'No review can be recorded on this case any more.'
                : 'The review opens once a reviewer is assigned and the notice of assignment has gone out.'}{' '}
              <Link to={`/cases/${d.case.id}`}>Back to the case</Link>.
            </p>
          </Alert>
        )
      }
    </CaseFrame>
  );
}
