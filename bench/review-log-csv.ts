/**
 * Review logs as CSV in the shape fsrs-rs reads: a header with at least
 * card_id, review_time (ms since the epoch) and review_rating (1–4); other
 * columns (review_state, review_duration, ...) are ignored when reading.
 */
import { parse } from "csv-parse/sync";
import type { LoggedReview } from "../app/learning/memory-model";
import type { Rating } from "../app/learning/scheduler";

export const REQUIRED_COLUMNS = ["card_id", "review_time", "review_rating"] as const;

export class ReviewLogCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewLogCsvError";
  }
}

/** Reads a review-log CSV; throws ReviewLogCsvError naming the line of any bad row. */
export function readReviewLogCsv(text: string): LoggedReview[] {
  const rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const header = rows[0]?.map((h) => h.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header?.includes(c));
  if (!header || missing.length > 0) {
    throw new ReviewLogCsvError(
      `The first line must be a header naming ${REQUIRED_COLUMNS.join(", ")}; missing ${missing.join(", ")}.`,
    );
  }
  const [cardCol, timeCol, ratingCol] = REQUIRED_COLUMNS.map((c) => header.indexOf(c)) as [number, number, number];
  return rows.slice(1).map((row, k) => {
    const line = k + 2;
    const cardId = row[cardCol] ?? "";
    const reviewedAt = Number(row[timeCol]);
    const rating = Number(row[ratingCol]);
    if (cardId === "") throw new ReviewLogCsvError(`Line ${line}: card_id is empty.`);
    if (!Number.isFinite(reviewedAt) || reviewedAt <= 0) {
      throw new ReviewLogCsvError(`Line ${line}: review_time must be ms since the epoch; got ${JSON.stringify(row[timeCol])}.`);
    }
    if (!Number.isInteger(rating) || rating < 1 || rating > 4) {
      throw new ReviewLogCsvError(`Line ${line}: review_rating must be 1–4; got ${JSON.stringify(row[ratingCol])}.`);
    }
    return { cardId, reviewedAt, rating: rating as Rating };
  });
}

export interface SimulatedReviewRow extends LoggedReview {
  /** Card state before the review (0 new, 1 learning, 2 review, 3 relearning). */
  state: number;
  durationMs: number;
}

/** Writes rows with the columns fsrs-rs's CSV reader needs (state and duration included). */
export function writeReviewLogCsv(rows: readonly SimulatedReviewRow[]): string {
  const lines = ["card_id,review_time,review_rating,review_state,review_duration"];
  for (const r of rows) lines.push(`${r.cardId},${r.reviewedAt},${r.rating},${r.state},${r.durationMs}`);
  return `${lines.join("\n")}\n`;
}
