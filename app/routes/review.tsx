import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireUserWithPermission, type Permission } from "~/auth.server";
import { AnswerExplanation } from "~/components/answer-explanation";
import { readForm } from "~/forms/parse-form.server";
import { parseReviewForm } from "~/forms/review-form.server";
import { QuestionForm } from "~/components/question-form";
import { getDb } from "~/db.server";
import { RATING_NAMES, type Rating } from "~/learning/scheduler";
import { scheduleOptimisation } from "~/models/personal-parameters.server";
import {
  answerShowing,
  rateShowing,
  ReviewError,
  showAgain,
  studyNext,
  undoLastReview,
  type AnswerResult,
  type ShownCard,
} from "~/models/review.server";

export const meta: MetaFunction = () => [{ title: "Review · Cairn" }];

async function learnerFor(request: Request, permission: Permission) {
  const learner = await requireUserWithPermission(request, permission);
  return { db: await getDb(), learner };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, learner } = await learnerFor(request, "read:card:own");
  return studyNext(db, learner, Date.now());
}

export type ReviewActionData =
  | { kind: "answered"; result: AnswerResult; next: ShownCard | null; remaining: number }
  | { kind: "undone"; message: string }
  | { kind: "error"; message: string }
  /** The answer itself was refused: the card to answer again travels with the message, as after an answer. */
  | { kind: "refused"; message: string; field: "response"; next: ShownCard | null; remaining: number };

export async function action({ request }: ActionFunctionArgs) {
  const { db, learner } = await learnerFor(request, "update:card:own");
  const form = Object.fromEntries(await readForm(request));
  const parsed = parseReviewForm(form);
  if (!parsed.success) {
    const message =
      form.intent === "rate"
        ? "Choose a rating from 1 (Again) to 4 (Easy)."
        : "That review could not be read. Please try again.";
    return data({ kind: "error", message } satisfies ReviewActionData, { status: 400 });
  }
  const now = Date.now();
  const input = parsed.data;
  try {
    if (input.intent === "undo") {
      await undoLastReview(db, learner, now);
      return { kind: "undone", message: "Last review undone." } satisfies ReviewActionData;
    }
    const result =
      input.intent === "answer"
        ? await answerShowing(db, learner, { showingId: input.showingId, response: input.response, clientResponseMs: input.clientMs }, now)
        : await rateShowing(db, learner, { showingId: input.showingId, rating: input.rating as Rating }, now);
    if (input.intent === "answer" && !result.replayed) scheduleOptimisation(db, learner.id);
    // The next card travels with the result, so moving on needs no second request.
    const next = await studyNext(db, learner, now);
    return { kind: "answered", result, next: next.card, remaining: next.remaining } satisfies ReviewActionData;
  } catch (error) {
    if (error instanceof ReviewError) {
      if (error.code === "invalid_response") {
        // The refused card comes back as it was; another may have come due meanwhile, so not the queue's head.
        const queue = await studyNext(db, learner, now);
        const again = input.intent === "answer" ? await showAgain(db, learner, input.showingId, now) : null;
        return data(
          { kind: "refused", message: error.message, field: "response", next: again ?? queue.card, remaining: queue.remaining } satisfies ReviewActionData,
          { status: 400 },
        );
      }
      const status = error.code === "not_found" ? 404 : 409;
      return data({ kind: "error", message: error.message } satisfies ReviewActionData, { status });
    }
    throw error;
  }
}

// Answers and ratings return everything the page needs; only undo reloads.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "answer" || intent === "rate") return false;
  return defaultShouldRevalidate;
};

function formatInterval(days: number) {
  if (days < 1 / 24) return `${Math.max(1, Math.round(days * 24 * 60))} min`;
  if (days < 1) return `${Math.round(days * 24)} h`;
  if (days < 60) return `${Math.round(days)} d`;
  return `${(days / 30).toFixed(1)} mo`;
}

