import type { Insertable, Updateable } from 'kysely';
import {
  type Affiliation,
  AffiliationPatch,
  type Credential,
  CredentialPatch,
  type ExpertReviewer,
  ExpertReviewerPatch,
  NewAffiliation,
  NewCredential,
  NewExpertReviewer,
} from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { Handle, ReviewerAffiliationsTable, ReviewerCredentialsTable, ReviewersTable, Tx } from '../schema.js';
import { notFound } from './common.js';

export const reviewerCodec = codec<ExpertReviewer>({
  id: 'value',
  name: 'value',
  npi: 'value',
  profession: 'value',
  yearsInPractice: 'value',
  activePracticeSince: 'value',
  weeklyClinicalHours: 'value',
  qmeStatus: 'value',
  qmeUntil: 'value',
  disciplinaryHistory: 'bool',
  active: 'bool',
});

export const credentialCodec = codec<Credential>({
  id: 'value',
  reviewerId: 'value',
  type: 'value',
  name: 'value',
  number: 'value',
  state: 'value',
  status: 'value',
  issuer: 'value',
  expires: 'value',
});

export const affiliationCodec = codec<Affiliation>({
  id: 'value',
  reviewerId: 'value',
  organizationName: 'value',
  aliases: 'json',
  kind: 'value',
  relationship: 'value',
  personName: 'value',
  since: 'value',
  until: 'value',
});

/** A reviewer with everything qualification and conflict screening look at. */
export interface ReviewerProfile {
  readonly reviewer: ExpertReviewer;
  readonly credentials: readonly Credential[];
  readonly affiliations: readonly Affiliation[];
}

export const reviewers = {
  async create(tx: Tx, input: NewExpertReviewer): Promise<ExpertReviewer> {
    const row = reviewerCodec.toRow(parseInput(NewExpertReviewer, input, 'reviewer')) as Insertable<ReviewersTable>;
    return reviewerCodec.fromRow(
      await tx.db.insertInto('reviewers').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async getById(h: Handle, id: number): Promise<ExpertReviewer | undefined> {
    const row = await h.db.selectFrom('reviewers').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : reviewerCodec.fromRow(row);
  },

  async list(h: Handle, options: { readonly activeOnly?: boolean } = {}): Promise<ExpertReviewer[]> {
    let q = h.db.selectFrom('reviewers').selectAll();
    if (options.activeOnly === true) q = q.where('active', '=', 1);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => reviewerCodec.fromRow(r));
  },

  /** Reviewers with their credentials and affiliations, in three queries (for assignment). */
  async listProfiles(h: Handle, options: { readonly activeOnly?: boolean } = {}): Promise<ReviewerProfile[]> {
    const list = await reviewers.list(h, options);
    if (list.length === 0) return [];
    const ids = list.map((r) => r.id);
    const [creds, affs] = await Promise.all([
      h.db.selectFrom('reviewer_credentials').selectAll().where('reviewer_id', 'in', ids).orderBy('id').execute(),
      h.db.selectFrom('reviewer_affiliations').selectAll().where('reviewer_id', 'in', ids).orderBy('id').execute(),
    ]);
    return list.map((reviewer) => ({
      reviewer,
      credentials: creds.filter((c) => c.reviewer_id === reviewer.id).map((c) => credentialCodec.fromRow(c)),
      affiliations: affs.filter((a) => a.reviewer_id === reviewer.id).map((a) => affiliationCodec.fromRow(a)),
    }));
  },

  async update(tx: Tx, id: number, patch: ExpertReviewerPatch): Promise<ExpertReviewer> {
    const set = reviewerCodec.toRow(
      parseInput(ExpertReviewerPatch, patch, 'reviewer change'),
    ) as Updateable<ReviewersTable>;
    if (Object.keys(set).length === 0) return (await reviewers.getById(tx, id)) ?? notFound('reviewer', id);
    const row = await tx.db.updateTable('reviewers').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row === undefined ? notFound('reviewer', id) : reviewerCodec.fromRow(row);
  },
};

export const credentials = {
  async create(tx: Tx, input: NewCredential): Promise<Credential> {
    const row = credentialCodec.toRow(
      parseInput(NewCredential, input, 'credential'),
    ) as Insertable<ReviewerCredentialsTable>;
    return credentialCodec.fromRow(
      await tx.db.insertInto('reviewer_credentials').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async listByReviewer(h: Handle, reviewerId: number): Promise<Credential[]> {
    const rows = await h.db
      .selectFrom('reviewer_credentials')
      .selectAll()
      .where('reviewer_id', '=', reviewerId)
      .orderBy('id')
      .execute();
    return rows.map((r) => credentialCodec.fromRow(r));
  },

  async update(tx: Tx, id: number, patch: CredentialPatch): Promise<Credential> {
    const set = credentialCodec.toRow(
      parseInput(CredentialPatch, patch, 'credential change'),
    ) as Updateable<ReviewerCredentialsTable>;
    const row =
      Object.keys(set).length === 0
        ? await tx.db.selectFrom('reviewer_credentials').selectAll().where('id', '=', id).executeTakeFirst()
        : await tx.db
            .updateTable('reviewer_credentials')
            .set(set)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst();
    return row === undefined ? notFound('credential', id) : credentialCodec.fromRow(row);
  },

  /** Removes a credential entered by mistake (an expired one is updated, not removed). */
  async remove(tx: Tx, id: number): Promise<void> {
    const r = await tx.db.deleteFrom('reviewer_credentials').where('id', '=', id).executeTakeFirst();
    if (r.numDeletedRows === 0n) notFound('credential', id);
  },
};

export const affiliations = {
  async create(tx: Tx, input: NewAffiliation): Promise<Affiliation> {
    const row = affiliationCodec.toRow(
      parseInput(NewAffiliation, input, 'affiliation'),
    ) as Insertable<ReviewerAffiliationsTable>;
    return affiliationCodec.fromRow(
      await tx.db.insertInto('reviewer_affiliations').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async listByReviewer(h: Handle, reviewerId: number): Promise<Affiliation[]> {
    const rows = await h.db
      .selectFrom('reviewer_affiliations')
      .selectAll()
      .where('reviewer_id', '=', reviewerId)
      .orderBy('id')
      .execute();
    return rows.map((r) => affiliationCodec.fromRow(r));
  },

  async update(tx: Tx, id: number, patch: AffiliationPatch): Promise<Affiliation> {
    const set = affiliationCodec.toRow(
      parseInput(AffiliationPatch, patch, 'affiliation change'),
    ) as Updateable<ReviewerAffiliationsTable>;
    const row =
      Object.keys(set).length === 0
        ? await tx.db.selectFrom('reviewer_affiliations').selectAll().where('id', '=', id).executeTakeFirst()
        : await tx.db
            .updateTable('reviewer_affiliations')
            .set(set)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst();
    return row === undefined ? notFound('affiliation', id) : affiliationCodec.fromRow(row);
  },

  async remove(tx: Tx, id: number): Promise<void> {
    const r = await tx.db.deleteFrom('reviewer_affiliations').where('id', '=', id).executeTakeFirst();
    if (r.numDeletedRows === 0n) notFound('affiliation', id);
  },
};
