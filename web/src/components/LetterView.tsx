import type { LetterPreviewResponse } from '../api/types.ts';
import { DecisionBadge } from './Badges.tsx';
import { formatDate } from './format.ts';

type Letter = LetterPreviewResponse['letter'];

/** A determination letter from its JSON: header, reviewer, patient, summary and each item. */
export function LetterView({ letter, headingLevel = 2 }: { letter: Letter; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <article className="letter-preview" style={{ whiteSpace: 'normal' }}>
      <H>Final Determination Letter{letter.case.caseNumber === undefined ? '' : ` · ${letter.case.caseNumber}`}</H>
      <dl className="facts">
        <dt>Decision date</dt>
        <dd>{formatDate(letter.case.decisionDate)}</dd>
        <dt>UR denial date</dt>
        <dd>{formatDate(letter.case.urDenialDate)}</dd>
        <dt>Application received</dt>
        <dd>{formatDate(letter.case.applicationReceived)}</dd>
        <dt>Priority</dt>
        <dd>{letter.case.priority ?? '—'}</dd>
        <dt>Reviewer</dt>
        <dd>
          {[...letter.reviewer.licensure, ...letter.reviewer.specialties, ...letter.reviewer.subspecialties].join(
            ', ',
          ) || '—'}
        </dd>
        <dt>Patient</dt>
        <dd>
          {[
            letter.patient.age === undefined ? undefined : `${letter.patient.age} years old`,
            letter.patient.sex,
            letter.patient.injuryDate === undefined ? undefined : `injured ${formatDate(letter.patient.injuryDate)}`,
          ]
            .filter((x) => x !== undefined)
            .join(', ') || '—'}
        </dd>
      </dl>
      <Sub>Clinical case summary</Sub>
      <p style={{ whiteSpace: 'pre-wrap' }}>{letter.clinicalSummary}</p>
      {letter.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a letter's items keep their order; two may share a request
        <section key={i}>
          <Sub>
            Item {i + 1}: {item.request} <DecisionBadge decision={item.decision} />
          </Sub>
          {item.originalRequest === undefined ? null : (
            <p>
              Original request: {item.originalRequest}. Authorized by UR: {item.authorizedPortion ?? '—'}.
            </p>
          )}
          <p>
            <strong>Reviewer’s basis:</strong> {item.reviewerBasis.raw || '—'}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{item.rationale}</p>
        </section>
      ))}
    </article>
  );
}
