import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database, Dialect, Handle } from './schema.js';

/**
 * Queries on the hot paths (the session of every request, the change counter), built and compiled
 * by Kysely once per dialect instead of on every call (building and compiling costs tens of
 * microseconds, more than SQLite takes to run such a query). `build` gets placeholders for the
 * parameters; each must reach the SQL as one bound value (`where x = p.name`, `limit(p.n)`), which
 * the first call checks. Later calls bind the values given to the same SQL text, and SQLite's
 * statement cache (statement-cache.ts) reuses the compiled statement.
 */

const MARK = '\u0000imr-prepared:';

interface Compiled<R> {
  readonly query: CompiledQuery<R>;
  /** For each bound value: the parameter it takes, or undefined for a constant of the query. */
  readonly slots: readonly (string | undefined)[];
}

export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): (h: Handle, params: P) => Promise<R[]> {
  const byDialect = new Map<Dialect, Compiled<R>>();
  const compile = (h: Handle): Compiled<R> => {
    const used = new Set<string>();
    const marks = new Proxy({} as P, {
      get: (_target, key) => {
        used.add(String(key));
        return `${MARK}${String(key)}`;
      },
    });
    const query = build(h.db, marks).compile();
    const slots = query.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : undefined,
    );
    for (const name of used) {
      if (!slots.includes(name)) throw new Error(`prepared query: parameter ${name} is not a bound value`);
    }
    if (query.sql.includes(MARK)) throw new Error('prepared query: a parameter reached the SQL text');
    return { query, slots };
  };
  return async (h, params) => {
    let c = byDialect.get(h.dialect);
    if (c === undefined) {
      c = compile(h);
      byDialect.set(h.dialect, c);
    }
    const { query, slots } = c;
    const parameters = slots.map((name, i) => (name === undefined ? query.parameters[i] : params[name]));
    const result = await h.db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}
