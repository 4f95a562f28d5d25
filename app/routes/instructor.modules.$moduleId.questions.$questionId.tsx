import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { QuestionFacts, QuestionFields, SourceInLesson } from "~/components/curation";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { questionEditSchema } from "~/forms/curation-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { getCuratedQuestionOnAppDb } from "~/models/curation-view.server";
import { editQuestionOnAppDb } from "~/models/curation.server";

export const meta: MetaFunction = () => [{ title: "Edit a question · Cairn" }];

const notFound = () =>
  new Response("There is no such question among your modules.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const found = await getCuratedQuestionOnAppDb(permissionScope(user, "update:module"), params.moduleId ?? "", params.questionId ?? "");
  if (!found) throw notFound();
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: user.timeZone, dateStyle: "medium", timeStyle: "short" });
  return {
    ...found,
    revisions: found.revisions.map((r) => ({ ...r, when: when.format(r.createdAt), editor: r.editor ?? "the generator" })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const form = await parseForm(request, questionEditSchema);
  if (!form.ok) return form.response;
  const { revision, type, question } = form.data;
  const outcome = await editQuestionOnAppDb(
    permissionScope(user, "update:module"),
    { moduleId: params.moduleId ?? "", questionId: params.questionId ?? "", revision, type, question },
    user.id,
    Date.now()
  );
  if (!outcome.ok && outcome.reason === "not_found") throw notFound();
  if (!outcome.ok) {
    return formErrors(
      {
        formError:
          "This question changed since you opened it (saved elsewhere, or re-imported). Reload the page to see its text now; your text is below.",
        values: form.values,
      },
      409
    );
  }
  return { done: `Saved as revision ${outcome.revision}.` };
}

export default function EditQuestion() {
  const { module, lesson, question: q, revisions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const notice = actionData && "done" in actionData ? actionData.done : undefined;
  const typed = refused.values;
  const values = {
    prompt: typed.prompt ?? q.prompt,
    answer: typed.answer ?? q.answer,
    accepted: typed.accepted ?? q.accepted.filter((v) => v !== q.answer).join("\n"),
    options: typed.options ?? (q.type === "multiple_choice" ? (q.options ?? []).join("\n") : ""),
    unit: typed.unit ?? q.numeric?.unit ?? "",
    tolerance: typed.tolerance ?? String(q.numeric?.tolerance ?? ""),
    explanation: typed.explanation ?? q.explanation,
  };
  const back = `/instructor/modules/${module.id}?lesson=${encodeURIComponent(lesson.id)}`;
  return (
    <section className="curation-edit">
      <Breadcrumbs
        items={[
          { to: "/instructor", label: "Your modules" },
          { to: `/instructor/modules/${module.id}`, label: module.title },
          { label: "Edit a question" },
        ]}
      />
      <h1>Edit a question</h1>
      <p>
        Lesson: <strong>{lesson.title}</strong>
      </p>
      <QuestionFacts question={q} />
      <SourceInLesson source={q.source} sentence={q.sourceSentence} />
      <FormErrorSummary result={actionData} notice={notice} />
      {/* The revision this form edits travels with it: a save over a newer revision is refused, not lost silently. */}
      <Form method="post" noValidate className="card question-editor" key={q.revision}>
        <input type="hidden" name="revision" value={q.revision} />
        <input type="hidden" name="type" value={q.type} />
        <QuestionFields type={q.type} values={values} errors={refused.fieldErrors} />
        <div className="form-actions">
          <button type="submit">Save changes</button>
          <Link to={back}>Back to the questions</Link>
        </div>
      </Form>
      {revisions.length > 0 ? (
        <section aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions</h2>
          <ol className="revisions">
            {revisions.map((r) => (
              <li key={r.revision}>
                <strong>Revision {r.revision}</strong>{" "}
                <span className="muted">
                  · {r.editor} · {r.when}
                </span>
                <br />
                {r.prompt} <span className="muted">(key: {r.answer})</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