export default function ReviewPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewActionData | undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  // With JavaScript, "Continue" shows the next card from the action's result
  // without a request; without it, Continue is a plain link to /review.
  const [continuedFrom, setContinuedFrom] = useState<string | null>(null);
  const answered = actionData?.kind === "answered" ? actionData : null;
  const showFeedback = answered !== null && continuedFrom !== answered.result.showingId;
  const refused = actionData?.kind === "refused" ? actionData : null;
  // Answers and refusals carry the card to show; the loader's is the one first shown.
  const latest = answered ?? refused;
  const card: ShownCard | null = latest ? latest.next : loaderData.card;
  const remaining = latest ? latest.remaining : loaderData.remaining;
  const shownAt = useRef(0);
  const busy = navigation.state !== "idle";

  useEffect(() => {
    shownAt.current = performance.now();
  }, [card?.showingId, showFeedback]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.tagName === "INPUT" && (target as HTMLInputElement).type === "text";
      if (showFeedback && answered) {
        if (event.key === " " || event.key === "Enter") {
          // A focused button acts on both keys, a focused link on Enter (Continue's click handler).
          if (target?.tagName === "BUTTON" || (event.key === "Enter" && target?.tagName === "A")) return;
          event.preventDefault();
          setContinuedFrom(answered.result.showingId);
        } else if (["1", "2", "3", "4"].includes(event.key)) {
          event.preventDefault();
          submit({ intent: "rate", showingId: answered.result.showingId, rating: event.key }, { method: "post" });
        }
        return;
      }
      if (!typing && card?.question.options && /^[1-9]$/.test(event.key)) {
        const index = Number(event.key) - 1;
        const option = card.question.options[index];
        if (option === undefined) return;
        event.preventDefault();
        const input = document.querySelector<HTMLInputElement>(`input[name="response"][value="${CSS.escape(option)}"]`);
        input?.click();
        input?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [showFeedback, answered, card, submit]);

  return (
    <section className="review" aria-labelledby="review-title">
      <div className="review-header">
        <h1 id="review-title">Daily review</h1>
        <p className="muted" aria-live="polite">
          {remaining} {remaining === 1 ? "card" : "cards"} left today
        </p>
      </div>

      {actionData?.kind === "error" ? (
        <p role="alert" className="notice notice-error">
          {actionData.message}
        </p>
      ) : null}
      {actionData?.kind === "undone" ? (
        <p role="status" className="notice">
          {actionData.message}
        </p>
      ) : null}

      {showFeedback && answered ? (
        <Feedback answered={answered} busy={busy} onContinue={() => setContinuedFrom(answered.result.showingId)} />
      ) : card ? (
        <QuestionForm
          key={card.showingId}
          question={card.question}
          hidden={{ intent: "answer", showingId: card.showingId }}
          submitLabel="Check"
          error={refused && refused.next?.showingId === card.showingId ? refused.message : null}
          autoFocus
          extra={<ResponseTimer shownAt={shownAt} />}
        />
      ) : (
        <div className="card">
          <h2>All done for today</h2>
          <p>
            {loaderData.reviewedToday > 0 || answered
              ? "You have reviewed every card due today. Come back tomorrow."
              : "Nothing is due. Read a lesson to bring its questions into your deck."}
          </p>
          <p>
            <Link to="/">Back home</Link>
          </p>
        </div>
      )}

      <Form method="post" className="undo-form">
        <input type="hidden" name="intent" value="undo" />
        <button type="submit" className="secondary" disabled={busy}>
          Undo last review
        </button>
      </Form>
    </section>
  );
}

/** Fills the hidden response-time field when the form is submitted (JavaScript only). */
function ResponseTimer({ shownAt }: { shownAt: React.MutableRefObject<number> }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onSubmit = () => {
      if (ref.current) ref.current.value = String(Math.round(performance.now() - shownAt.current));
    };
    form.addEventListener("submit", onSubmit, true);
    return () => form.removeEventListener("submit", onSubmit, true);
  }, [shownAt]);
  return <input ref={ref} type="hidden" name="clientMs" defaultValue="" />;
}

function Feedback({
  answered,
  busy,
  onContinue,
}: {
  answered: Extract<ReviewActionData, { kind: "answered" }>;
  busy: boolean;
  onContinue: () => void;
}) {
  const { result } = answered;
  const continueRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => continueRef.current?.focus(), [result.showingId, result.rating]);
  return (
    <div className={`feedback card ${result.correct ? "right" : "wrong"}`} aria-live="polite">
      <p className={result.correct ? "feedback-right" : "feedback-wrong"}>
        <strong>{result.message ?? (result.correct ? "Right." : "Not quite.")}</strong>{" "}
        {result.correct ? null : (
          <>
            {result.response ? <>You answered “{result.response}”. </> : null}The answer is{" "}
            <strong>{result.expected}</strong>.
          </>
        )}
      </p>
      <AnswerExplanation sourceSentence={result.sourceSentence} explanation={result.explanation} />
      {result.lessonUrl ? (
        <p>
          <Link to={result.lessonUrl}>Read the lesson</Link>
        </p>
      ) : null}
      <Form method="post" className="ratings" aria-label="How well did you know it?">
        <input type="hidden" name="intent" value="rate" />
        <input type="hidden" name="showingId" value={result.showingId} />
        <p className="muted" id="rating-help">
          Rated <strong>{RATING_NAMES[result.rating]}</strong>
          {result.rating === result.proposedRating ? " (suggested)" : ""}: next in {formatInterval(result.intervalDays)}. Change it
          with 1–4.
        </p>
        <div className="rating-buttons">
          {([1, 2, 3, 4] as Rating[]).map((r) => (
            <button
              key={r}
              type="submit"
              name="rating"
              value={r}
              className={r === result.rating ? "rating chosen" : "rating secondary"}
              aria-pressed={r === result.rating}
              aria-describedby="rating-help"
              disabled={busy}
            >
              <span aria-hidden="true">{r}</span> {RATING_NAMES[r]}
            </button>
          ))}
        </div>
      </Form>
      <p>
        <Link
          ref={continueRef}
          className="button"
          to="/review"
          onClick={(event) => {
            event.preventDefault();
            onContinue();
          }}
        >
          Continue (Space)
        </Link>
      </p>
    </div>
  );
}
