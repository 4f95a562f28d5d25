import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/auth.server";
import { FormErrorSummary } from "~/components/form-fields";
import { formatDateTime } from "~/components/time-format";
import { startSchema } from "~/forms/assessment-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { learnerAssessmentPageOnAppDb, startAttemptOnAppDb } from "~/models/assessment-taking.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.assessment.title ?? "Assessment"} · Cairn` }];

const notFound = () => new Response("There is no such assessment in your cohorts.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const learner = await requireUserWithPermission(request, "read:attempt:own");
  const now = Date.now();
  const page = await learnerAssessmentPageOnAppDb(learner.id, params.assessmentId ?? "", now);
  if (!page) throw notFound();
  const tz = learner.timeZone;
  const openAttempt = page.attempts.find((a) => a.status === "open") ?? null;
  return {
    ...page,
    opens: formatDateTime(page.assessment.opensAt, tz),
    closes: formatDateTime(page.clock.closeAt, tz),
    isOpen: now >= page.assessment.opensAt && now < page.clock.closeAt,
    notYetOpen: now < page.assessment.opensAt,
    openAttemptId: openAttempt?.id ?? null,
    attemptsLeft: Math.max(0, page.assessment.attemptsAllowed - page.attempts.length),
    attempts: page.attempts.map((a) => ({ ...a, started: formatDateTime(a.startedAt, tz), finished: a.finishedAt === null ? null : formatDateTime(a.finishedAt, tz) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const learner = await requireUserWithPermission(request, "create:attempt:own");
  const form = await parseForm(request, startSchema);
  if (!form.ok) return form.response;
  const started = await startAttemptOnAppDb(learner.id, params.assessmentId ?? "", Date.now(), (ms: number) => formatDateTime(ms, learner.timeZone));
  if (!started) throw notFound();
  if (started.kind === "refused") return formErrors({ formError: started.message }, 409);
  return redirect(`/attempts/${started.attemptId}`);
}

export default function AssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { assessment, clock } = data;
  return (
    <section className="assessment">
      <p>
        <Link to="/">Home</Link>
      </p>
      <h1>{assessment.title}</h1>
      <p className="muted">{assessment.cohortName}</p>
      <dl className="facts card">
        <div>
          <dt>Opens</dt>
          <dd>{data.opens}</dd>
        </div>
        <div>
          <dt>Closes</dt>
          <dd>{data.closes}</dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd>{clock.limit}</dd>
        </div>
        <div>
          <dt>Questions</dt>
          <dd>{assessment.questionCount}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>
            {data.attempts.length} of {assessment.attemptsAllowed} used
          </dd>
        </div>
      </dl>
      <FormErrorSummary result={actionData} />
      {data.openAttemptId ? (
        <p>
          <Link className="button" to={`/attempts/${data.openAttemptId}`}>
            Continue your attempt
          </Link>
        </p>
      ) : data.isOpen && data.attemptsLeft > 0 ? (
        <Form method="post" className="card">
          <p>
            The clock starts when you press Start and keeps running if you close the page. Answers are saved as you give them.
          </p>
          {data.cutShortIfStartedNow ? (
            <p className="field-error">
              The assessment closes at {data.closes}: started now, you will have less than {clock.limit}.
            </p>
          ) : null}
          <input type="hidden" name="intent" value="start" />
          <button type="submit">Start</button>
        </Form>
      ) : (
        <p className="card">
          {data.notYetOpen
            ? `It opens at ${data.opens}.`
            : data.attemptsLeft === 0
              ? "You have used every attempt allowed."
              : `It closed at ${data.closes}.`}
        </p>
      )}
      {data.attempts.length > 0 ? (
        <>
          <h2>Your attempts</h2>
          <ul className="list-plain">
            {data.attempts.map((a) => (
              <li key={a.id} className="card">
                Attempt {a.number}, started {a.started}:{" "}
                {a.status === "open" ? (
                  <Link to={`/attempts/${a.id}`}>in progress</Link>
                ) : (
                  <>
                    {a.finishedBy === "deadline" ? "finished when the time ran out" : "submitted"} at {a.finished}.{" "}
                    <Link to={`/attempts/${a.id}/results`}>Results</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
