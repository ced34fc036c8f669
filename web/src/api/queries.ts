import { useQuery } from '@tanstack/react-query';
import { call } from './client.ts';

export const caseKey = (caseId: number) => ['case', caseId] as const;

/** A case with everything the case pages show. */
export function useCase(caseId: number) {
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => call('caseDetail', { params: { caseId }, signal }),
    enabled: Number.isInteger(caseId) && caseId > 0,
  });
}

/** The `:caseId` of the route as a number (NaN when it is not one). */
export function parseId(raw: string | undefined): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}
