import type { LetterRecord } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { appendAudit, letters, type Store } from '../store/index.js';
import type { Actor } from './actor.js';
import { DOCUMENT_READ_ACTION } from './timeline.js';

/**
 * Reads of case material that leave an audit event, beside reads.ts `readDocument`: an issued letter
 * (its record or its file), and the documents whose text the engine's review shows a reviewer. The
 * caller has checked the actor may see the case; the event is written before anything is returned.
 */

export const LETTER_READ_ACTION = 'letter.read';

export interface ReadLetterResult {
  readonly record: LetterRecord;
  readonly bytes: Uint8Array | undefined;
}

/** An issued letter of the case (and, if asked, its file); writes a `letter.read` audit event. */
export async function readLetter(
  store: Store,
  actor: Actor,
  input: { readonly caseId: number; readonly letterId: number; readonly includeBytes: boolean; readonly at: string },
): Promise<Result<ReadLetterResult, ImrError>> {
  const written = await store.transaction(async (tx) => {
    const record = await letters.getById(tx, input.letterId);
    if (record === undefined || record.caseId !== input.caseId) return undefined;
    await appendAudit(tx, {
      at: input.at,
      actor: actor.userId,
      action: LETTER_READ_ACTION,
      entityType: 'letter',
      entityId: String(record.id),
      caseId: record.caseId,
      requestId: actor.requestId,
      details: { kind: record.kind, format: record.format, bytes: input.includeBytes },
    });
    return record;
  });
  if (!written.ok) return written;
  const record = written.value;
  if (record === undefined) return err(imrError('IMR_NOT_FOUND', 'No such letter.', { entity: 'letter' }));
  if (!input.includeBytes) return ok({ record, bytes: undefined });
  if (record.storagePath === undefined) {
    return err(imrError('IMR_NOT_FOUND', 'The letter has no stored file.', { entity: 'letter-file' }));
  }
  try {
    return ok({ record, bytes: await store.files.read(record.storagePath) });
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return err(
      imrError('IMR_DOCUMENT_STORE_FAILED', 'The letter file could not be read.', {
        ...(typeof code === 'string' ? { fsCode: code } : {}),
      }),
    );
  }
}

/** One `document.read` event per document whose text was shown (`via` says where: `review`). */
export async function auditDocumentReads(
  store: Store,
  actor: Actor,
  input: {
    readonly caseId: number;
    readonly documentIds: readonly number[];
    readonly via: string;
    readonly at: string;
  },
): Promise<Result<void, ImrError>> {
  if (input.documentIds.length === 0) return ok(undefined);
  return store.transaction(async (tx) => {
    for (const id of input.documentIds) {
      await appendAudit(tx, {
        at: input.at,
        actor: actor.userId,
        action: DOCUMENT_READ_ACTION,
        entityType: 'document',
        entityId: String(id),
        caseId: input.caseId,
        requestId: actor.requestId,
        details: { via: input.via, text: true, bytes: false },
      });
    }
  });
}
