/**
 * The database work behind one answer request, measured in-process: the
 * review action's calls (session lookup, learner row, answerShowing, then
 * studyNext for the next card) against the benchmark's database, with every
 * SQL statement counted and timed. Without HTTP, rendering or encoding, this
 * is the floor the request cost cannot go under.
 */
import type { Client, InStatement } from "@libsql/client";
import { performance } from "node:perf_hooks";
import type { Database } from "../../db/client";
import { getLearner } from "../../app/models/learner.server";
import { answerShowing, studyNext } from "../../app/models/review.server";
import { getSessionUser } from "../../app/models/session.server";

export interface StatementCost {
  sql: string;
  count: number;
  ms: number;
}

export interface QueryProfile {
  answers: number;
  /** Wall time of the action's model calls per answer. */
  msPerAnswer: number;
  /** CPU time of this process per answer (robust to other load on the machine). */
  cpuMsPerAnswer: number;
  statementsPerAnswer: number;
  sqlMsPerAnswer: number;
  statements: StatementCost[];
}

function sqlOf(statement: InStatement): string {
  const text = typeof statement === "string" ? statement : statement.sql;
  return text.replace(/\s+/g, " ").trim();
}

/** Wraps execute (also inside transactions) and batch to time every statement. */
function instrument(client: Client, costs: Map<string, StatementCost>, counting: { on: boolean }) {
  const note = (statement: InStatement, ms: number, statements = 1) => {
    if (!counting.on) return;
    const sql = sqlOf(statement);
    const cost = costs.get(sql) ?? { sql, count: 0, ms: 0 };
    cost.count += statements;
    cost.ms += ms;
    costs.set(sql, cost);
  };
  const wrap = <T extends { execute: Client["execute"] }>(target: T) => {
    const execute = target.execute.bind(target) as (s: InStatement) => ReturnType<Client["execute"]>;
    (target as { execute: unknown }).execute = async (statement: InStatement) => {
      const start = performance.now();
      try {
        return await execute(statement);
      } finally {
        note(statement, performance.now() - start);
      }
    };
    return target;
  };
  wrap(client);
  // A batch is timed as a whole, under its statements joined; each counts.
  const batch = client.batch.bind(client);
  (client as { batch: unknown }).batch = async (statements: InStatement[], mode?: "write" | "read" | "deferred") => {
    const start = performance.now();
    try {
      return await batch(statements, mode);
    } finally {
      note(`BATCH(${mode ?? "deferred"}): ${statements.map(sqlOf).join(" ; ")}`, performance.now() - start, statements.length);
    }
  };
  const transaction = client.transaction.bind(client);
  (client as { transaction: unknown }).transaction = async (mode?: "write" | "read" | "deferred") => {
    const start = performance.now();
    const tx = await transaction(mode);
    note("BEGIN", performance.now() - start);
    for (const method of ["commit", "rollback"] as const) {
      const original = tx[method].bind(tx);
      tx[method] = async () => {
        const began = performance.now();
        try {
          return await original();
        } finally {
          note(method.toUpperCase(), performance.now() - began);
        }
      };
    }
    return wrap(tx);
  };
}

export async function profileAnswerQueries(
  db: Database,
  learners: Array<{ token: string }>,
  key: Map<string, string>,
  answersPerLearner: number,
): Promise<QueryProfile> {
  const costs = new Map<string, StatementCost>();
  // The page load before a learner's first answer is not part of an answer.
  const counting = { on: false };
  instrument(db.$client, costs, counting);
  let answers = 0;
  let elapsed = 0;
  let cpuMicros = 0;
  for (const { token } of learners) {
    const now0 = Date.now();
    const user = await getSessionUser(db, token, now0);
    const learner = user && (await getLearner(db, user.id));
    if (!learner) continue;
    let card = (await studyNext(db, learner, now0)).card;
    for (let i = 0; i < answersPerLearner && card; i++) {
      counting.on = true;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const now = Date.now();
      const asking = await getSessionUser(db, token, now);
      const row = asking && (await getLearner(db, asking.id));
      if (!row) break;
      const response = i % 3 === 0 ? "not the answer" : (key.get(card.question.id) ?? "");
      await answerShowing(db, row, { showingId: card.showingId, response, clientResponseMs: 5000 }, now);
      card = (await studyNext(db, row, now)).card;
      elapsed += performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      cpuMicros += cpu.user + cpu.system;
      counting.on = false;
      answers++;
    }
    counting.on = false;
  }
  const statements = [...costs.values()].sort((a, b) => b.ms - a.ms);
  const count = statements.reduce((sum, s) => sum + s.count, 0);
  const sqlMs = statements.reduce((sum, s) => sum + s.ms, 0);
  return {
    answers,
    msPerAnswer: elapsed / Math.max(1, answers),
    cpuMsPerAnswer: cpuMicros / 1000 / Math.max(1, answers),
    statementsPerAnswer: count / Math.max(1, answers),
    sqlMsPerAnswer: sqlMs / Math.max(1, answers),
    statements,
  };
}
