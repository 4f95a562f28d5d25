import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { AssessmentSettingsForm } from "~/components/assessment-settings-form";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { QUESTION_TYPES } from "~/assessment/settings";
import { settingsFormValues } from "~/forms/assessment-fields";
import { assessmentSettingsSchema, settingsFromForm } from "~/forms/assessment-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { blueprintChoicesOnAppDb } from "~/models/assessment-bank.server";
import { assessmentCohortOnAppDb, createAssessmentOnAppDb } from "~/models/assessment-setup.server";
import assessmentStyles from "~/assessment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction = () => [{ title: "New assessment · Cairn" }];

const notFound = () => new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const HOUR = 3_600_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:assessment:own");
  const cohort = await assessmentCohortOnAppDb(permissionScope(user, "create:assessment"), params.cohortId ?? "");
  if (!cohort) throw notFound();
  const nextHour = Math.ceil(Date.now() / HOUR) * HOUR;
  const defaults = settingsFormValues(
    {
      title: "",
      blueprint: [],
      allowedTypes: [...QUESTION_TYPES],
      shuffleOptions: true,
      opensAt: nextHour,
      closesAt: nextHour + 24 * HOUR,
      timeLimitMinutes: 30,
      attemptsAllowed: 1,
      reviewAfterSubmit: "score",
      reviewAfterClose: "keys",
      passMarkPercent: 50,
    },
    user.timeZone,
  );
  return { cohort: { id: cohort.id, name: cohort.name }, modules: await blueprintChoicesOnAppDb(), defaults, timeZone: user.timeZone };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:assessment:own");
  // Whose cohort first: another instructor's answers 404 before their form is read.
  if (!(await assessmentCohortOnAppDb(permissionScope(user, "create:assessment"), params.cohortId ?? ""))) throw notFound();
  const form = await parseForm(request, assessmentSettingsSchema);
  if (!form.ok) return form.response;
  const cohortId = params.cohortId ?? "";
  const created = await createAssessmentOnAppDb(permissionScope(user, "create:assessment"), cohortId, settingsFromForm(form.data, user.timeZone), Date.now());
  if (!created) throw notFound();
  if (!created.ok) return formErrors({ fieldErrors: created.errors as Record<string, string>, values: form.values });
  return redirect(`/cohorts/${encodeURIComponent(cohortId)}/assessments/${created.assessmentId}`);
}

export default function NewAssessmentPage() {
  const { cohort, modules, defaults, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  // A refused form keeps what was typed; unchecked boxes are absent from it.
  const values = actionData ? refused.values : defaults;
  return (
    <section className="assessment">
      <p>
        <Link to={`/cohorts/${cohort.id}/assessments`}>Assessments of {cohort.name}</Link>
      </p>
      <h1>New assessment</h1>
      <FormErrorSummary result={actionData} />
      <AssessmentSettingsForm values={values} errors={refused.fieldErrors} modules={modules} opened={false} timeZone={timeZone} submitLabel="Create assessment" />
    </section>
  );
}
