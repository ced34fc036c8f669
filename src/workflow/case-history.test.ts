import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../domain/case.js';
import { type NameBook, narrate } from './case-history.js';

/** The narration of audit events: names from the book, plain sentences, never a code. */

const names: NameBook = {
  user: (id) => (id === 7 ? { name: 'Pat Kim', role: 'coordinator' } : undefined),
  reviewer: (id) => (id === 3 ? 'Dr. Ana Ruiz' : id === 4 ? 'Dr. Ben Ode' : undefined),
  document: (id) => (id === 11 ? 'Progress report' : undefined),
};

let nextId = 1;
function event(action: string, details: AuditEvent['details'], extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: nextId++,
    at: '2025-03-04T18:00:00.000Z',
    actor: 7,
    action,
    entityType: 'case',
    entityId: '5',
    caseId: 5,
    requestId: 'r',
    details,
    ...extra,
  };
}

const CODE = /IMR_|[a-z]+\.[a-z-]+|[a-z]+-[a-z]+-[a-z]+|reviewerIds|eventAt/;

describe('narrate', () => {
  it('names the user, the reviewers and the documents', () => {
    const assigned = narrate(
      event('case.reviewer-assigned', { eventAt: '2025-03-04T18:00:00.000Z', reviewerIds: '3,4', panel: 2 }),
      names,
    );
    expect(assigned.who).toBe('Pat Kim (coordinator)');
    expect(assigned.what).toBe('Panel assigned: Dr. Ana Ruiz and Dr. Ben Ode');
    const read = narrate(event('document.read', { via: 'review' }, { entityType: 'document', entityId: '11' }), names);
    expect(read).toMatchObject({ kind: 'read', what: 'Read the document “Progress report”' });
    expect(narrate(event('case.closed', {}, { actor: 'system' }), names).who).toBe('IMR Desk (automatic)');
    expect(narrate(event('case.closed', {}, { actor: 99 }), names).who).toBe('A former user');
  });

  it('tells each lifecycle event in words, with the law where it applies', () => {
    const told = [
      event('case.received', { items: 2, documents: 1, priority: 'expedited', kind: 'formulary' }),
      event('case.screened', { outcome: 'ineligible', reasons: 'filed-late,unknown-code', filedLate: 4 }),
      event('case.notice-sent', { method: 'electronic' }),
      event('case.records-received', { documents: 3, documentsWithoutText: 1 }),
      event('case.converted-expedited', {}),
      event('case.decision-extended', { days: 2, reason: 'extraordinary-circumstances' }),
      event('case.terminated', { reason: 'treatment-authorized', assignmentsEnded: 1 }),
      event('case.determination-recorded', { reviewerId: 3, upheld: 1, overturned: 1, overrides: 1, complete: true }),
      event('letter.qa-approved', { caseVersion: 4, items: 2 }),
      event('case.letter-issued', {
        upheld: 1,
        overturned: 1,
        recipients: 'employee,claims-administrator',
        formats: 'pdf,text',
      }),
      event('access.refused', { reason: 'not-assigned', route: 'caseDetail' }),
      event('case.returned-to-reviewer', { qaReturnId: 2, returnedVersion: 5 }),
      event('case.correspondence-generated', {
        kind: 'notice-of-assignment',
        recipients: 'employee,claims-administrator',
        documents: 2,
      }),
    ].map((e) => narrate(e, names));
    expect(told.map((e) => e.what)).toEqual([
      'Application received',
      'Screened: not eligible for independent medical review',
      'Notice of assignment sent',
      'Medical records received',
      'Converted to expedited review',
      'Decision period extended by 2 days',
      'Review ended: the claims administrator authorized the treatment',
      'Determination recorded for Dr. Ana Ruiz',
      'Letter approved by quality assurance',
      'Final Determination Letter issued',
      'Was refused access: the case is not assigned to this reviewer',
      'Returned to the reviewer by quality assurance',
      'Notice of assignment and request for information generated',
    ]);
    expect(told[12]?.detail).toBe('For the employee and the claims administrator.');
    expect(told[0]?.detail).toBe(
      '2 disputed items. 1 document with it. A drug formulary dispute (shorter clocks). Expedited review requested.',
    );
    expect(told[1]?.detail).toContain('filed 4 days late');
    expect(told[5]?.detail).toBe('Extraordinary circumstances (LC 4610.6(d)).');
    expect(told[7]?.detail).toBe(
      "1 upheld, 1 overturned. Departs from the engine's recommendation on 1 item, with a reason. Every item is decided.",
    );
    expect(told[9]?.detail).toBe(
      '1 upheld, 1 overturned. Copies for the employee and the claims administrator. As PDF and text.',
    );
    expect(told[10]?.kind).toBe('refusal');
    for (const e of told) expect(`${e.what} ${e.detail ?? ''}`).not.toMatch(CODE);
  });

  it('gives the day an event happened when it differs from the day it was recorded', () => {
    const e = narrate(event('case.records-received', { eventAt: '2025-02-27', documents: 1 }), names);
    expect(e.happenedAt).toBe('2025-02-27');
    const same = narrate(event('case.records-received', { eventAt: '2025-03-04T09:00:00.000Z' }), names);
    expect(same.happenedAt).toBeUndefined();
  });

  it('an action it does not know reads as words, not as a code', () => {
    const e = narrate(event('letter.returned-to-reviewer', {}), names);
    expect(e.what).toBe('Letter returned to reviewer');
  });
});
