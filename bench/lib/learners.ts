/**
 * Learners for the load benchmark, made straight in the database: one argon2id
 * hash shared by every account (hashing 1,000 passwords would take longer than
 * the runs), a real session per learner (its cookie exactly as the app
 * serializes it), and a deck started through the deck model.
 */
import { hash } from "@node-rs/argon2";
import { asc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { lessons, modules, questions, users } from "../../db/schema";
import { startLesson } from "../../app/models/deck.server";
import { createSession, createSessionCookie } from "../../app/models/session.server";

export interface BenchLearner {
  id: string;
  email: string;
  /** The session token, and the `Cookie` request header carrying it. */
  token: string;
  cookie: string;
  cards: number;
}

export interface SeedOptions {
  count: number;
  /** Lessons are started in course order (from a per-learner offset) until the deck holds at least this many cards. */
  cardsPerLearner: number;
  now: number;
}

/** Active lessons in course order (module position, then lesson position). */
async function lessonsInOrder(db: Database) {
  return db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.status, "active"))
    .orderBy(asc(modules.position), asc(lessons.position));
}

export async function seedLearners(db: Database, options: SeedOptions): Promise<BenchLearner[]> {
  // A fixture, not data to keep: skip the fsync per commit on this (only) connection.
  await db.$client.execute("PRAGMA synchronous = OFF");
  const passwordHash = await hash("bench-password-not-used", { algorithm: 2 });
  const rows = Array.from({ length: options.count }, (_, i) => ({
    id: randomUUID(),
    email: `learner${i}@bench.invalid`,
    name: `Bench learner ${i}`,
    role: "learner" as const,
    passwordHash,
    createdAt: options.now,
    // High limits so the queue does not run dry during the runs.
    newPerDay: 9999,
    maxReviewsPerDay: 9999,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insert(users).values(rows.slice(i, i + 200));

  const order = await lessonsInOrder(db);
  if (order.length === 0) throw new Error("The database has no lessons: did setup import content/?");
  // The cookie the browser would send back: the name=value part of Set-Cookie.
  const cookie = createSessionCookie({ secure: true });
  const learners: BenchLearner[] = [];
  for (const [i, row] of rows.entries()) {
    let cards = 0;
    // Different learners start at different lessons, so the load spreads over the course.
    for (let k = 0; k < order.length && cards < options.cardsPerLearner; k++) {
      cards += await startLesson(db, row.id, order[(i * 3 + k) % order.length].id, options.now);
    }
    const { token } = await createSession(db, row.id, options.now);
    const setCookie = await cookie.serialize(token);
    learners.push({ id: row.id, email: row.email, token, cookie: setCookie.split(";")[0], cards });
  }
  return learners;
}

/** The expected answer of every question the learners may be shown, by question id. */
export async function answerKey(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: questions.id, answer: questions.answer })
    .from(questions)
    .where(eq(questions.status, "active"));
  return new Map(rows.map((r) => [r.id, r.answer]));
}
