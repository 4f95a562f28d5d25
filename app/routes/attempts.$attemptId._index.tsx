import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useFetcher, useLoaderData, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { requireUserWithPermission } from "~/auth.server";
import { AnswerSaver, type AnswerState, type SaveReply } from "~/client/answer-saver";
import { keepAttemptPageOffline } from "~/client/attempt-cache";
import { offlineAttempt } from "~/client/offline-saves";
import { useCountdown } from "~/components/attempt/countdown";
import { AnswerControls, instructions } from "~/components/question-form";
import { formatClockTime, formatCountdown } from "~/components/time-format";
import { attemptActionSchema } from "~/forms/assessment-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { flagQuestionOnAppDb } from "~/models/assessment-saving.server";
import { attemptPageOnAppDb, submitAttemptOnAppDb } from "~/models/assessment-taking.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.attempt.title ?? "Attempt"} · Cairn` }];

const notFound = () => new Response("There is no such attempt among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const learner = await requireUserWithPermission(request, "read:attempt:own");
  const attemptId = params.attemptId ?? "";
  const page = await attemptPageOnAppDb(learner.id, attemptId, Date.now());
  if (!page) throw notFound();
  if (page.kind === "finished") throw redirect(`/attempts/${encodeURIComponent(attemptId)}/results`);
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get("q") ?? "1");
  const current = Number.isInteger(asked) && asked >= 1 && asked <= page.questions.length ? asked - 1 : 0;
  const answer = url.searchParams.get("answer");
  return {
    attempt: page.attempt,
    // Times are formatted here, in the learner's zone, so the page hydrates with the same text.
    questions: page.questions.map((q) => ({ ...q, savedLabel: q.saved ? formatClockTime(q.saved.savedAt, learner.timeZone) : null })),
    timeZone: learner.timeZone,
    view: url.searchParams.get("view") === "all" ? ("all" as const) : ("one" as const),
    current,
    // After a save posted without JavaScript.
    notice: answer === "saved" ? "Answer saved." : answer === "late" ? "That answer arrived after the time was up: it is kept but not counted." : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const learner = await requireUserWithPermission(request, "update:attempt:own");
  const form = await parseForm(request, attemptActionSchema);
  if (!form.ok) return form.response;
  const attemptId = params.attemptId ?? "";
  if (form.data.intent === "flag") {
    const flagged = await flagQuestionOnAppDb(learner.id, attemptId, form.data.questionId, form.data.flagged === "1");
    if (!flagged) return formErrors({ formError: "This attempt is finished, or that question is not on it: nothing was flagged." }, 409);
    return data({ flagged: form.data.questionId });
  }
  const submitted = await submitAttemptOnAppDb(learner.id, attemptId, Date.now());
  if (!submitted) throw notFound();
  return redirect(`/attempts/${encodeURIComponent(attemptId)}/results`);
}

// A flag changes nothing the loader would show differently: no reload after it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "flag" ? false : defaultShouldRevalidate;

type Question = ReturnType<typeof useLoaderData<typeof loader>>["questions"][number];

/** How long a typed answer waits after the last key before it is saved (it is saved at once on leaving the field). */
const TYPING_PAUSE_MS = 700;
/** At zero, how long the page waits for unsent answers before it submits (the server counts them for 60 s). */
const FINAL_FLUSH_MS = 30_000;

