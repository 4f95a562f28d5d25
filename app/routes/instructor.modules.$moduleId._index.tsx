import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { percent, plural } from "~/components/charts/format";
import { QUESTION_TYPE_LABELS, QuestionFacts, SourceInLesson } from "~/components/curation";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { CURATION_LISTS, curationActionSchema, readCurationFilter } from "~/forms/curation-form.server";
import { parseForm } from "~/forms/parse-form.server";
import { CURATION_FLAG_LABELS } from "~/questions/checks";
import { CURATION_ACTION_LABELS, CURATION_STATUS_LABELS, type CurationAction, type CurationStatus } from "~/questions/curation";
import { getModuleCurationOnAppDb, type CuratedQuestion } from "~/models/curation-view.server";
import { curateQuestionsOnAppDb, setLearnerQuestionsOnAppDb } from "~/models/curation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Curate ${data?.module.title ?? "a module"} · Cairn` }];

const notFound = () =>
  new Response("There is no such module among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const filter = readCurationFilter(new URL(request.url));
  const page = await getModuleCurationOnAppDb(permissionScope(user, "update:module"), params.moduleId ?? "", filter);
  if (!page) throw notFound();
  return { ...page, filter };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const form = await parseForm(request, curationActionSchema, { lists: CURATION_LISTS });
  if (!form.ok) return form.response;
  const scope = permissionScope(user, "update:module");
  const moduleId = params.moduleId ?? "";
  if (form.data.intent === "policy") {
    const { learnerQuestions, qualityBar } = form.data;
    if (!(await setLearnerQuestionsOnAppDb(scope, { moduleId, policy: learnerQuestions, qualityBar: qualityBar / 100 }))) throw notFound();
    return { done: "Setting saved." };
  }
  const { action: chosen, questionId } = form.data;
  const result = await curateQuestionsOnAppDb(scope, { moduleId, questionIds: questionId, action: chosen }, user.id, Date.now());
  if (!result) throw notFound();
  return { done: doneMessage(chosen, result.changed, result.unchanged) };
}

const PAST: Record<CurationAction, string> = { accept: "Accepted", retire: "Retired", restore: "Restored" };

function doneMessage(action: CurationAction, changed: number, unchanged: number): string {
  const left = unchanged > 0 ? ` ${plural(unchanged, "question")} did not need it.` : "";
  return `${PAST[action]} ${plural(changed, "question")}.${left}`;
}

const BULK_FORM = "bulk-curation";

