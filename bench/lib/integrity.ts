/**
 * After a run: is every acknowledged review in the database exactly once?
 *
 * A review is "in force" when its log has no undo (a re-rating undoes the
 * first log and appends another). An acknowledged showing must have exactly
 * one log in force, carrying the rating last acknowledged, and be marked
 * answered. No showing may have two logs in force. Logs in force beyond the
 * acknowledged ones are reviews applied whose reply never arrived (a timeout).
 */
import type { Database } from "../../db/client";
import type { Ledger } from "./learner-driver";

export interface IntegrityReport {
  acknowledged: number;
  /** Acknowledged showings with no review in force, or not marked answered. */
  lost: number;
  /** Showings with more than one review in force. */
  doubled: number;
  /** Acknowledged showings whose review in force has another rating than the last acknowledged. */
  wrongRating: number;
  /** Reviews in force on the learners' showings that no reply acknowledged. */
  unacknowledged: number;
}

export async function checkIntegrity(db: Database, ledger: Ledger, learnerIds: Set<string>): Promise<IntegrityReport> {
  const inForce = await db.$client.execute(`
    SELECT l.showing_id AS showingId, l.user_id AS userId, COUNT(*) AS n, MAX(l.id) AS lastId,
           -- SQLite: beside a single max(), a bare column comes from the row holding the max.
           l.rating AS rating
    FROM review_logs l LEFT JOIN review_undos u ON u.review_log_id = l.id
    WHERE u.review_log_id IS NULL
    GROUP BY l.showing_id, l.user_id`);
  const answered = await db.$client.execute("SELECT id FROM showings WHERE answered_at IS NOT NULL");
  const answeredIds = new Set(answered.rows.map((r) => String(r.id)));
  const logs = new Map<string, { n: number; rating: number }>();
  let doubled = 0;
  let unacknowledged = 0;
  for (const row of inForce.rows) {
    if (!learnerIds.has(String(row.userId))) continue;
    const showingId = String(row.showingId);
    const n = Number(row.n);
    logs.set(showingId, { n, rating: Number(row.rating) });
    if (n > 1) doubled++;
    if (!ledger.acknowledged.has(showingId)) unacknowledged++;
  }
  let lost = 0;
  let wrongRating = 0;
  for (const [showingId, ack] of ledger.acknowledged) {
    const log = logs.get(showingId);
    if (!log || !answeredIds.has(showingId)) lost++;
    else if (log.rating !== ack.rating && !ack.ratingUncertain) wrongRating++;
  }
  return { acknowledged: ledger.acknowledged.size, lost, doubled, wrongRating, unacknowledged };
}
