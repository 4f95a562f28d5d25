/**
 * A cohort's invite link, on the cohort page and on the page that shows a
 * new link once: whether it is on, and the forms that make a new one or turn
 * it off (they post to /cohorts/$cohortId/invite).
 */
import { Form } from "@remix-run/react";
import { CopyField } from "./copy-field";

export interface InviteLinkProps {
  cohortId: string;
  /** The day the current link was made, formatted; null when there is none. */
  madeOn: string | null;
  /** A link just made: the only time it can be shown. */
  link?: string;
}

export function InviteLink({ cohortId, madeOn, link }: InviteLinkProps) {
  const action = `/cohorts/${cohortId}/invite`;
  return (
    <div className="card invite-link">
      {link ? (
        <>
          <p>Share this link with your learners: following it, they sign in or create an account and are in the cohort.</p>
          <CopyField id="invite-link" label="invite link" value={link} />
          <p className="muted">Only a fingerprint of it is kept, so it is shown only now; to share it again later, make a new one.</p>
        </>
      ) : madeOn ? (
        <p>
          An invite link is on (made {madeOn}). It is shown only when made: make a new one to copy it again (the current one then stops
          working).
        </p>
      ) : (
        <p>No invite link is on. Learners can join with the code, or you can make a link they only have to follow.</p>
      )}
      <Form method="post" action={action} className="auth-actions">
        <button type="submit" name="intent" value="new" className={madeOn ? "secondary" : undefined}>
          {madeOn ? "Make a new invite link" : "Make an invite link"}
        </button>
        {madeOn ? (
          <button type="submit" name="intent" value="off" className="secondary">
            Turn the invite link off
          </button>
        ) : null}
      </Form>
    </div>
  );
}
