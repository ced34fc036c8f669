import { describe, expect, it } from 'vitest';
import { CaseKind, CasePriority, ServiceMethod as CaseServiceMethod, FiledBy, UrOutcome } from './case.js';
import { DisputeKind, ReviewPriority, ServiceMethod } from './clocks.js';
import { Filer, UrItemOutcome } from './eligibility.js';

/**
 * The clocks and eligibility take narrow input types of their own; the workflow maps store records
 * (case.ts) onto them. These checks fail when the two drift apart, so the mapping stays a copy.
 */
describe('store values map onto the rule inputs unchanged', () => {
  const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, values: readonly string[]) =>
    values.filter((v) => !schema.safeParse(v).success);

  it('case kind, priority and service method', () => {
    expect(accepts(DisputeKind, CaseKind.options)).toEqual([]);
    expect(accepts(ReviewPriority, CasePriority.options)).toEqual([]);
    expect(accepts(ServiceMethod, CaseServiceMethod.options)).toEqual([]);
  });

  it('who filed and what UR did', () => {
    expect(accepts(Filer, FiledBy.options)).toEqual([]);
    expect(accepts(UrItemOutcome, UrOutcome.options)).toEqual([]);
  });
});
