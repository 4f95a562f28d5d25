/**
 * Prepared-statement reuse for file databases.
 *
 * @libsql/client's embedded driver prepares every statement afresh on each
 * call, and asks the new statement for its columns (twice) and whether it
 * returns rows. On the review path that is most of the database's cost: the
 * queries are few and fixed, but compiling them again and again took ~45 µs
 * each, more than running them. So each connection keeps its compiled
 * statements by SQL text (SQLite recompiles a kept statement by itself when
 * the schema changes), and each statement remembers its columns and whether
 * it is a reader. Queries, data changes and transaction control with
 * positional parameters only: anything else (PRAGMA, DDL, named parameters)
 * is prepared as before, and a schema change run on this connection empties
 * its cache (another process's is picked up by SQLite's own recompiling).
 *
 * It patches the `libsql` driver's prototypes, so it is installed once per
 * process, before the first file database opens (db/client.ts does).
 */
import { createRequire } from "node:module";

interface NativeStatement {
  raw(toggle?: boolean): NativeStatement;
  columns(): unknown[];
  all(...params: unknown[]): unknown;
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  iterate(...params: unknown[]): unknown;
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
}
interface DatabaseClass {
  prototype: NativeDatabase;
  new (path: string): NativeDatabase;
}

/** Statements kept per connection; the app has a few dozen distinct ones. */
const STATEMENTS_PER_CONNECTION = 500;
const CACHEABLE = /^\s*(select|insert|update|delete|with|replace|begin|commit|end|rollback|savepoint|release)\b/i;
const SCHEMA_CHANGE = /^\s*(create|drop|alter)\b/i;

/**
 * How many positional parameters (`?`, `?NNN`) the SQL takes, as SQLite numbers
 * them: a bare `?` is one more than the largest number so far. Null when it
 * has named parameters (`:a`, `@a`, `$a`), which this cache does not keep.
 * Quoted text and comments are skipped.
 */
export function positionalParameterCount(sql: string): number | null {
  let largest = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === "`" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      i = sql.indexOf(close, i + 1);
      if (i < 0) return largest; // unterminated: SQLite will refuse it anyway
    } else if (ch === "-" && sql[i + 1] === "-") {
      i = sql.indexOf("\n", i);
      if (i < 0) break;
    } else if (ch === "/" && sql[i + 1] === "*") {
      i = sql.indexOf("*/", i + 2);
      if (i < 0) break;
      i++;
    } else if (ch === "?") {
      let digits = "";
      while (/\d/.test(sql[i + 1] ?? "")) digits += sql[++i];
      largest = digits ? Math.max(largest, Number(digits)) : largest + 1;
    } else if ((ch === ":" || ch === "@" || ch === "$") && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      return null;
    }
  }
  return largest;
}

/** The number of values a statement call binds, read as the libsql driver reads its arguments. */
function boundCount(params: unknown[]): number {
  if (params.length === 1 && typeof params[0] === "object" && params[0] !== null) {
    return Array.isArray(params[0]) ? params[0].length : Object.keys(params[0]).length;
  }
  return params.flat().length;
}

/**
 * A kept statement keeps its last call's values for any parameter a later call
 * leaves out, which would quietly reuse another request's (another learner's)
 * arguments. So every call to a kept statement must bind all its parameters.
 */
function requireAllParameters(statement: NativeStatement, sql: string, expected: number) {
  for (const method of ["all", "run", "get", "iterate"] as const) {
    const original = statement[method];
    Object.defineProperty(statement, method, {
      value(this: NativeStatement, ...params: unknown[]) {
        const given = boundCount(params);
        if (given !== expected) {
          throw new RangeError(`This statement takes ${expected} arguments, not ${given}: ${sql.slice(0, 120)}`);
        }
        return original.apply(this, params);
      },
    });
  }
}

const columnsOf = new WeakMap<NativeStatement, unknown[]>();
const rawErrorOf = new WeakMap<NativeStatement, unknown>();
const statementsOf = new WeakMap<NativeDatabase, Map<string, NativeStatement>>();

/** Marks the driver as patched, across copies of this module (tests reload modules). */
const INSTALLED = Symbol.for("cairn.statementCache");

export function installStatementCache() {
  // The same module instance @libsql/client loads (package.json pins the version it depends on).
  const Database = createRequire(import.meta.url)("libsql") as DatabaseClass;
  const prototype = Database.prototype as NativeDatabase & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function cachedPrepare(this: NativeDatabase, sql: string) {
    let statements = statementsOf.get(this);
    if (!statements) statementsOf.set(this, (statements = new Map()));
    const kept = statements.get(sql);
    if (kept) {
      // Least recently used goes first: keep the hot statements at the end.
      statements.delete(sql);
      statements.set(sql, kept);
      return kept;
    }
    const statement = prepare.call(this, sql);
    const parameters = positionalParameterCount(sql);
    if (!CACHEABLE.test(sql) || parameters === null) {
      if (SCHEMA_CHANGE.test(sql)) statements.clear();
      return statement;
    }
    requireAllParameters(statement, sql, parameters);
    if (statements.size >= STATEMENTS_PER_CONNECTION) statements.delete(statements.keys().next().value!);
    statements.set(sql, statement);
    return statement;
  };

  // The driver does not export its Statement class: reach its prototype through one statement.
  const probeDb = new Database(":memory:") as NativeDatabase & { close(): void };
  const Statement = Object.getPrototypeOf(probeDb.prepare("SELECT 1")) as NativeStatement;
  probeDb.close();
  const columns = Statement.columns;
  Statement.columns = function cachedColumns(this: NativeStatement) {
    let known = columnsOf.get(this);
    if (!known) columnsOf.set(this, (known = columns.call(this)));
    return known;
  };
  // raw() throws for a statement that returns no rows; the driver calls it to
  // find out, so remember the answer rather than build a new error each time.
  const raw = Statement.raw;
  Statement.raw = function cachedRaw(this: NativeStatement, toggle?: boolean) {
    const refused = rawErrorOf.get(this);
    if (refused) throw refused;
    try {
      return raw.call(this, toggle);
    } catch (error) {
      rawErrorOf.set(this, error);
      throw error;
    }
  };
}
