/**
 * The home page's list of a learner's timed assessments still to sit (open
 * or opening soon, with an attempt left or one in progress), soonest
 * closing first. Times arrive formatted by the server, in the learner's zone.
 */
import { Link } from "@remix-run/react";

export interface AssessmentListItem {
  id: string;
  title: string;
  cohortName: string;
  limit: string;
  opens: string | null;
  closes: string;
  openAttemptId: string | null;
  attemptsUsed: number;
  attemptsAllowed: number;
}

export function AssessmentsPanel({ assessments }: { assessments: AssessmentListItem[] }) {
  return (
    <section className="assignments-panel" aria-labelledby="assessments-heading">
      <h2 id="assessments-heading">Your assessments</h2>
      <ul className="list-plain">
        {assessments.map((a) => (
          <li key={a.id} className="card">
            <h3>
              <Link to={a.openAttemptId ? `/attempts/${a.openAttemptId}` : `/assessments/${a.id}`}>{a.title}</Link>
            </h3>
            <p className="muted module-course">
              {a.cohortName} · {a.limit} · {a.opens ? `opens ${a.opens}, ` : ""}closes {a.closes}
              {a.openAttemptId ? " · in progress" : a.attemptsUsed > 0 ? ` · ${a.attemptsUsed} of ${a.attemptsAllowed} attempts used` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
