import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STAGE_INFO, CaseStage } from '../domain/case.js';
import { authorize, COMMAND_ROLES } from './actor.js';
import { CASE_COMMANDS, checkTransition, INITIAL_STAGE, NEXT_STAGES, STAGE_MACHINE } from './stages.js';

const STAGES = CaseStage.options;

describe('stage machine', () => {
  it('reaches every stage from intake', () => {
    const seen = new Set([INITIAL_STAGE]);
    const queue = [INITIAL_STAGE];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const next of NEXT_STAGES[s]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...STAGES].sort());
  });

  it('lets nothing leave a finished stage, and every open stage move on', () => {
    for (const stage of STAGES) {
      const onward = NEXT_STAGES[stage].filter((s) => s !== stage);
      if (CASE_STAGE_INFO[stage].final) expect(NEXT_STAGES[stage], stage).toEqual([]);
      else expect(onward.length, stage).toBeGreaterThan(0);
    }
  });

  it('follows the happy path intake → letter → closed', () => {
    const path: [(typeof CASE_COMMANDS)[number], string, string][] = [
      ['screenApplication', 'received', 'eligible'],
      ['assignReviewer', 'eligible', 'assigned'],
      ['sendNoticeOfAssignment', 'assigned', 'records-requested'],
      ['receiveRecords', 'records-requested', 'records-received'],
      ['recordDetermination', 'records-received', 'determined'],
      ['issueLetter', 'determined', 'letter-issued'],
      ['closeCase', 'letter-issued', 'closed'],
    ];
    for (const [command, from, to] of path) {
      expect(checkTransition(command, CaseStage.parse(from), CaseStage.parse(to)).ok, command).toBe(true);
    }
  });

  it('refuses a command from a stage it does not start from', () => {
    expect(checkTransition('issueLetter', 'received')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'IMR_INVALID_TRANSITION',
        details: { command: 'issueLetter', stage: 'received' },
      }),
    });
    expect(checkTransition('assignReviewer', 'ineligible')).toMatchObject({
      ok: false,
      error: { code: 'IMR_CASE_INELIGIBLE' },
    });
    expect(checkTransition('screenApplication', 'received', 'assigned')).toMatchObject({
      ok: false,
      error: { code: 'IMR_INVALID_TRANSITION', details: { to: 'assigned' } },
    });
  });

  it('keeps the stage for commands that change a case without moving it', () => {
    expect(checkTransition('convertToExpedited', 'records-requested', 'records-requested').ok).toBe(true);
    expect(checkTransition('convertToExpedited', 'records-requested', 'records-received').ok).toBe(false);
    expect(checkTransition('extendDecision', 'in-review', 'in-review').ok).toBe(true);
  });

  it('allows exactly the transitions the table lists (any command, any pair of stages)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_COMMANDS),
        fc.constantFrom(...STAGES),
        fc.constantFrom(...STAGES),
        (command, from, to) => {
          const rule = STAGE_MACHINE[command];
          const expected = rule.from.includes(from) && (rule.to === 'unchanged' ? to === from : rule.to.includes(to));
          const r = checkTransition(command, from, to);
          expect(r.ok).toBe(expected);
          if (!r.ok) expect(['IMR_INVALID_TRANSITION', 'IMR_CASE_INELIGIBLE']).toContain(r.error.code);
        },
      ),
    );
  });
});

describe('actors', () => {
  it('lets a role run only the commands listed for it', () => {
    expect(authorize('assignReviewer', { userId: 4, role: 'coordinator', requestId: 'r1' }).ok).toBe(true);
    expect(authorize('assignReviewer', { userId: 4, role: 'reviewer', requestId: 'r1' })).toMatchObject({
      ok: false,
      error: { code: 'IMR_FORBIDDEN', details: { command: 'assignReviewer', role: 'reviewer' } },
    });
    expect(authorize('recordDetermination', { userId: 4, role: 'reviewer', requestId: 'r1' }).ok).toBe(true);
    for (const roles of Object.values(COMMAND_ROLES)) expect(roles).toContain('system');
  });

  it('refuses a malformed actor and a user claiming the system role', () => {
    expect(authorize('queue', { userId: 4, role: 'system', requestId: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'IMR_VALIDATION' },
    });
    expect(authorize('queue', { userId: 'system', role: 'system', requestId: '' })).toMatchObject({
      ok: false,
      error: { code: 'IMR_VALIDATION' },
    });
  });
});
