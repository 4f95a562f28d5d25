import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { plural } from "~/components/charts/format";
import { Field, FormErrorSummary, refusedForm } from "~/components/form-fields";
import { cohortNameSchema } from "~/forms/cohort-form.server";
import { parseForm } from "~/forms/parse-form.server";
import { createCohortOnAppDb, listCohortsOnAppDb, NAME_MAX } from "~/models/cohort.server";
import { formatJoinCode } from "~/teaching/assignments";

export const meta: MetaFunction = () => [{ title: "Cohorts · Cairn" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:cohort:own");
  return { cohorts: await listCohortsOnAppDb(permissionScope(user, "read:cohort")), nameMax: NAME_MAX };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:cohort:own");
  const form = await parseForm(request, cohortNameSchema);
  if (!form.ok) return form.response;
  const cohort = await createCohortOnAppDb(user.id, form.data.name, Date.now());
  return redirect(`/cohorts/${cohort.id}`);
}

export default function CohortsPage() {
  const { cohorts, nameMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  return (
    <section className="cohorts">
      <h1>Cohorts</h1>
      {cohorts.length === 0 ? (
        <p className="card">You teach no cohort yet. Create one below, then give its learners the join code.</p>
      ) : (
        <ul className="list-plain course-list">
          {cohorts.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={`/cohorts/${c.id}`}>{c.name}</Link>
              </h2>
              <p className="muted">
                Code {formatJoinCode(c.joinCode)} · {plural(c.learners, "learner")} · {plural(c.assignments, "assignment")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>New cohort</h2>
      <FormErrorSummary result={actionData} />
      <Form method="post" noValidate className="card">
        <Field name="name" label="Name" autoComplete="off" maxLength={nameMax} defaultValue={refused.values.name} error={refused.fieldErrors.name} />
        <button type="submit">Create cohort</button>
      </Form>
    </section>
  );
}