export default function ModuleCuration() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { module, filter } = data;
  const refused = refusedForm(actionData);
  const notice = actionData && "done" in actionData ? actionData.done : undefined;
  const base = `/instructor/modules/${module.id}`;
  const pageLink = (page: number) => {
    const query = new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter(([, v]) => v !== "all" && v !== "1"));
    return `${base}${query.size > 0 ? `?${query}` : ""}`;
  };
  return (
    <section className="curation">
      <Breadcrumbs items={[{ to: "/instructor", label: "Your modules" }, { label: module.title }]} />
      <h1>{module.title}</h1>
      <p className="muted">{module.courseTitle}</p>
      <p>
        {plural(data.total, "question")} in the bank; {plural(data.matching, "question")} match the filters.{" "}
        <Link to={`${base}/questions/new${filter.lesson !== "all" ? `?lesson=${encodeURIComponent(filter.lesson)}` : ""}`}>
          Add a question by hand
        </Link>
      </p>
      <FormErrorSummary result={actionData} notice={notice} />

      <LearnerQuestionsSetting
        learnerQuestions={module.learnerQuestions}
        qualityBar={module.qualityBar}
        error={refused.fieldErrors.qualityBar ?? refused.fieldErrors.learnerQuestions}
      />

      <Form method="get" className="card curation-filters" aria-label="Filter questions">
        <FilterSelect
          name="lesson"
          label="Lesson"
          value={filter.lesson}
          options={[{ value: "all", label: "All lessons" }, ...data.lessons.map((l) => ({ value: l.id, label: l.title }))]}
        />
        <FilterSelect
          name="status"
          label="Status"
          value={filter.status}
          options={[
            { value: "all", label: "Any status" },
            ...(Object.keys(CURATION_STATUS_LABELS) as CurationStatus[]).map((s) => ({
              value: s,
              label: `${CURATION_STATUS_LABELS[s]} (${data.statusCounts[s] ?? 0})`,
            })),
          ]}
        />
        <FilterSelect
          name="type"
          label="Type"
          value={filter.type}
          options={[{ value: "all", label: "Any type" }, ...Object.entries(QUESTION_TYPE_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <FilterSelect
          name="flag"
          label="Flag"
          value={filter.flag}
          options={[
            { value: "all", label: "Flagged or not" },
            { value: "any", label: "Any flag" },
            { value: "none", label: "No flag" },
            ...Object.entries(CURATION_FLAG_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <div className="filter-actions">
          <button type="submit">Filter</button>
          <Link to={base}>Clear filters</Link>
        </div>
      </Form>

      <Form method="post" id={BULK_FORM} className="card bulk-actions" aria-label="Act on ticked questions">
        <input type="hidden" name="intent" value="curate" />
        <label htmlFor="bulk-action">With the ticked questions</label>
        <div className="bulk-row">
          <select id="bulk-action" name="action" defaultValue="accept">
            {(Object.keys(CURATION_ACTION_LABELS) as CurationAction[]).map((a) => (
              <option key={a} value={a}>
                {CURATION_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={navigation.state === "submitting"}>
            Apply to ticked questions
          </button>
        </div>
        {refused.fieldErrors.questionId ? <p className="field-error">{refused.fieldErrors.questionId}</p> : null}
      </Form>

      {data.groups.length === 0 ? <p className="card">No question matches these filters.</p> : null}
      {data.groups.map((group) => (
        <section key={group.lesson.id} aria-labelledby={`lesson-${group.lesson.id}`}>
          <h2 id={`lesson-${group.lesson.id}`}>{group.lesson.title}</h2>
          <ol className="list-plain curated-questions">
            {group.questions.map((q) => (
              <li key={q.id}>
                <QuestionCard question={q} editUrl={`${base}/questions/${q.id}`} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data.pages > 1 ? (
        <nav aria-label="Pages" className="pager">
          {data.page > 1 ? <Link to={pageLink(data.page - 1)}>Previous page</Link> : <span />}
          <span>
            Page {data.page} of {data.pages}
          </span>
          {data.page < data.pages ? <Link to={pageLink(data.page + 1)}>Next page</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}

function LearnerQuestionsSetting({
  learnerQuestions,
  qualityBar,
  error,
}: {
  learnerQuestions: "quality" | "accepted";
  qualityBar: number;
  error?: string;
}) {
  const current =
    learnerQuestions === "accepted" ? "only accepted questions" : `accepted questions and those estimated at ${percent(qualityBar)} or more`;
  // Folded away once set: the questions are what the page is for. Open while its form has an error.
  return (
    <details className="card learner-setting" open={error ? true : undefined}>
      <summary>
        Reaching learners: <strong>{current}</strong>
      </summary>
      <Form method="post" aria-labelledby="setting-heading">
        <input type="hidden" name="intent" value="policy" />
        <fieldset className="options-fieldset">
          <legend id="setting-heading">
            <strong>Which questions reach learners</strong>
          </legend>
          <label className="choice">
            <input type="radio" name="learnerQuestions" value="accepted" defaultChecked={learnerQuestions === "accepted"} />
            Only accepted questions (accepted, edited or written by hand)
          </label>
          <label className="choice">
            <input type="radio" name="learnerQuestions" value="quality" defaultChecked={learnerQuestions === "quality"} />
            Accepted questions and every question estimated at or above the threshold
          </label>
        </fieldset>
        <label htmlFor="field-qualityBar">Quality threshold (%)</label>
        <input
          id="field-qualityBar"
          name="qualityBar"
          type="number"
          min={5}
          max={95}
          step={1}
          defaultValue={Math.round(qualityBar * 100)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-qualityBar-error" : undefined}
        />
        {error ? (
          <p id="field-qualityBar-error" className="field-error">
            {error}
          </p>
        ) : null}
        <p className="muted">Retired questions never reach learners. A deck still takes one question per sentence, 24 at most.</p>
        <button type="submit" className="secondary">
          Save setting
        </button>
      </Form>
    </details>
  );
}

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function QuestionCard({ question: q, editUrl }: { question: CuratedQuestion; editUrl: string }) {
  const promptId = `question-${q.id}`;
  const retired = q.status === "retired_by_instructor" || q.status === "retired_by_import";
  return (
    <article className="card curated-question" aria-labelledby={promptId}>
      <div className="curated-head">
        <input
          type="checkbox"
          id={`tick-${q.id}`}
          name="questionId"
          value={q.id}
          form={BULK_FORM}
          aria-labelledby={`tick-${q.id}-label ${promptId}`}
        />
        <span id={`tick-${q.id}-label`} className="visually-hidden">
          Tick:
        </span>
        <p id={promptId} className="question-prompt">
          {q.prompt}
        </p>
      </div>
      <QuestionFacts question={q} showKey />
      <SourceInLesson source={q.source} sentence={q.sourceSentence} />
      <Form method="post" className="curated-actions">
        <input type="hidden" name="intent" value="curate" />
        <input type="hidden" name="questionId" value={q.id} />
        {q.status === "generated" ? (
          <button type="submit" name="action" value="accept">
            Accept
          </button>
        ) : null}
        <Link to={editUrl} className="button secondary">
          Edit
        </Link>
        {retired ? (
          <button type="submit" name="action" value="restore" className="secondary">
            Restore
          </button>
        ) : (
          <button type="submit" name="action" value="retire" className="secondary">
            Retire
          </button>
        )}
      </Form>
    </article>
  );
}