export default function AttemptPage() {
  const loaded = useLoaderData<typeof loader>();
  const { attempt, questions, timeZone } = loaded;
  const submit = useSubmit();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [current, setCurrent] = useState(loaded.current);
  const [view, setView] = useState(loaded.view);
  const [responses, setResponses] = useState<Record<string, string>>(() => Object.fromEntries(questions.map((q) => [q.id, q.saved?.response ?? ""])));
  const [flags, setFlags] = useState<Record<string, boolean>>(() => Object.fromEntries(questions.map((q) => [q.id, q.flagged])));
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const flagger = useFetcher();
  const saveUrl = `/attempts/${encodeURIComponent(attempt.id)}/save`;
  // Answers the server acknowledged after this page was served (a page from the offline cache is older).
  const [acknowledged, setAcknowledged] = useState<Record<string, { response: string; savedAt: number }>>({});
  const [deviceStorage, setDeviceStorage] = useState(true);
  const offline = useMemo(() => offlineAttempt(attempt.id, () => setDeviceStorage(false)), [attempt.id]);

  const countdown = useCountdown(attempt.secondsLeft, async () => {
    const response = await fetch(saveUrl, { headers: { Accept: "application/json" } }).catch(() => null);
    const body = response?.ok ? ((await response.json()) as { secondsLeft?: number; status?: string }) : null;
    if (body?.status === "finished") window.location.assign(`/attempts/${encodeURIComponent(attempt.id)}/results`);
    return typeof body?.secondsLeft === "number" ? body.secondsLeft : null;
  });
  const syncClock = useRef(countdown.sync);
  syncClock.current = countdown.sync;

  const saver = useMemo(
    () =>
      new AnswerSaver({
        lastSeq: attempt.lastSeq,
        send: async (save) => {
          const response = await fetch(saveUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ attemptId: attempt.id, ...save }),
          });
          const body = response.headers.get("Content-Type")?.includes("application/json") ? ((await response.json()) as SaveReply) : null;
          return { status: response.status, body };
        },
        onChange: rerender,
        onSecondsLeft: (s) => {
          syncClock.current(s);
          void offline.rememberClock(s).catch(() => undefined);
        },
        onSaved: (questionId, response, savedAt) => void offline.rememberSaved(questionId, response, savedAt).catch(() => undefined),
        store: offline.store,
      }),
    // One saver for the attempt's page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attempt.id],
  );

  // On load: answers left unsent by an earlier page are shown and sent; then on `online`. While any
  // wait, the saver retries with back-off (1 s up to 15 s): that is the heartbeat, since
  // navigator.onLine can say online with no way through.
  useEffect(() => {
    let live = true;
    void (async () => {
      const known = await offline.acknowledged().catch(() => ({}) as Record<string, { response: string; savedAt: number }>);
      const queued = await saver.resume();
      if (!live) return;
      const newer = Object.fromEntries(
        questions.flatMap((q) => {
          const k = known[q.id];
          return k && k.savedAt > (q.saved?.savedAt ?? 0) ? [[q.id, k]] : [];
        }),
      );
      setAcknowledged(newer);
      setResponses((r) => {
        const next = { ...r };
        for (const [id, k] of Object.entries(newer)) next[id] = k.response;
        for (const s of queued) next[s.questionId] = s.response;
        return next;
      });
      // The page may come from the offline cache, its seconds left as old as it is: ask the server,
      // or failing that, count on from the last seconds left it said.
      const response = await fetch(saveUrl, { headers: { Accept: "application/json" } }).catch(() => null);
      const body = response?.ok ? ((await response.json().catch(() => null)) as { secondsLeft?: number; status?: string } | null) : null;
      if (!live) return;
      if (body?.status === "finished") window.location.assign(`/attempts/${encodeURIComponent(attempt.id)}/results`);
      else if (typeof body?.secondsLeft === "number") syncClock.current(body.secondsLeft);
      else {
        const stored = await offline.secondsLeft().catch(() => null);
        if (stored !== null && stored < attempt.secondsLeft) syncClock.current(stored);
      }
    })();
    const retry = () => void saver.flush();
    window.addEventListener("online", retry);
    // This page and its scripts, for a reload without a connection.
    keepAttemptPageOffline();
    return () => {
      live = false;
      window.removeEventListener("online", retry);
    };
    // Once per attempt page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saver]);

  const typing = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const answer = (questionId: string, value: string, at: "now" | "after-pause") => {
    setResponses((r) => ({ ...r, [questionId]: value }));
    clearTimeout(typing.current.get(questionId));
    if (at === "now") void saver.save(questionId, value);
    else typing.current.set(questionId, setTimeout(() => void saver.save(questionId, value), TYPING_PAUSE_MS));
  };
  const saveTyped = (questionId: string) => {
    const pending = typing.current.get(questionId);
    if (pending === undefined) return;
    clearTimeout(pending);
    typing.current.delete(questionId);
    void saver.save(questionId, responses[questionId] ?? "");
  };

  const timeUp = countdown.seconds <= 0;
  const finishing = useRef(false);
  const submitNow = async () => {
    for (const id of [...typing.current.keys()]) saveTyped(id);
    const sent = await saver.settled(timeUp ? FINAL_FLUSH_MS : 10_000);
    if (!sent && !timeUp) {
      setSubmitProblem("Some answers are not sent yet. They will be sent when the connection is back; submit again then.");
      return;
    }
    submit({ intent: "submit" }, { method: "post" });
  };
  useEffect(() => {
    if (!timeUp || finishing.current) return;
    finishing.current = true;
    void submitNow();
    // submitNow reads the latest state through refs and the saver.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeUp]);

  const go = (index: number) => {
    setCurrent(index);
    const url = new URL(window.location.href);
    url.searchParams.set("q", String(index + 1));
    window.history.replaceState(window.history.state, "", url);
  };
  const switchView = (next: "one" | "all") => {
    setView(next);
    const url = new URL(window.location.href);
    url.searchParams.set("view", next);
    window.history.replaceState(window.history.state, "", url);
  };
  const toggleFlag = (questionId: string) => {
    const flagged = !flags[questionId];
    setFlags((f) => ({ ...f, [questionId]: flagged }));
    flagger.submit({ intent: "flag", questionId, flagged: flagged ? "1" : "0" }, { method: "post" });
  };

  const answeredCount = questions.filter((q) => (responses[q.id] ?? "").trim() !== "").length;
  const states = questions.map((q) => saver.state(q.id));
  const savedCount = questions.filter((q, i) => (states[i] ? states[i]!.kind === "saved" : Boolean(acknowledged[q.id] ?? q.saved))).length;
  const waitingCount = states.filter((st) => st?.kind === "waiting").length;
  const sendingCount = states.filter((st) => st?.kind === "sending").length;
  const flaggedCount = questions.filter((q) => flags[q.id]).length;
  const shown = view === "all" ? questions : [questions[current]!];
  const link = (params: Record<string, string>) => `?${new URLSearchParams({ view, q: String(current + 1), ...params })}`;

  return (
    <section className="attempt">
      <header className="attempt-header">
        <h1>{attempt.title}</h1>
        <p className="attempt-clock">
          <span className="muted">Time left </span>
          <strong role="timer" aria-live="off" aria-label="Time left">
            {formatCountdown(countdown.seconds)}
          </strong>
          <span className="muted"> of {attempt.limit}</span>
        </p>
        {attempt.cutByClose ? <p className="muted">Your time ends when the assessment closes, before the full limit.</p> : null}
        <p className="visually-hidden" aria-live="polite" role="status">
          {countdown.announcement}
        </p>
      </header>
      {timeUp ? (
        <p className="notice notice-error" role="alert">
          Time is up. Your answers are being submitted.
        </p>
      ) : null}
      {loaded.notice ? <p className="notice">{loaded.notice}</p> : null}

      <nav aria-label="Questions" className="question-nav">
        <ol className="list-plain">
          {questions.map((q, i) => {
            const label = `Question ${i + 1}${(responses[q.id] ?? "").trim() ? ", answered" : ", not answered"}${flags[q.id] ? ", flagged" : ""}`;
            return (
              <li key={q.id}>
                <a
                  href={link({ view: "one", q: String(i + 1) })}
                  aria-label={label}
                  aria-current={view === "one" && i === current ? "step" : undefined}
                  className={`${(responses[q.id] ?? "").trim() ? "answered" : ""}${flags[q.id] ? " flagged" : ""}`}
                  onClick={(e) => {
                    e.preventDefault();
                    switchView("one");
                    go(i);
                  }}
                >
                  {i + 1}
                  {flags[q.id] ? <span aria-hidden="true">⚑</span> : null}
                </a>
              </li>
            );
          })}
        </ol>
        <p>
          {view === "one" ? (
            <a href={link({ view: "all" })} onClick={(e) => (e.preventDefault(), switchView("all"))}>
              Show all questions on one page
            </a>
          ) : (
            <a href={link({ view: "one" })} onClick={(e) => (e.preventDefault(), switchView("one"))}>
              Show one question at a time
            </a>
          )}
        </p>
      </nav>

      {shown.map((q) => (
        <QuestionCard
          key={q.id}
          question={q}
          number={questions.indexOf(q) + 1}
          total={questions.length}
          saveUrl={saveUrl}
          response={responses[q.id] ?? ""}
          state={saver.state(q.id)}
          acknowledged={acknowledged[q.id]}
          flagged={Boolean(flags[q.id])}
          timeZone={timeZone}
          disabled={timeUp}
          onAnswer={answer}
          onLeave={saveTyped}
          onFlag={toggleFlag}
        />
      ))}

      {view === "one" ? (
        <p className="pager">
          {current > 0 ? (
            <a href={link({ q: String(current) })} onClick={(e) => (e.preventDefault(), go(current - 1))}>
              ← Previous question
            </a>
          ) : (
            <span />
          )}
          {current < questions.length - 1 ? (
            <a href={link({ q: String(current + 2) })} onClick={(e) => (e.preventDefault(), go(current + 1))}>
              Next question →
            </a>
          ) : null}
        </p>
      ) : null}

      <Form
        method="post"
        className="card submit-card"
        onSubmit={(e) => {
          e.preventDefault();
          void submitNow();
        }}
      >
        <p>
          {answeredCount} of {questions.length} answered{flaggedCount > 0 ? `, ${flaggedCount} flagged for review` : ""}.
        </p>
        <SaveSummary saved={savedCount} waiting={waitingCount} sending={sendingCount} deviceStorage={deviceStorage} />
        {submitProblem ? (
          <p className="field-error" role="alert">
            {submitProblem}
          </p>
        ) : null}
        <input type="hidden" name="intent" value="submit" />
        <button type="submit" disabled={timeUp}>
          Submit your answers
        </button>
      </Form>
    </section>
  );
}

const answers = (n: number) => (n === 1 ? "1 answer" : `${n} answers`);

/** The line under the answers: what the server has, and what waits on this device. */
function SaveSummary(props: { saved: number; waiting: number; sending: number; deviceStorage: boolean }) {
  const parts = [`${answers(props.saved)} saved on the server.`];
  if (props.sending > 0) parts.push(`${answers(props.sending)} being sent.`);
  if (props.waiting > 0) {
    parts.push(
      props.deviceStorage
        ? `${answers(props.waiting)} waiting to be sent: kept on this device, sent when the connection is back.`
        : `${answers(props.waiting)} waiting to be sent: this browser cannot keep them, so do not reload or close this page until they are sent.`,
    );
  }
  return (
    <p role="status" className={props.waiting > 0 ? "save-summary field-error" : "save-summary muted"}>
      {parts.join(" ")}
    </p>
  );
}

function savedText(
  state: AnswerState | undefined,
  question: Question,
  timeZone: string,
  acknowledged: { response: string; savedAt: number } | undefined,
): { text: string; problem: boolean } | null {
  if (!state && acknowledged) return { text: `Saved at ${formatClockTime(acknowledged.savedAt, timeZone)}`, problem: false };
  if (!state) return question.savedLabel ? { text: `Saved at ${question.savedLabel}`, problem: false } : null;
  switch (state.kind) {
    case "saved":
      return { text: `Saved at ${formatClockTime(state.savedAt, timeZone)}`, problem: false };
    case "sending":
      return { text: "Saving…", problem: false };
    case "waiting":
      return { text: state.message, problem: true };
    case "refused":
      return { text: state.message, problem: true };
  }
}

function QuestionCard(props: {
  question: Question;
  number: number;
  total: number;
  saveUrl: string;
  response: string;
  state: AnswerState | undefined;
  acknowledged: { response: string; savedAt: number } | undefined;
  flagged: boolean;
  timeZone: string;
  disabled: boolean;
  onAnswer(questionId: string, value: string, at: "now" | "after-pause"): void;
  onLeave(questionId: string): void;
  onFlag(questionId: string): void;
}) {
  const { question: q, response, disabled } = props;
  const promptId = `prompt-${q.id}`;
  const status = savedText(props.state, q, props.timeZone, props.acknowledged);
  return (
    <article className="card attempt-question" aria-labelledby={promptId}>
      <p className="muted">
        Question {props.number} of {props.total} · {instructions[q.type]}
      </p>
      {/* Without JavaScript each answer is saved by its own button; with it, as it changes. */}
      <form
        method="post"
        action={props.saveUrl}
        onSubmit={(e) => {
          e.preventDefault();
          props.onAnswer(q.id, response, "now");
        }}
      >
        <input type="hidden" name="questionId" value={q.id} />
        <p id={promptId} className="question-prompt">
          {q.prompt}
        </p>
        <AnswerControls
          question={q}
          disabled={disabled}
          value={response}
          onAnswer={(value) => props.onAnswer(q.id, value, q.options ? "now" : "after-pause")}
          onLeave={() => props.onLeave(q.id)}
        />
        <p className="attempt-question-actions">
          <button type="submit" className="secondary" disabled={disabled}>
            Save answer
          </button>
        </p>
        {status ? <p className={status.problem ? "save-status field-error" : "save-status muted"}>{status.text}</p> : null}
      </form>
      <Form
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          props.onFlag(q.id);
        }}
      >
        <input type="hidden" name="intent" value="flag" />
        <input type="hidden" name="questionId" value={q.id} />
        <input type="hidden" name="flagged" value={props.flagged ? "0" : "1"} />
        <button type="submit" className="secondary" aria-pressed={props.flagged} disabled={disabled}>
          {props.flagged ? "Flagged for review" : "Flag for review"}
        </button>
      </Form>
    </article>
  );
}
