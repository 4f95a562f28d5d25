/**
 * The two load shapes of the review benchmark.
 *
 * Saturation (closed loop): a fixed number of connections, each answering as
 * soon as its last reply arrived; what counts is answers per second.
 *
 * Cohort (open loop): every learner answers about every few seconds whatever
 * the server is doing; latency counts from when the answer was due to be
 * sent, so a slow server shows up as latency instead of a politely slower
 * client (no coordinated omission).
 */
import { performance } from "node:perf_hooks";
import { answerTurn, type Behaviour, type Ledger, type LearnerState, type RequestKind, type Sample } from "./learner-driver";
import { NOT_SENT, type ReviewClient } from "./review-client";

export interface RunStats {
  seconds: number;
  /** Acknowledged first answers completed inside the measured window. */
  answers: number;
  requests: number;
  byKind: Record<RequestKind, number[]>;
  /** "HTTP 409", "ECONNRESET …" -> count. */
  failures: Map<string, number>;
  /** Cohort: answers due before the end that were never sent by the deadline. */
  unsent: number;
  /** Learners whose queue ran dry during the run. */
  learnersDone: number;
  /** CPU time the server used inside the measured window (ms). */
  serverCpuMs: number;
  /** CPU time this load generator used inside the measured window (ms). */
  clientCpuMs: number;
}

function newStats(): RunStats {
  return { seconds: 0, answers: 0, requests: 0, byKind: { answer: [], rate: [], repeat: [], next: [] }, failures: new Map(), unsent: 0, learnersDone: 0, serverCpuMs: 0, clientCpuMs: 0 };
}

function recorderFor(stats: RunStats, from: number, to: number) {
  return (sample: Sample) => {
    if (sample.start < from || sample.end > to || sample.error === NOT_SENT) return;
    stats.requests++;
    stats.byKind[sample.kind].push(sample.end - sample.start);
    if (sample.status === 200) {
      if (sample.kind === "answer") stats.answers++;
      return;
    }
    const label = sample.error ? sample.error.slice(0, 80) : `HTTP ${sample.status} (${sample.kind})`;
    stats.failures.set(label, (stats.failures.get(label) ?? 0) + 1);
  };
}

export interface RunContext {
  client: ReviewClient;
  /** The server's CPU time so far (ms). */
  serverCpuMs: () => number;
  states: LearnerState[];
  key: Map<string, string>;
  behaviour: Behaviour;
  ledger: Ledger;
}

const clientCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Measures the server's and this process's CPU time between two moments, by timers. */
function cpuWindow(stats: RunStats, serverCpuMs: () => number, fromMs: number, toMs: number) {
  let server0 = 0;
  let client0 = 0;
  const started = setTimeout(() => {
    server0 = serverCpuMs();
    client0 = clientCpuMs();
  }, fromMs);
  const ended = setTimeout(() => {
    stats.serverCpuMs = serverCpuMs() - server0;
    stats.clientCpuMs = clientCpuMs() - client0;
  }, toMs);
  return () => {
    clearTimeout(started);
    clearTimeout(ended);
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function saturation(context: RunContext, options: { connections: number; warmupSeconds: number; seconds: number }) {
  const stats = newStats();
  const begin = performance.now();
  const from = begin + options.warmupSeconds * 1000;
  const to = from + options.seconds * 1000;
  const record = recorderFor(stats, from, to);
  const cancel = cpuWindow(stats, context.serverCpuMs, from - begin, to - begin);
  // Each connection serves its own learners in turn, so no learner ever has two answers in flight.
  const workers = Array.from({ length: options.connections }, async (_, w) => {
    const mine = context.states.filter((_, i) => i % options.connections === w);
    let turn = 0;
    while (performance.now() < to) {
      const live = mine.filter((s) => !s.done);
      if (live.length === 0) return;
      const state = live[turn++ % live.length];
      await answerTurn(context.client, state, context.key, context.behaviour, context.ledger, record);
    }
  });
  await Promise.all(workers);
  cancel();
  stats.seconds = options.seconds;
  stats.learnersDone = context.states.filter((s) => s.done).length;
  return stats;
}

/**
 * An overloaded server falls behind the schedule; the run still ends
 * `drainSeconds` after its last scheduled answer: requests in flight are
 * aborted (failures), answers never sent count in the latency with their wait
 * so far (a lower bound), so the percentiles never flatter an overload.
 */
export async function cohort(context: RunContext, options: { seconds: number; intervalSeconds: number; drainSeconds: number }) {
  const stats = newStats();
  const begin = performance.now();
  const end = begin + options.seconds * 1000;
  const deadline = end + options.drainSeconds * 1000;
  const stop = setTimeout(() => context.client.close(), deadline - begin);
  // Everything sent before the end counts, however late it completes.
  const record = recorderFor(stats, begin, Number.POSITIVE_INFINITY);
  const { random } = context.behaviour;
  const interval = options.intervalSeconds * 1000;
  const server0 = context.serverCpuMs();
  const client0 = clientCpuMs();
  const learners = context.states.map(async (state) => {
    // Spread the first answers over one interval, then every 0.5–1.5 intervals (mean: one interval).
    let due = begin + random() * interval;
    while (due < end && !state.done && performance.now() < deadline) {
      await sleep(due - performance.now());
      await answerTurn(context.client, state, context.key, context.behaviour, context.ledger, record, due);
      due += interval * (0.5 + random());
    }
    for (; due < end && !state.done; due += interval * (0.5 + random())) {
      stats.unsent++;
      stats.byKind.answer.push(deadline - due);
    }
  });
  await Promise.all(learners);
  clearTimeout(stop);
  stats.serverCpuMs = context.serverCpuMs() - server0;
  stats.clientCpuMs = clientCpuMs() - client0;
  stats.seconds = options.seconds;
  stats.learnersDone = context.states.filter((s) => s.done).length;
  return stats;
}

/** Nearest-rank percentile of unsorted values (ms). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
