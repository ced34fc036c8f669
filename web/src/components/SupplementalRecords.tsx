import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callWithDocuments } from '../api/client.ts';
import { caseKey } from '../api/queries.ts';
import type { CaseDetail, IntakeResponse } from '../api/types.ts';
import { can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert } from './Alert.tsx';
import { DocumentOutcomes } from './DocumentOutcomes.tsx';
import { DocumentPicker, type PickedDocument, toOutgoing } from './DocumentPicker.tsx';

/**
 * Records that arrive after the records were received (LC 4610.5(l): newly found records are sent at
 * once): added to the case for the reviewer and the engine, audited; the decision clock stays as it is.
 */
export function SupplementalRecords({ d }: { d: CaseDetail }) {
  const user = useUser();
  const qc = useQueryClient();
  const [docs, setDocs] = useState<PickedDocument[]>([]);
  const [outcome, setOutcome] = useState<
    { added: number; duplicates: IntakeResponse['duplicateDocuments']; ocr: IntakeResponse['ocr'] } | undefined
  >();
  const m = useMutation({
    mutationFn: () =>
      callWithDocuments(
        'supplementalRecords',
        { params: { caseId: d.case.id }, body: { expectedVersion: d.case.version } },
        docs.map(toOutgoing),
      ),
    onSuccess: async (r) => {
      setOutcome({ added: r.documentIds.length, duplicates: r.duplicateDocuments ?? [], ocr: r.ocr ?? [] });
      setDocs([]);
      await qc.invalidateQueries({ queryKey: caseKey(d.case.id) });
    },
  });
  const open = d.case.stage === 'records-received' || d.case.stage === 'in-review';
  if (!open || !can(user.role, 'caseSteps')) return null;
  return (
    <section className="card" aria-labelledby="supplemental-heading">
      <h2 id="supplemental-heading">Records that came later</h2>
      <p>Add records that arrived after the records were received; the reviewer sees them with the rest.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (docs.length > 0) m.mutate();
        }}
      >
        <DocumentPicker label="Supplemental records" documents={docs} onChange={setDocs} defaultKind="medical-record" />
        <button type="submit" className="btn" disabled={m.isPending || docs.length === 0}>
          Add to the case
        </button>
      </form>
      <ErrorAlert error={m.error ?? undefined} title="The records were not added" />
      {outcome === undefined ? null : (
        <>
          <Alert tone="success" title="Records added">
            <p>
              {outcome.added} {outcome.added === 1 ? 'document' : 'documents'} added to the case.
            </p>
          </Alert>
          <DocumentOutcomes duplicates={outcome.duplicates} ocr={outcome.ocr} />
        </>
      )}
    </section>
  );
}
