import type { Insertable } from 'kysely';
import { type Application, NewApplication } from '../../domain/case.js';
import { codec, nowIso, parseInput } from '../codec.js';
import type { ApplicationsTable, Handle, Tx } from '../schema.js';

export const applicationCodec = codec<Application>({
  id: 'value',
  caseId: 'value',
  receivedDate: 'value',
  urType: 'value',
  employeeName: 'value',
  claimNumber: 'value',
  injuryDate: 'value',
  urDecisionDate: 'value',
  eamsCaseNumber: 'value',
  wcisNumber: 'value',
  employeeDob: 'value',
  employeeAddress: 'json',
  employeePhone: 'value',
  requestingPhysicianName: 'value',
  requestingPhysicianType: 'value',
  requestingPhysicianSpecialty: 'value',
  employerName: 'value',
  claimsAdministratorName: 'value',
  adjusterName: 'value',
  disputedTreatments: 'json',
  alsoDisputedForOtherReasons: 'bool',
  deniedForMissingInformation: 'bool',
  signaturePresent: 'bool',
  signatureDate: 'value',
  consentToRecords: 'bool',
  urDecisionAttached: 'bool',
  urServiceMethod: 'value',
  filedBy: 'value',
  createdAt: 'value',
});

/** Applications (DWC Form IMR) as filed. They are records of what arrived: never changed. */
export const applications = {
  async create(tx: Tx, input: NewApplication): Promise<Application> {
    const row = {
      ...applicationCodec.toRow(parseInput(NewApplication, input, 'application')),
      created_at: nowIso(),
    } as Insertable<ApplicationsTable>;
    return applicationCodec.fromRow(
      await tx.db.insertInto('applications').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async getById(h: Handle, id: number): Promise<Application | undefined> {
    const row = await h.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : applicationCodec.fromRow(row);
  },

  async listByCase(h: Handle, caseId: number): Promise<Application[]> {
    const rows = await h.db
      .selectFrom('applications')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => applicationCodec.fromRow(r));
  },

  /** Earlier applications on the same claim and UR decision (duplicate screening). */
  async findByClaim(h: Handle, claimNumber: string, urDecisionDate: string): Promise<Application[]> {
    const rows = await h.db
      .selectFrom('applications')
      .selectAll()
      .where('claim_number', '=', claimNumber)
      .where('ur_decision_date', '=', urDecisionDate)
      .orderBy('id')
      .execute();
    return rows.map((r) => applicationCodec.fromRow(r));
  },
};
