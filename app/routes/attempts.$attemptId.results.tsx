import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/auth.server";
import { formatDateTime } from "~/components/time-format";
import { learnerResultOnAppDb } from "~/models/assessment-results.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Results: ${data?.attempt.title ?? "attempt"} · Cairn` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const learner = await requireUserWithPermission(request, "read:attempt:own");
  const attemptId = params.attemptId ?? "";
  const result = await learnerResultOnAppDb(learner.id, attemptId, Date.now());
  if (!result) throw new Response("There is no such attempt among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (result.kind === "open") throw redirect(`/attempts/${encodeURIComponent(attemptId)}`);
  // Only what the review setting in force shows was read: no key reaches this page before it allows.
  return { ...result, finished: formatDateTime(result.attempt.finishedAt, learner.timeZone) };
}

const VERDICTS = { correct: "Right", close: "Right (check the spelling)", wrong: "Wrong", unanswered: "Not answered" } as const;

export default function ResultsPage() {
  const { attempt, score, items, moreAfterClose, finished } = useLoaderData<typeof loader>();
  return (
    <section className="attempt-results">
      <p>
        <Link to={`/assessments/${attempt.assessmentId}`}>Back to the assessment</Link>
      </p>
      <h1>{attempt.title}</h1>
      <p>
        Attempt {attempt.number}: {attempt.finishedBy === "deadline" ? "finished when the time ran out" : "submitted"} at {finished}.
      </p>
      {score ? (
        <p className="card big-figure">
          {score.right} of {score.total} right ({score.percent}%)
          <br />
          <span className="muted">
            {score.passed ? "Passed" : "Not passed"} · pass mark {score.passMarkPercent}%
          </span>
        </p>
      ) : (
        <p className="card">Your answers are in. Your instructor will share the results.</p>
      )}
      {moreAfterClose ? <p className="muted">More of your results will be shown here once the assessment has closed for everyone.</p> : null}
      {items ? (
        <ol className="list-plain">
          {items.map((item) => (
            <li key={item.position} className="card result-item">
              <p className="muted">Question {item.position + 1}</p>
              <p className="question-prompt">{item.prompt}</p>
              <p>
                Your answer: {item.response?.trim() ? <strong>{item.response}</strong> : <em>none</em>} —{" "}
                <span className={`verdict verdict-${item.verdict}`}>{VERDICTS[item.verdict]}</span>
              </p>
              {item.key ? (
                <>
                  <p>
                    Answer: <strong>{item.key.answer}</strong>
                  </p>
                  <p className="source-sentence muted">{item.key.sourceSentence}</p>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
