import type { Insertable, Updateable } from 'kysely';
import { NewUser, type User, UserPatch } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { codec, nowIso, parseInput } from '../codec.js';
import { fail, isUniqueViolation } from '../db-errors.js';
import type { Handle, Tx, UsersTable } from '../schema.js';
import { notFound } from './common.js';

export const userCodec = codec<User>({
  id: 'value',
  username: 'value',
  displayName: 'value',
  role: 'value',
  reviewerId: 'value',
  passwordHash: 'value',
  active: 'bool',
  createdAt: 'value',
});

/** Accounts. `passwordHash` is returned for sign-in; never send a User as it is to a client. */
export const users = {
  /** A user name already taken: IMR_ALREADY_EXISTS. */
  async create(tx: Tx, input: NewUser): Promise<User> {
    const row = {
      ...userCodec.toRow(parseInput(NewUser, input, 'user')),
      created_at: nowIso(),
    } as Insertable<UsersTable>;
    try {
      return userCodec.fromRow(await tx.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow());
    } catch (thrown) {
      if (isUniqueViolation(thrown))
        fail(imrError('IMR_ALREADY_EXISTS', 'The user name is taken.', { entity: 'user' }));
      throw thrown;
    }
  },

  async getById(h: Handle, id: number): Promise<User | undefined> {
    const row = await h.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : userCodec.fromRow(row);
  },

  async getByUsername(h: Handle, username: string): Promise<User | undefined> {
    const row = await h.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row === undefined ? undefined : userCodec.fromRow(row);
  },

  async list(h: Handle): Promise<User[]> {
    const rows = await h.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map((r) => userCodec.fromRow(r));
  },

  async update(tx: Tx, id: number, patch: UserPatch): Promise<User> {
    const set = userCodec.toRow(parseInput(UserPatch, patch, 'user change')) as Updateable<UsersTable>;
    if (Object.keys(set).length === 0) return (await users.getById(tx, id)) ?? notFound('user', id);
    const row = await tx.db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row === undefined ? notFound('user', id) : userCodec.fromRow(row);
  },
};
