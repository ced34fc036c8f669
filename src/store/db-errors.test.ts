import { describe, expect, it } from 'vitest';
import { ImrFailure, imrError } from '../domain/errors.js';
import { storeErrorOf } from './db-errors.js';

function driverError(code: string, message = 'driver message with a value: Pat Example'): Error {
  return Object.assign(new Error(message), { code });
}

describe('storeErrorOf', () => {
  it('passes a coded failure through', () => {
    expect(storeErrorOf(new ImrFailure(imrError('IMR_CONFLICT')))).toEqual(imrError('IMR_CONFLICT'));
  });

  it.each([
    ['23505', 'IMR_ALREADY_EXISTS'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'IMR_ALREADY_EXISTS'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'IMR_ALREADY_EXISTS'],
    ['23503', 'IMR_NOT_FOUND'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'IMR_NOT_FOUND'],
    ['40001', 'IMR_CONFLICT'],
    ['40P01', 'IMR_CONFLICT'],
    ['ECONNREFUSED', 'IMR_STORE_UNAVAILABLE'],
    ['08006', 'IMR_STORE_UNAVAILABLE'],
    ['57P01', 'IMR_STORE_UNAVAILABLE'],
    ['53300', 'IMR_STORE_UNAVAILABLE'],
    ['28P01', 'IMR_STORE_UNAVAILABLE'],
    ['SQLITE_BUSY', 'IMR_STORE_UNAVAILABLE'],
    ['SQLITE_IOERR_WRITE', 'IMR_STORE_UNAVAILABLE'],
    ['SQLITE_FULL', 'IMR_STORE_UNAVAILABLE'],
  ])('maps driver code %s to %s, carrying the code but not the message', (code, expected) => {
    const e = storeErrorOf(driverError(code));
    expect(e?.code).toBe(expected);
    expect(e?.details).toEqual({ driverCode: code });
    expect(JSON.stringify(e)).not.toContain('Pat Example');
  });

  it('finds the code inside an AggregateError (a refused connection to ::1 and 127.0.0.1)', () => {
    const agg = new AggregateError([driverError('ECONNREFUSED'), driverError('ECONNREFUSED')], 'connect failed');
    expect(storeErrorOf(agg)?.code).toBe('IMR_STORE_UNAVAILABLE');
  });

  it('recognizes pg connection errors that carry no code', () => {
    expect(storeErrorOf(new Error('Connection terminated unexpectedly'))?.code).toBe('IMR_STORE_UNAVAILABLE');
  });

  it('leaves bugs alone (undefined), so they stay exceptions', () => {
    expect(storeErrorOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(storeErrorOf(driverError('42P01'))).toBeUndefined(); // undefined table: a bug, not the user's doing
    expect(storeErrorOf('a string')).toBeUndefined();
  });
});
