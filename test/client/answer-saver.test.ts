/**
 * The attempt page's saver against a scripted endpoint: saves go in order
 * with rising numbers, a failed send is never shown as saved and is sent
 * again, a refusal is told, an older queued save of a question is dropped
 * for the newer one, and a number another window used is sent again under
 * a new one.
 */
import { describe, expect, it } from "vitest";
import { AnswerSaver, memoryStore, type PendingSave, type SaveReply } from "~/client/answer-saver";

type Reply = { status: number; body: SaveReply | null } | null;

function harness(script: (save: PendingSave, n: number) => Reply) {
  const sent: PendingSave[] = [];
  const retries: (() => void)[] = [];
  const clock: number[] = [];
  const saver = new AnswerSaver({
    lastSeq: 10,
    send: async (save) => {
      sent.push(save);
      return script(save, sent.length);
    },
    onChange: () => {},
    onSecondsLeft: (s) => clock.push(s),
    schedule: (run) => retries.push(run),
  });
  return { saver, sent, retries, clock };
}

const ok = (save: PendingSave): Reply => ({ status: 200, body: { ok: true, status: "counted", seq: save.seq, savedAt: 1000 + save.seq, secondsLeft: 600 - save.seq } });

describe("the answer saver", () => {
  it("numbers saves on from the page's last number, sends them in order, and shows each as saved when acknowledged", async () => {
    const { saver, sent, clock } = harness(ok);
    await saver.save("q1", "Nile");
    await saver.save("q2", "8849");
    expect(sent.map((s) => [s.questionId, s.seq])).toEqual([
      ["q1", 11],
      ["q2", 12],
    ]);
    expect(saver.state("q1")).toEqual({ kind: "saved", response: "Nile", savedAt: 1011 });
    expect(clock).toEqual([589, 588]);
    expect(await saver.pending()).toBe(0);
  });

  it("a send the network failed stays queued, is shown as waiting, and goes again on retry", async () => {
    let online = false;
    const { saver, sent, retries } = harness((save) => (online ? ok(save) : null));
    await saver.save("q1", "Nile");
    expect(saver.state("q1")).toMatchObject({ kind: "waiting" });
    expect(await saver.pending()).toBe(1);
    // A server error is the same: not saved.
    online = true;
    await saver.save("q1", "Niger");
    expect(sent.map((s) => s.response)).toEqual(["Nile", "Niger"]);
    expect(saver.state("q1")).toEqual({ kind: "saved", response: "Niger", savedAt: 1012 });
    expect(retries).toHaveLength(1);
  });

  it("an older queued save of a question is dropped for the newer one; other questions' go in order", async () => {
    let online = false;
    const { saver, sent, retries } = harness((save) => (online ? ok(save) : null));
    await saver.save("q1", "N");
    await saver.save("q2", "8849");
    await saver.save("q1", "Nile");
    online = true;
    retries[0]!();
    await saver.settled(1000);
    // Each save tried the queue's head while offline; once "Nile" was queued, "N" was never sent again.
    expect(sent.map((s) => s.response)).toEqual(["N", "N", "8849", "8849", "Nile"]);
    expect(sent.slice(-2).map((s) => [s.questionId, s.response, s.seq])).toEqual([
      ["q2", "8849", 12],
      ["q1", "Nile", 13],
    ]);
  });

  it("a refusal (late, not on the form) is told and taken off the queue; a number used elsewhere is sent again under a new one", async () => {
    const { saver, sent } = harness((save, n) => {
      if (save.questionId === "late") return { status: 409, body: { ok: false, error: "late", message: "Arrived after the time was up: kept, not counted." } };
      if (n === 2) return { status: 409, body: { ok: false, error: "seq_conflict", message: "used" } };
      return ok(save);
    });
    await saver.save("late", "x");
    expect(saver.state("late")).toEqual({ kind: "refused", response: "x", message: "Arrived after the time was up: kept, not counted." });
    await saver.save("q1", "Nile");
    expect(sent.map((s) => [s.questionId, s.seq])).toEqual([
      ["late", 11],
      ["q1", 12],
      ["q1", 13],
    ]);
    expect(saver.state("q1")).toMatchObject({ kind: "saved", response: "Nile" });
    expect(await saver.pending()).toBe(0);
  });

  it("a page loaded later (a reload) shows the saves an earlier one left unsent as waiting, sends them first, and numbers on above every number used", async () => {
    const store = memoryStore();
    // The first page: one save acknowledged (number 11), then the connection drops for two more.
    let online = true;
    const first = new AnswerSaver({ lastSeq: 10, store, send: async (save) => (online ? ok(save) : null), onChange: () => {}, schedule: () => {} });
    await first.save("q1", "Nile");
    online = false;
    await first.save("q2", "8849");
    await first.save("q3", "Everest");
    expect(await store.all()).toHaveLength(2);

    // The reload comes from the offline cache: its lastSeq (10) predates every save above.
    const sent: PendingSave[] = [];
    const acknowledged: string[] = [];
    const second = new AnswerSaver({
      lastSeq: 10,
      store,
      send: async (save) => (sent.push(save), online ? ok(save) : null),
      onChange: () => {},
      onSaved: (questionId, response) => acknowledged.push(`${questionId}=${response}`),
      schedule: () => {},
    });
    const queued = await second.resume();
    expect(queued.map((s) => [s.questionId, s.seq])).toEqual([
      ["q2", 12],
      ["q3", 13],
    ]);
    expect(second.state("q2")).toMatchObject({ kind: "waiting", response: "8849" });
    expect(second.state("q3")).toMatchObject({ kind: "waiting", response: "Everest" });
    await second.save("q1", "Niger");
    // Still offline: the queue goes in order, so the head (q2) was tried again, and q1 waits behind it.
    expect(sent.every((s) => s.questionId === "q2")).toBe(true);
    expect((await store.all()).map((s) => [s.questionId, s.seq])).toEqual([
      ["q2", 12],
      ["q3", 13],
      ["q1", 14],
    ]);

    online = true;
    await second.flush();
    expect(sent.slice(-3).map((s) => [s.questionId, s.seq])).toEqual([
      ["q2", 12],
      ["q3", 13],
      ["q1", 14],
    ]);
    expect(acknowledged).toEqual(["q2=8849", "q3=Everest", "q1=Niger"]);
    expect(await store.all()).toEqual([]);
  });
});
