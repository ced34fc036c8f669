import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, fileUrl } from '../api/client.ts';
import type { DocumentMeta } from '../api/types.ts';
import { ErrorAlert, Loading } from './Alert.tsx';
import { formatBytes, formatDate, titleCase } from './format.ts';

/** The text the server read from a document (each read is audited), shown on request. */
function DocumentText({ caseId, documentId }: { caseId: number; documentId: number }) {
  const q = useQuery({
    queryKey: ['document', caseId, documentId],
    queryFn: ({ signal }) => call('document', { params: { caseId, documentId }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (q.isPending) return <Loading what="the document text" />;
  if (q.error) return <ErrorAlert error={q.error} title="The document could not be opened" />;
  const text = q.data.extractedText;
  if (text === undefined || text.trim() === '') {
    return <p className="muted">No text could be read from this document (a scanned image or a damaged file).</p>;
  }
  return <pre className="doc-text">{text}</pre>;
}

/** What OCR made of a document's scanned pages, in one line. */
function ocrLine(ocr: NonNullable<DocumentMeta['ocr']>): string {
  const pages = `${ocr.pagesRead} of ${ocr.pagesWanted} scanned ${ocr.pagesWanted === 1 ? 'page' : 'pages'}`;
  switch (ocr.status) {
    case 'read':
      return `Scanned: read by OCR (${pages}).`;
    case 'partial':
      return `Scanned: OCR read ${pages}; the rest has no text.`;
    case 'unavailable':
      return 'Scanned: not read, OCR (tesseract) is not installed on the server.';
    case 'failed':
      return 'Scanned: OCR could not read the pages.';
  }
}

export function DocumentRow({ caseId, doc }: { caseId: number; doc: DocumentMeta }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <li className="card" style={{ boxShadow: 'none', padding: '0.6rem 0.9rem' }}>
      <div className="row" style={{ alignItems: 'center' }}>
        <div style={{ flex: '1 1 16rem' }}>
          <strong>{doc.title}</strong>
          <br />
          <span className="muted">
            {titleCase(doc.kind)} · {doc.mime === 'application/pdf' ? 'PDF' : 'Text'} · {formatBytes(doc.sizeBytes)}
            {doc.documentDate === undefined ? '' : ` · dated ${formatDate(doc.documentDate)}`} · received{' '}
            {formatDate(doc.receivedAt)}
          </span>
          {doc.ocr === undefined ? null : (
            <>
              <br />
              <span className={doc.ocr.status === 'read' ? 'muted' : 'field-error'}>{ocrLine(doc.ocr)}</span>
            </>
          )}
        </div>
        <button
          type="button"
          className="btn small secondary"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide text' : 'Show text'}
          <span className="visually-hidden"> of {doc.title}</span>
        </button>
        <a className="btn small secondary" href={fileUrl('documentContent', { caseId, documentId: doc.id })}>
          Download<span className="visually-hidden"> {doc.title}</span>
        </a>
      </div>
      <div id={regionId} hidden={!open} style={{ marginTop: open ? '0.6rem' : 0 }}>
        {open ? <DocumentText caseId={caseId} documentId={doc.id} /> : null}
      </div>
    </li>
  );
}

export function DocumentList({ caseId, documents }: { caseId: number; documents: readonly DocumentMeta[] }) {
  if (documents.length === 0) return <p className="muted">No documents yet.</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {documents.map((d) => (
        <DocumentRow key={d.id} caseId={caseId} doc={d} />
      ))}
    </ul>
  );
}
