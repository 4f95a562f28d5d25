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
 * it is a reader. Queries, data changes and transaction control only:
 * anything else (PRAGMA, DDL) is prepared as before, and a schema change
 * empties the connection's cache.
 *
 * It patches the `libsql` driver's prototypes, so it is installed once per
 * process, before the first file database opens (db/client.ts does).
 */
import { createRequire } from "node:module";

interface NativeStatement {
  raw(toggle?: boolean): NativeStatement;
  columns(): unknown[];
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

const columnsOf = new WeakMap<NativeStatement, unknown[]>();
const rawErrorOf = new WeakMap<NativeStatement, unknown>();
const statementsOf = new WeakMap<NativeDatabase, Map<string, NativeStatement>>();
let installed = false;

export function installStatementCache() {
  if (installed) return;
  installed = true;
  // The same module instance @libsql/client loads (package.json pins the version it depends on).
  const Database = createRequire(import.meta.url)("libsql") as DatabaseClass;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function cachedPrepare(this: NativeDatabase, sql: string) {
    let statements = statementsOf.get(this);
    if (!statements) statementsOf.set(this, (statements = new Map()));
    const kept = statements.get(sql);
    if (kept) return kept;
    const statement = prepare.call(this, sql);
    if (!CACHEABLE.test(sql)) {
      if (SCHEMA_CHANGE.test(sql)) statements.clear();
      return statement;
    }
    if (statements.size >= STATEMENTS_PER_CONNECTION) statements.delete(statements.keys().next().value!);
    statements.set(sql, statement);
    return statement;
  };

  const probe = new Database(":memory:").prepare("SELECT 1");
  const Statement = Object.getPrototypeOf(probe) as NativeStatement;
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
