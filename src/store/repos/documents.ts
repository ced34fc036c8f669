import type { Insertable } from 'kysely';
import { type CaseDocument, NewCaseDocument } from '../../domain/case.js';
import { codec, nowIso, parseInput } from '../codec.js';
import type { DocumentsTable, Handle, Tx } from '../schema.js';

export const documentCodec = codec<Omit<CaseDocument, 'extractedText'>>({
  id: 'value',
  caseId: 'value',
  title: 'value',
  kind: 'value',
  documentDate: 'value',
  sha256: 'value',
  sizeBytes: 'value',
  mime: 'value',
  storagePath: 'value',
  receivedAt: 'value',
});

/**
 * Document records. The bytes go to the document store first (`store.files.put(bytes)`, best
 * outside the transaction), then the record refers to them: `documents.create(tx, { ...stored,
 * caseId, … })`; the transaction forces the bytes to disk before it commits.
 * Extracted text is kept beside the record and indexed for `searchDocuments`.
 */
export const documents = {
  async create(tx: Tx, input: NewCaseDocument): Promise<CaseDocument> {
    const { extractedText, ...meta } = parseInput(NewCaseDocument, input, 'document');
    const row = documentCodec.toRow({ ...meta, receivedAt: meta.receivedAt ?? nowIso() }) as Insertable<DocumentsTable>;
    const created = documentCodec.fromRow(
      await tx.db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow(),
    );
    if (extractedText === undefined) return created;
    await tx.db.insertInto('document_text').values({ document_id: created.id, body: extractedText }).execute();
    return { ...created, extractedText };
  },

  /** The document with its extracted text, if any. */
  async getById(h: Handle, id: number): Promise<CaseDocument | undefined> {
    const row = await h.db
      .selectFrom('documents')
      .leftJoin('document_text', 'document_text.document_id', 'documents.id')
      .selectAll('documents')
      .select('document_text.body')
      .where('documents.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const { body, ...meta } = row;
    const doc = documentCodec.fromRow(meta);
    return body === null ? doc : { ...doc, extractedText: body };
  },

  /** The case's documents without their text, oldest first. */
  async listByCase(h: Handle, caseId: number): Promise<CaseDocument[]> {
    const rows = await h.db.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((r) => documentCodec.fromRow(r));
  },

  /** Documents of a case with these exact bytes (the same file submitted twice). */
  async findBySha256(h: Handle, caseId: number, sha256: string): Promise<CaseDocument[]> {
    const rows = await h.db
      .selectFrom('documents')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('sha256', '=', sha256)
      .orderBy('id')
      .execute();
    return rows.map((r) => documentCodec.fromRow(r));
  },

  /** Sets (or replaces) a document's extracted text, e.g. after OCR; the index follows. */
  async setText(tx: Tx, documentId: number, text: string): Promise<void> {
    await tx.db
      .insertInto('document_text')
      .values({ document_id: documentId, body: text })
      .onConflict((oc) => oc.column('document_id').doUpdateSet((eb) => ({ body: eb.ref('excluded.body') })))
      .execute();
  },
};
