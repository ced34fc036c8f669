import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reusingStatements } from './statement-cache.js';

let database: BetterSqlite3.Database;

beforeEach(() => {
  database = new BetterSqlite3(':memory:');
  database.exec('create table t (a integer); insert into t values (1), (2), (3)');
});

afterEach(() => {
  if (database.open) database.close();
});

describe('reusingStatements', () => {
  it('gives the same compiled statement back for the same SQL, with the parameters of each call', () => {
    const db = reusingStatements(database, 10);
    const first = db.prepare('select a from t where a >= ? order by a');
    expect(db.prepare('select a from t where a >= ? order by a')).toBe(first);
    expect(first.all([2])).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare('select a from t where a >= ? order by a').all([3])).toEqual([{ a: 3 }]);
    expect(db.prepare('select a from t where a > ? order by a')).not.toBe(first);
  });

  it('keeps the most recently used statements, no more than its size', () => {
    const db = reusingStatements(database, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    // `select 2` was the least recently used: dropped for `select 3`, compiled anew.
    expect(db.prepare('select 1')).toBe(a);
    const again = db.prepare('select 2');
    expect(again).not.toBe(b);
    expect(again.all([])).toEqual([{ 2: 2 }]);
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const db = reusingStatements(database, 10);
    const kept = db.prepare('select a from t order by a');
    const rows = kept.iterate([]);
    expect(rows.next().value).toEqual({ a: 1 });
    const other = db.prepare('select a from t order by a');
    expect(other).not.toBe(kept);
    expect(other.all([])).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect([...rows]).toEqual([{ a: 2 }, { a: 3 }]);
    expect(db.prepare('select a from t order by a')).toBe(kept);
  });

  it('sees a schema change made after the statement was kept', () => {
    const db = reusingStatements(database, 10);
    expect(db.prepare('select * from t where a = ?').all([1])).toEqual([{ a: 1 }]);
    db.prepare('alter table t add column b text').run([]);
    db.prepare('update t set b = ? where a = ?').run(['one', 1]);
    expect(db.prepare('select * from t where a = ?').all([1])).toEqual([{ a: 1, b: 'one' }]);
  });

  it('closes the database', () => {
    reusingStatements(database, 10).close();
    expect(database.open).toBe(false);
  });
});
