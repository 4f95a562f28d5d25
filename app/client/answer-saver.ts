/**
 * The attempt page's answer saver (browser side): every change of an answer
 * becomes a save with the next sequence number of the attempt, queued and
 * sent to the save endpoint in order, one at a time. A save the network or
 * the server failed (no answer, 5xx, signed out) stays queued and is sent
 * again with back-off; a 2xx or a 4xx takes it off the queue (a 4xx is told
 * to the learner: retrying would not change it). An answer is shown as
 * saved only once the server said so.
 *
 * The queue lives in a store: in memory here, IndexedDB on the page
 * (app/client/offline-saves.ts), so a reload never loses nor marks sent an
 * unsent save. The page calls resume() on load (the stored saves are shown as
 * waiting and sent), and flush() on `online` and on a heartbeat; the sequence
 * numbers continue from max(the page's lastSeq, the highest the store saw):
 * a page served from the offline cache carries an older lastSeq, and reusing
 * a number would get a newer answer refused as superseded.
 */

export interface PendingSave {
  questionId: string;
  seq: number;
  response: string;
}

/** The save endpoint's reply (see the save route for the contract). */
export type SaveReply =
  | { ok: true; status: "counted" | "unchanged" | "duplicate" | "superseded"; seq: number; savedAt: number; secondsLeft: number }
  | { ok: false; error: string; message: string };

export type AnswerState =
  | { kind: "saved"; response: string; savedAt: number }
  | { kind: "sending"; response: string }
  | { kind: "waiting"; response: string; message: string }
  | { kind: "refused"; response: string; message: string };

export interface SaveStore {
  all(): Promise<PendingSave[]>;
  put(save: PendingSave): Promise<void>;
  remove(seq: number): Promise<void>;
  /** The highest sequence number ever put, sent or not. */
  highestSeq(): Promise<number>;
}

export function memoryStore(): SaveStore {
  const saves = new Map<number, PendingSave>();
  let highest = 0;
  return {
    all: async () => [...saves.values()].sort((a, b) => a.seq - b.seq),
    put: async (save) => {
      highest = Math.max(highest, save.seq);
      saves.set(save.seq, save);
    },
    remove: async (seq) => void saves.delete(seq),
    highestSeq: async () => highest,
  };
}

/** What an answer not yet acknowledged says while the connection is down. */
export const WAITING_MESSAGE = "Waiting to be sent: kept on this device, it will be sent when the connection is back.";

export interface SaverOptions {
  lastSeq: number;
  /** Sends one save; null when the network failed. */
  send(save: PendingSave): Promise<{ status: number; body: SaveReply | null } | null>;
  /** Called after every change of state, for the page to re-render. */
  onChange(): void;
  /** Called when the server acknowledged the newest answer of a question. */
  onSaved?(questionId: string, response: string, savedAt: number): void;
  /** The seconds left the server gave with a save: the countdown re-syncs on it. */
  onSecondsLeft?(secondsLeft: number): void;
  store?: SaveStore;
  /** Waits before retrying a failed send: 1, 2, 4, 8, 15, 15… seconds. */
  retryDelaysMs?: readonly number[];
  schedule?(run: () => void, ms: number): void;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

export class AnswerSaver {
  private seq: number;
  private readonly store: SaveStore;
  private readonly states = new Map<string, AnswerState>();
  private sending = false;
  private failures = 0;
  private retryScheduled = false;
  private idleWaiters: (() => void)[] = [];
  /** Settles once the stored queue has been read (resume): numbering waits for it. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: SaverOptions) {
    this.seq = options.lastSeq;
    this.store = options.store ?? memoryStore();
  }

  /** What the page shows beside a question: saved (when), sending, waiting to be sent, or refused. */
  state(questionId: string): AnswerState | undefined {
    return this.states.get(questionId);
  }

  /** Saves not yet acknowledged by the server. */
  async pending(): Promise<number> {
    return (await this.store.all()).length;
  }

  /**
   * Picks up what an earlier page left in the store: its saves are shown as
   * waiting and sent, and numbering goes on above every number it used.
   * Returns the queued saves, oldest first.
   */
  async resume(): Promise<PendingSave[]> {
    let queue: PendingSave[] = [];
    this.ready = (async () => {
      queue = await this.store.all();
      this.seq = Math.max(this.seq, await this.store.highestSeq(), ...queue.map((s) => s.seq));
      for (const s of queue) this.states.set(s.questionId, { kind: "waiting", response: s.response, message: WAITING_MESSAGE });
    })();
    await this.ready;
    this.options.onChange();
    void this.flush();
    return queue;
  }

  /** Records a change of answer and sends it (after any saves still queued). */
  async save(questionId: string, response: string): Promise<void> {
    await this.ready;
    const save = { questionId, seq: ++this.seq, response };
    await this.store.put(save);
    this.states.set(questionId, { kind: "sending", response });
    this.options.onChange();
    await this.flush();
  }

  /** Sends the queued saves in order until the queue is empty or a send fails (then retries later). */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const queue = await this.store.all();
        const head = queue[0];
        if (!head) break;
        // A newer save of the same question is queued behind it: the server would keep only that one.
        if (queue.some((s) => s.questionId === head.questionId && s.seq > head.seq)) {
          await this.store.remove(head.seq);
          continue;
        }
        const reply = await this.options.send(head).catch(() => null);
        if (!reply || reply.status >= 500 || reply.status === 401 || reply.status === 429 || !reply.body) {
          this.failed(queue, reply?.status === 401 ? "Not sent: you are signed out. Sign in again in another tab; it will be sent then." : WAITING_MESSAGE);
          return;
        }
        this.failures = 0;
        await this.store.remove(head.seq);
        const newest = !queue.some((s) => s.questionId === head.questionId && s.seq > head.seq);
        if (reply.body.ok) {
          if (newest) {
            this.states.set(head.questionId, { kind: "saved", response: head.response, savedAt: reply.body.savedAt });
            this.options.onSaved?.(head.questionId, head.response, reply.body.savedAt);
          }
          this.options.onSecondsLeft?.(reply.body.secondsLeft);
        } else if (reply.body.error === "seq_conflict") {
          // Another window used this number for the question: the answer given here is sent again, under a new one.
          const again = { ...head, seq: ++this.seq };
          await this.store.put(again);
        } else if (newest) {
          this.states.set(head.questionId, { kind: "refused", response: head.response, message: reply.body.message });
        }
        this.options.onChange();
      }
    } finally {
      this.sending = false;
    }
    if ((await this.store.all()).length === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** The head of the queue could not be sent: it and every save behind it wait. */
  private failed(queue: PendingSave[], message: string) {
    for (const save of queue) this.states.set(save.questionId, { kind: "waiting", response: save.response, message });
    this.options.onChange();
    if (this.retryScheduled) return;
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.failures, delays.length - 1)]!;
    this.failures++;
    this.retryScheduled = true;
    const schedule = this.options.schedule ?? ((run, ms) => void setTimeout(run, ms));
    schedule(() => {
      this.retryScheduled = false;
      void this.flush();
    }, delay);
  }

  /** Resolves once every queued save is acknowledged, or after `timeoutMs` (false then). */
  async settled(timeoutMs: number): Promise<boolean> {
    if ((await this.store.all()).length === 0) return true;
    void this.flush();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
