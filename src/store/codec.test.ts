import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ImrFailure } from '../domain/errors.js';
import { codec, parseInput, readBool, snakeCase } from './codec.js';

interface Sample {
  id: number;
  caseId: number;
  sha256: string;
  flags?: { a: number };
  active: boolean;
  note?: string;
}

const sample = codec<Sample>({
  id: 'value',
  caseId: 'value',
  sha256: 'value',
  flags: 'json',
  active: 'bool',
  note: 'value',
});

describe('codec', () => {
  it('names columns in snake_case', () => {
    expect(snakeCase('claimsAdministratorBasis')).toBe('claims_administrator_basis');
    expect(snakeCase('sha256')).toBe('sha256');
    expect(sample.column('caseId')).toBe('case_id');
  });

  it('writes JSON as text and booleans as 0/1, skips undefined and keeps null (clear)', () => {
    expect(sample.toRow({ caseId: 3, flags: { a: 1 }, active: true, note: undefined })).toEqual({
      case_id: 3,
      flags: '{"a":1}',
      active: 1,
    });
    expect(sample.toRow({ active: false, note: null })).toEqual({ active: 0, note: null });
  });

  it('reads rows back, dropping NULL columns and columns it does not know', () => {
    expect(
      sample.fromRow({ id: 1, case_id: 3, sha256: 'ab', flags: '{"a":2}', active: 1, note: null, search_vector: 'x' }),
    ).toEqual({
      id: 1,
      caseId: 3,
      sha256: 'ab',
      flags: { a: 2 },
      active: true,
    });
    expect(sample.fromRow({ active: false })).toEqual({ active: false });
  });

  it('reads booleans from both dialects', () => {
    expect([readBool(1), readBool(true), readBool(0), readBool(false)]).toEqual([true, true, false, false]);
  });
});

describe('parseInput', () => {
  const Schema = z.object({ name: z.string().min(1), when: z.iso.date() });

  it('returns the parsed value', () => {
    expect(parseInput(Schema, { name: 'x', when: '2016-01-02' }, 'thing')).toEqual({ name: 'x', when: '2016-01-02' });
  });

  it('throws IMR_VALIDATION naming the field and not the value', () => {
    try {
      parseInput(Schema, { name: 'x', when: 'Pat Example 01/02/2016' }, 'thing');
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ImrFailure);
      const e = (thrown as ImrFailure).error;
      expect(e.code).toBe('IMR_VALIDATION');
      expect(e.message).toMatch(/^Invalid thing at when: /);
      expect(e.details).toEqual({ entity: 'thing', path: 'when' });
      expect(JSON.stringify(e)).not.toContain('Pat Example');
    }
  });
});
