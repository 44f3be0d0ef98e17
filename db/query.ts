import type { Database, Statement } from 'better-sqlite3';
import { type Compilable, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { DB } from './schema.ts';

// Kysely builds typed SQL; better-sqlite3 runs it synchronously. Compiling is cheap, and the compiled
// statement is cached by its SQL text, so ordinary queries are both typed and prepared once
// (Kysely alone prepares every statement afresh: 25x slower on hot paths, measured in the tooling guide).

export const sql = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export type Runner = {
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): number;
  /** A raw statement prepared once: for hot paths that Kysely cannot express cheaply. */
  prepare(text: string): Statement;
};

/** Statements prepared once per SQL text, for as long as the connection lives. */
export function statementCache(db: Database): (text: string) => Statement {
  const cache = new Map<string, Statement>();
  return (text) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = db.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
}

export function createRunner(db: Database): Runner {
  const prepare = statementCache(db);
  const bind = (parameters: readonly unknown[]) => parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
  return {
    all<R>(query: Compilable<R>): R[] {
      const { sql: text, parameters } = query.compile();
      return prepare(text).all(...bind(parameters)) as R[];
    },
    first<R>(query: Compilable<R>): R | undefined {
      const { sql: text, parameters } = query.compile();
      return prepare(text).get(...bind(parameters)) as R | undefined;
    },
    run(query: Compilable<unknown>): number {
      const { sql: text, parameters } = query.compile();
      return prepare(text).run(...bind(parameters)).changes;
    },
    prepare,
  };
}
