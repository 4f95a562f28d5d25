import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { clientAddress, requireUserWithPermission } from "~/auth.server";
import { Field, FormErrorSummary, refusedForm } from "~/components/form-fields";
import { joinFormSchema } from "~/forms/cohort-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { joinCohortOnAppDb } from "~/models/cohort.server";

export const meta: MetaFunction = () => [{ title: "Join a cohort · Cairn" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "join:cohort:own");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const learner = await requireUserWithPermission(request, "join:cohort:own");
  const form = await parseForm(request, joinFormSchema);
  if (!form.ok) return form.response;
  const joined = await joinCohortOnAppDb({ learnerId: learner.id, address: clientAddress(request, context) }, form.data.code, Date.now());
  if (!joined.ok) return formErrors({ fieldErrors: { code: joined.error }, values: form.values }, joined.reason === "rate-limited" ? 429 : 400);
  // Home lists the cohort's assignments first.
  return redirect("/");
}

export default function JoinPage() {
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  return (
    <section className="join">
      <h1>Join a cohort</h1>
      <FormErrorSummary result={actionData} />
      <Form method="post" noValidate className="card">
        <Field
          name="code"
          label="Join code"
          hint="The code your instructor gave you, like ABCD-EFGH."
          autoComplete="off"
          maxLength={40}
          defaultValue={refused.values.code}
          error={refused.fieldErrors.code}
        />
        <button type="submit">Join</button>
      </Form>
    </section>
  );
}
