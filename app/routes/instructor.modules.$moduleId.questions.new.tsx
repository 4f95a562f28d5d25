import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { QUESTION_TYPE_LABELS, QuestionFields, SelectField } from "~/components/curation";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { questionNewSchema } from "~/forms/curation-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { getModuleLessonsOnAppDb } from "~/models/curation-view.server";
import { addQuestionOnAppDb } from "~/models/curation.server";

export const meta: MetaFunction = () => [{ title: "Add a question · Cairn" }];

const notFound = () =>
  new Response("There is no such module among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const found = await getModuleLessonsOnAppDb(permissionScope(user, "update:module"), params.moduleId ?? "");
  if (!found) throw notFound();
  return { ...found, lessonId: new URL(request.url).searchParams.get("lesson") ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:module:own");
  const form = await parseForm(request, questionNewSchema);
  if (!form.ok) return form.response;
  const moduleId = params.moduleId ?? "";
  const { lessonId, type, question } = form.data;
  const scope = permissionScope(user, "update:module");
  const id = await addQuestionOnAppDb(scope, { moduleId, lessonId, type, question }, user.id, Date.now());
  if (id) return redirect(`/instructor/modules/${moduleId}?lesson=${encodeURIComponent(lessonId)}&status=hand_written`);
  // The module is not the asker's (404), or the lesson is not one of its lessons now: say which.
  if (!(await getModuleLessonsOnAppDb(scope, moduleId))) throw notFound();
  return formErrors({ fieldErrors: { lessonId: "Choose one of this module's lessons." }, values: form.values });
}

export default function NewQuestion() {
  const { module, lessons, lessonId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const typed = refused.values;
  const values = {
    prompt: typed.prompt ?? "",
    answer: typed.answer ?? "",
    accepted: typed.accepted ?? "",
    options: typed.options ?? "",
    unit: typed.unit ?? "",
    tolerance: typed.tolerance ?? "",
    explanation: typed.explanation ?? "",
  };
  return (
    <section className="curation-edit">
      <Breadcrumbs
        items={[
          { to: "/instructor", label: "Your modules" },
          { to: `/instructor/modules/${module.id}`, label: module.title },
          { label: "Add a question" },
        ]}
      />
      <h1>Add a question by hand</h1>
      <p className="muted">A question you write reaches learners whichever setting the module has, until you retire it.</p>
      <FormErrorSummary result={actionData} />
      <Form method="post" noValidate className="card question-editor">
        <SelectField
          name="lessonId"
          label="Lesson"
          options={[{ value: "", label: "Choose a lesson" }, ...lessons.map((l) => ({ value: l.id, label: l.title }))]}
          defaultValue={typed.lessonId ?? lessonId}
          error={refused.fieldErrors.lessonId}
        />
        <SelectField
          name="type"
          label="Type"
          options={Object.entries(QUESTION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          defaultValue={typed.type ?? "short_answer"}
          error={refused.fieldErrors.type}
        />
        <QuestionFields type={null} values={values} errors={refused.fieldErrors} />
        <div className="form-actions">
          <button type="submit">Add the question</button>
          <Link to={`/instructor/modules/${module.id}`}>Cancel</Link>
        </div>
      </Form>
    </section>
  );
}
