/**
 * Long lists of ids or rows go to SQLite in pieces: its bound on variables
 * per statement is far above this, and modest statements keep each step of a
 * transaction short.
 */
export const STATEMENT_CHUNK = 400;

export function inChunks<T>(items: readonly T[], size = STATEMENT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
