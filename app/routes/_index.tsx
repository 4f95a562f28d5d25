import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser, userHasPermission } from "~/auth.server";
import { AssessmentsPanel } from "~/components/assessments-panel";
import { formatDay, percent, plural } from "~/components/charts/format";
import { formatDateTime } from "~/components/time-format";
import { studyDay } from "~/learning/day";
import { learnerAssessmentsOnAppDb } from "~/models/assessment-taking.server";
import { learnerAssignmentsOnAppDb, type LearnerAssignment } from "~/models/cohort-progress.server";
import { catalogue } from "~/models/course.server";
import { dashboardFor, type EnrolledModule } from "~/models/progress.server";

export const meta: MetaFunction = () => [{ title: "Cairn" }];

// The home page is public: signed out it shows the catalogue and a pitch, so
// it asks who is there (getUser) instead of requiring someone.
export async function loader({ request }: LoaderFunctionArgs) {
  const learner = await getUser(request);
  const courses = (await catalogue()).map((c) => ({ slug: c.slug, title: c.title, description: c.description }));
  if (!learner || !userHasPermission(learner, "read:progress:own")) {
    return { courses, dashboard: null, name: null, assignments: [], assessments: [], timeZone: "UTC" };
  }
  const now = Date.now();
  const [dashboard, assignments, assessments] = await Promise.all([
    dashboardFor(learner, now),
    learnerAssignmentsOnAppDb(learner.id, now),
    learnerAssessmentsOnAppDb(learner.id, now),
  ]);
  const at = (ms: number) => formatDateTime(ms, learner.timeZone);
  return {
    courses,
    dashboard,
    name: learner.name,
    assignments,
    // Timed assessments still to sit: first on the page with the assignments.
    assessments: assessments.map((a) => ({ ...a, opens: a.opensAt > now ? at(a.opensAt) : null, closes: at(a.closeAt) })),
    timeZone: learner.timeZone,
  };
}

type Courses = ReturnType<typeof useLoaderData<typeof loader>>["courses"];

export default function Index() {
  const { courses, dashboard, name, assignments, assessments, timeZone } = useLoaderData<typeof loader>();
  if (!dashboard) return <Welcome courses={courses} />;
  const { dueNow, dueBreakdown, estimatedMinutes, reviewedToday, dueTomorrow, streak, modules } = dashboard;
  const breakdown = [
    dueBreakdown.review ? `${dueBreakdown.review} to review` : null,
    dueBreakdown.learning ? `${dueBreakdown.learning} in learning` : null,
    dueBreakdown.new ? `${dueBreakdown.new} new` : null,
  ].filter(Boolean);
  return (
    <div className="dashboard">
      {assessments.length > 0 ? (
        // One grid cell for what the learner's cohorts ask of them: assessments to sit, then assignments.
        <div className="assignments-panel">
          <AssessmentsPanel assessments={assessments} />
          {assignments.length > 0 ? <AssignmentsPanel assignments={assignments} timeZone={timeZone} /> : null}
        </div>
      ) : assignments.length > 0 ? (
        <AssignmentsPanel assignments={assignments} timeZone={timeZone} />
      ) : null}
      <section className="card today-panel" aria-labelledby="today-heading">
        <h1 id="today-heading">Today{name ? <span className="muted">, {name}</span> : null}</h1>
        {dueNow > 0 ? (
          <p className="today-due">
            <strong>{plural(dueNow, "card")}</strong> due ({breakdown.join(", ")}), about{" "}
            <strong>{plural(estimatedMinutes, "minute")}</strong>.
          </p>
        ) : (
          <p className="today-due">
            {reviewedToday > 0 ? "All done for today. " : "Nothing is due right now. "}
            {dueTomorrow > 0 ? `${plural(dueTomorrow, "card")} will be due tomorrow.` : null}
          </p>
        )}
        <Link className={`button start-review${dueNow === 0 ? " secondary" : ""}`} to="/review">
          Start review ({dueNow} due)
        </Link>
        <dl className="today-facts">
          <div>
            <dt>Streak</dt>
            <dd>{plural(streak, "day")}</dd>
          </div>
          <div>
            <dt>Reviewed today</dt>
            <dd>{reviewedToday}</dd>
          </div>
        </dl>
        <p className="today-links">
          <Link to="/stats">Statistics</Link>
          <Link to="/settings">Settings</Link>
          <Link to="/join">Join a cohort</Link>
        </p>
      </section>

      <section className="modules-panel" aria-labelledby="modules-heading">
        <h2 id="modules-heading">Your modules</h2>
        {modules.length === 0 ? (
          <p className="card">
            You have not started a module yet. Open a course below, read a lesson and mark it as read: its questions join your daily
            review.
          </p>
        ) : (
          <ul className="list-plain module-progress-list">
            {modules.map((m) => (
              <ModuleCard key={m.moduleId} module={m} />
            ))}
          </ul>
        )}
      </section>

      <section className="courses-panel" aria-labelledby="courses-heading">
        <h2 id="courses-heading">Courses</h2>
        <p className="muted">Enrol in more modules or read ahead.</p>
        <CourseList courses={courses} />
      </section>
    </div>
  );
}

