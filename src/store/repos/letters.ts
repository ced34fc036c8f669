import type { Insertable } from 'kysely';
import { type LetterRecord, NewLetterRecord } from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { Handle, LettersTable, Tx } from '../schema.js';

export const letterCodec = codec<LetterRecord>({
  id: 'value',
  caseId: 'value',
  kind: 'value',
  recipientRole: 'value',
  format: 'value',
  storagePath: 'value',
  sha256: 'value',
  issuedAt: 'value',
  letter: 'json',
});

/**
 * Determination letters, issued or imported. Each record's clinical summary and rationales are
 * indexed in the same transaction, for `searchLetters`.
 */
export const letters = {
  async create(tx: Tx, input: NewLetterRecord): Promise<LetterRecord> {
    const v = parseInput(NewLetterRecord, input, 'letter');
    const row = letterCodec.toRow(v) as Insertable<LettersTable>;
    const created = letterCodec.fromRow(
      await tx.db.insertInto('letters').values(row).returningAll().executeTakeFirstOrThrow(),
    );
    await tx.db
      .insertInto('letter_text')
      .values({
        letter_id: created.id,
        summary: v.letter.clinicalSummary,
        rationales: v.letter.items.map((i) => i.rationale).join('\n\n'),
      })
      .execute();
    return created;
  },

  async getById(h: Handle, id: number): Promise<LetterRecord | undefined> {
    const row = await h.db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : letterCodec.fromRow(row);
  },

  async listByCase(h: Handle, caseId: number): Promise<LetterRecord[]> {
    const rows = await h.db.selectFrom('letters').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((r) => letterCodec.fromRow(r));
  },
};
