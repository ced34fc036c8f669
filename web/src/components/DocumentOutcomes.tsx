import type { IntakeResponse } from '../api/types.ts';
import { Alert } from './Alert.tsx';

/** What became of the uploads: files left out as repeats, and what OCR read of scanned pages. */
export function DocumentOutcomes({
  duplicates,
  ocr,
}: {
  duplicates: IntakeResponse['duplicateDocuments'];
  ocr: IntakeResponse['ocr'];
}) {
  return (
    <>
      {duplicates.length === 0 ? null : (
        <Alert tone="info" title="Repeated files were stored once">
          <ul>
            {duplicates.map((d) => (
              <li key={d.index}>
                “{d.title}” is the same file as “{d.of.title}”
                {'documentId' in d.of ? ', which the case already has' : ' in this upload'}; it was not stored again.
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {ocr.length === 0 ? null : (
        <Alert
          tone={ocr.every((o) => o.status === 'read') ? 'success' : 'warning'}
          title="Scanned pages were read by OCR"
        >
          <ul>
            {ocr.map((o) => (
              <li key={o.index}>
                “{o.title}”: {o.pagesRead} of {o.pagesWanted} scanned {o.pagesWanted === 1 ? 'page' : 'pages'} read
                {o.message === undefined ? '.' : ` — ${o.message}`}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
