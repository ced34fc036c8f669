import type { Insertable, Updateable } from 'kysely';
import { NewParty, type Party, PartyPatch } from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { Handle, PartiesTable, Tx } from '../schema.js';
import { notFound } from './common.js';

export const partyCodec = codec<Party>({
  id: 'value',
  caseId: 'value',
  role: 'value',
  name: 'value',
  organization: 'value',
  npi: 'value',
  address: 'json',
  phone: 'value',
  email: 'value',
});

export const parties = {
  async create(tx: Tx, input: NewParty): Promise<Party> {
    const row = partyCodec.toRow(parseInput(NewParty, input, 'party')) as Insertable<PartiesTable>;
    return partyCodec.fromRow(await tx.db.insertInto('parties').values(row).returningAll().executeTakeFirstOrThrow());
  },

  async getById(h: Handle, id: number): Promise<Party | undefined> {
    const row = await h.db.selectFrom('parties').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : partyCodec.fromRow(row);
  },

  async listByCase(h: Handle, caseId: number): Promise<Party[]> {
    const rows = await h.db.selectFrom('parties').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((r) => partyCodec.fromRow(r));
  },

  async update(tx: Tx, id: number, patch: PartyPatch): Promise<Party> {
    const set = partyCodec.toRow(parseInput(PartyPatch, patch, 'party change')) as Updateable<PartiesTable>;
    if (Object.keys(set).length === 0) return (await parties.getById(tx, id)) ?? notFound('party', id);
    const row = await tx.db.updateTable('parties').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row === undefined ? notFound('party', id) : partyCodec.fromRow(row);
  },
};