/** What the learner's cohorts assigned them, most at risk first: the page's first panel when there is any. */
function AssignmentsPanel({ assignments, timeZone }: { assignments: LearnerAssignment[]; timeZone: string }) {
  // The study day the due instant falls in (an assignment is due at its due day's end, 4 am the next morning).
  const date = (ms: number) => formatDay(studyDay(ms, timeZone), "long");
  return (
    <section className="assignments-panel" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Your assignments</h2>
      <ul className="list-plain module-progress-list">
        {assignments.map((a) => (
          <li key={a.id} className="card module-progress">
            <h3>
              <Link to={a.moduleUrl}>{a.moduleTitle}</Link>
            </h3>
            <p className="muted module-course">
              {a.cohortName} · due {date(a.cell.dueAt)}
              {a.cell.ownDueDate ? " (your own date)" : ""} · {a.cell.status}
            </p>
            <dl className="progress-rows">
              <ProgressRow label="Lessons read" value={a.cell.lessonsRead} total={a.cell.lessonCount} />
              <ProgressRow label="Cards learned" value={a.cell.cardsLearned} total={a.cell.deckSize} />
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ModuleCard({ module: m }: { module: EnrolledModule }) {
  return (
    <li className="card module-progress">
      <h3>
        <Link to={m.url}>{m.title}</Link>
      </h3>
      <p className="muted module-course">
        {m.courseTitle}
        {m.dueToday > 0 ? ` · ${m.dueToday} due today` : ""}
      </p>
      <dl className="progress-rows">
        <ProgressRow label="Lessons read" value={m.lessonsRead} total={m.lessonsTotal} />
        <ProgressRow label="Cards learned" value={m.cardsLearned} total={m.cardsTotal} />
        <ProgressRow label="Cards mature" value={m.cardsMature} total={m.cardsTotal} hint="stability 21 days or more" />
        <div className="progress-row">
          <dt>Predicted retention now</dt>
          <dd>{m.predictedRetention === null ? "not yet reviewed" : percent(m.predictedRetention)}</dd>
        </div>
      </dl>
    </li>
  );
}

function ProgressRow({ label, value, total, hint }: { label: string; value: number; total: number; hint?: string }) {
  const share = total > 0 ? value / total : 0;
  return (
    <div className="progress-row">
      <dt>
        {label}
        {hint ? <span className="visually-hidden"> ({hint})</span> : null}
      </dt>
      <dd>
        {value} of {total}
      </dd>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </div>
  );
}

function CourseList({ courses }: { courses: Courses }) {
  if (courses.length === 0) return <p className="muted">No course has been imported yet.</p>;
  return (
    <ul className="list-plain course-list">
      {courses.map((c) => (
        <li key={c.slug} className="card">
          <h3>
            <Link to={`/courses/${c.slug}`}>{c.title}</Link>
          </h3>
          {c.description ? <p className="muted">{c.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Welcome({ courses }: { courses: Courses }) {
  return (
    <div className="welcome">
      <section className="pitch" aria-labelledby="pitch-heading">
        <h1 id="pitch-heading">Learn it once, keep it for good</h1>
        <p className="prose">
          Cairn turns short lessons into questions and asks each one again just before you would forget it, using the
          FSRS spaced-repetition scheduler. A few minutes a day keeps what you read.
        </p>
        <p className="pitch-actions">
          <Link className="button" to="/signup">
            Sign up
          </Link>
          <Link className="button secondary" to="/signin">
            Sign in
          </Link>
        </p>
      </section>
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">Courses</h2>
        <CourseList courses={courses} />
      </section>
    </div>
  );
}
