import type { CaseStage, Urgency } from '../api/types.ts';
import { STAGE_LABEL, URGENCY } from './format.ts';

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info'; children: string }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const u = URGENCY[urgency];
  return <Badge tone={u.tone}>{u.label}</Badge>;
}

const STAGE_TONE: Partial<Record<CaseStage, 'ok' | 'warn' | 'bad' | 'neutral' | 'info'>> = {
  ineligible: 'bad',
  deferred: 'warn',
  determined: 'ok',
  'letter-issued': 'ok',
  closed: 'neutral',
  terminated: 'neutral',
  withdrawn: 'neutral',
};

export function StageBadge({ stage }: { stage: CaseStage }) {
  return <Badge tone={STAGE_TONE[stage] ?? 'info'}>{STAGE_LABEL[stage]}</Badge>;
}

export function DecisionBadge({ decision }: { decision: 'Upheld' | 'Overturned' | 'Refer' | undefined | null }) {
  if (decision === undefined || decision === null) return <Badge tone="neutral">Undecided</Badge>;
  if (decision === 'Refer') return <Badge tone="warn">Refer to physician</Badge>;
  return <Badge tone={decision === 'Overturned' ? 'ok' : 'bad'}>{decision}</Badge>;
}
