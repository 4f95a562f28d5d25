/**
 * A cohort's instructors, on the cohort page and on the page that answers
 * their forms: the list, and for the owner a form to add a colleague by
 * email and a button to remove each co-instructor (both post to
 * /cohorts/$cohortId/instructors).
 */
import { Form } from "@remix-run/react";
import { Field } from "./form-fields";

export interface CohortTeamProps {
  cohortId: string;
  instructors: { id: string; name: string; email: string; owner: boolean }[];
  mayManage: boolean;
  emailError?: string;
  email?: string;
}

export function CohortTeam({ cohortId, instructors, mayManage, emailError, email }: CohortTeamProps) {
  const action = `/cohorts/${cohortId}/instructors`;
  return (
    <div className="card cohort-team">
      <ul className="list-plain">
        {instructors.map((i) => (
          <li key={i.id}>
            {i.name} <span className="muted">{i.email}</span>
            {i.owner ? <span className="muted"> (owner)</span> : null}
            {mayManage && !i.owner ? (
              <Form method="post" action={action} className="inline-form">
                <input type="hidden" name="userId" value={i.id} />
                <button type="submit" name="intent" value="remove" className="secondary" aria-label={`Remove ${i.name} as an instructor`}>
                  Remove
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {mayManage ? (
        <Form method="post" action={action} noValidate>
          <input type="hidden" name="intent" value="add" />
          <Field
            name="email"
            label="Add a co-instructor by email"
            type="email"
            autoComplete="off"
            hint="They must have an instructor’s account. Co-instructors see the cohort and manage it as you do."
            required={false}
            error={emailError}
            defaultValue={email}
          />
          <button type="submit">Add co-instructor</button>
        </Form>
      ) : null}
    </div>
  );
}
