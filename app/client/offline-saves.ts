/**
 * The attempt page's offline memory, in IndexedDB (through idb-keyval): the
 * queue of saves not yet acknowledged (the AnswerSaver's store), the highest
 * sequence number the page used, the answers the server last acknowledged and
 * the seconds left it last said. A page reloaded offline (served by the
 * service worker from its cache, so with the data of its last visit online)
 * takes the newer of these over its own.
 *
 * One record per attempt, so that a queue of one attempt never mixes with
 * another's and each write is one transaction (a save is queued and the
 * number raised together, or neither).
 */
import { createStore, get, update, type UseStore } from "idb-keyval";
import { memoryStore, type PendingSave, type SaveStore } from "./answer-saver";

interface AttemptRecord {
  pending: PendingSave[];
  highestSeq: number;
  acknowledged: Record<string, { response: string; savedAt: number }>;
  /** The server's seconds left, and the device's time when it said so. */
  clock: { secondsLeft: number; at: number } | null;
}

const empty = (): AttemptRecord => ({
  pending: [],
  highestSeq: 0,
  acknowledged: {},
  clock: null,
});

let database: UseStore | null = null;
function db(): UseStore {
  database ??= createStore("cairn-attempts", "attempts");
  return database;
}

export interface OfflineAttempt {
  /** The saver's queue. */
  store: SaveStore;
  /** Answers the server acknowledged, as this device last heard. */
  acknowledged(): Promise<AttemptRecord["acknowledged"]>;
  rememberSaved(
    questionId: string,
    response: string,
    savedAt: number
  ): Promise<void>;
  rememberClock(secondsLeft: number): Promise<void>;
  /** The seconds left now by the last word of the server, or null. */
  secondsLeft(): Promise<number | null>;
}

/**
 * The stored queue, or one in memory where IndexedDB fails (a private window
 * that refuses it, storage full): answers must still be sent, only a reload
 * then forgets the unsent ones, which the page says.
 */
function orInMemory(primary: SaveStore, onFallback: () => void): SaveStore {
  const memory = memoryStore();
  let active = primary;
  const run = async <T>(op: (store: SaveStore) => Promise<T>): Promise<T> => {
    if (active === memory) return op(memory);
    try {
      return await op(active);
    } catch {
      active = memory;
      onFallback();
      return op(memory);
    }
  };
  return {
    all: () => run((s) => s.all()),
    put: (save) => run((s) => s.put(save)),
    remove: (seq) => run((s) => s.remove(seq)),
    highestSeq: () => run((s) => s.highestSeq()),
  };
}

export function offlineAttempt(
  attemptId: string,
  onFallback: () => void = () => {}
): OfflineAttempt {
  const read = async () =>
    (await get<AttemptRecord>(attemptId, db())) ?? empty();
  const change = (edit: (record: AttemptRecord) => void) =>
    update<AttemptRecord>(
      attemptId,
      (old) => {
        const record = old ?? empty();
        edit(record);
        return record;
      },
      db()
    );
  return {
    store: orInMemory(
      {
        all: async () =>
          [...(await read()).pending].sort((a, b) => a.seq - b.seq),
        put: (save) =>
          change((r) => {
            r.pending = [...r.pending.filter((s) => s.seq !== save.seq), save];
            r.highestSeq = Math.max(r.highestSeq, save.seq);
          }),
        remove: (seq) =>
          change(
            (r) => void (r.pending = r.pending.filter((s) => s.seq !== seq))
          ),
        highestSeq: async () => (await read()).highestSeq,
      },
      onFallback
    ),
    acknowledged: async () => (await read()).acknowledged,
    rememberSaved: (questionId, response, savedAt) =>
      change((r) => {
        const known = r.acknowledged[questionId];
        if (!known || known.savedAt <= savedAt)
          r.acknowledged[questionId] = { response, savedAt };
      }),
    rememberClock: (secondsLeft) =>
      change((r) => void (r.clock = { secondsLeft, at: Date.now() })),
    secondsLeft: async () => {
      const clock = (await read()).clock;
      if (!clock) return null;
      // The device's clock only measures time passed since, never the deadline itself.
      return Math.max(
        0,
        clock.secondsLeft - Math.max(0, Date.now() - clock.at) / 1000
      );
    },
  };
}
