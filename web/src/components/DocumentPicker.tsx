import { useId, useRef, useState } from 'react';
import type { OutgoingDocument } from '../api/client.ts';
import type { DocumentKind } from '../api/types.ts';
import {
  ACCEPT,
  type CheckedFile,
  checkFile,
  DOCUMENT_KINDS,
  guessKindFromName,
  sameBytes,
  titleFromName,
} from '../api/uploads.ts';
import { useUploadLimit } from '../auth/session.tsx';
import { formatBytes } from './format.ts';

export interface PickedDocument {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly checked: CheckedFile;
  title: string;
  kind: DocumentKind;
  /** The kind was guessed from the file name (the clerk may correct it). */
  guessed: boolean;
}

export function toOutgoing(d: PickedDocument): OutgoingDocument {
  return { name: d.name, title: d.title.trim() || d.name, kind: d.kind, mime: d.checked.mime, bytes: d.checked.bytes };
}

/**
 * Choosing documents (PDF or plain text): each file is checked as it is picked and refused with a
 * message that says why; accepted files get a title and a kind. The native file input keeps it
 * keyboard- and screen-reader-friendly.
 */
export function DocumentPicker({
  label,
  documents,
  onChange,
  defaultKind,
}: {
  label: string;
  documents: readonly PickedDocument[];
  onChange: (docs: PickedDocument[]) => void;
  defaultKind: DocumentKind;
}) {
  const inputId = useId();
  const hintId = useId();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const maxBytes = useUploadLimit();

  async function pick(files: FileList | null) {
    if (files === null || files.length === 0) return;
    setChecking(true);
    const added: PickedDocument[] = [];
    const refused: string[] = [];
    for (const f of Array.from(files)) {
      const r = await checkFile(f, maxBytes);
      if (!r.ok) {
        refused.push(r.message);
        continue;
      }
      const twin = [...documents, ...added].find((d) => sameBytes(d.checked.bytes, r.file.bytes));
      if (twin !== undefined) {
        refused.push(`“${f.name}” is the same file as “${twin.name}” (identical content), so it was not added again.`);
        continue;
      }
      counter.current += 1;
      const guess = guessKindFromName(f.name);
      added.push({
        key: `${counter.current}-${f.name}`,
        name: f.name,
        size: f.size,
        checked: r.file,
        title: titleFromName(f.name),
        kind: guess ?? defaultKind,
        guessed: guess !== undefined,
      });
    }
    setProblems(refused);
    setChecking(false);
    onChange([...documents, ...added]);
    if (input.current) input.current.value = '';
  }

  function update(key: string, patch: Partial<Pick<PickedDocument, 'title' | 'kind' | 'guessed'>>) {
    onChange(documents.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  }

  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={inputId}>Add documents</label>
        <span className="hint" id={hintId}>
          PDF or plain text (.txt), up to {formatBytes(maxBytes)} each. You can choose several at once.
        </span>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          multiple
          aria-describedby={hintId}
          onChange={(e) => void pick(e.target.files)}
        />
      </div>
      {checking ? (
        <p className="loading" role="status">
          Checking files…
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="alert error" role="alert">
          <span className="alert-title">
            {problems.length === 1 ? 'This file was not added' : `${problems.length} files were not added`}
          </span>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {documents.length === 0 ? (
        <p className="muted">No documents added.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>Documents to send</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.key}>
                  <td>
                    {d.name}
                    <br />
                    <span className="muted">
                      {d.checked.mime === 'application/pdf' ? 'PDF' : 'Text'}, {formatBytes(d.size)}
                    </span>
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={`Title of ${d.name}`}
                      value={d.title}
                      onChange={(e) => update(d.key, { title: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Kind of ${d.name}`}
                      value={d.kind}
                      onChange={(e) => update(d.key, { kind: e.target.value as DocumentKind, guessed: false })}
                    >
                      {DOCUMENT_KINDS.map((k) => (
                        <option key={k.value} value={k.value}>
                          {k.label}
                        </option>
                      ))}
                    </select>
                    {d.guessed ? (
                      <span className="hint" style={{ display: 'block' }}>
                        Guessed from the file name: check it.
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn small secondary"
                      onClick={() => onChange(documents.filter((x) => x.key !== d.key))}
                    >
                      Remove<span className="visually-hidden"> {d.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}
