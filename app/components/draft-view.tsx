/**
 * How a draft is shown: its preparation's progress, its lessons with the
 * questions a learner would be given, and what a new version would add,
 * change and retire. Display only; all text is rendered as text.
 */
import type { DraftSummary } from "~/content/draft-format";
import type { VersionDiff } from "~/content/version-diff";

export const DRAFT_STATUS_LABEL = {
  processing: "being prepared",
  ready: "ready to publish",
  failed: "failed",
  published: "published",
} as const;

const STAGE_LABEL: Record<string, string> = {
  queued: "Waiting for its turn (one upload is prepared at a time)",
  read: "Reading the files",
  clean: "Removing page furniture",
  segment: "Dividing into lessons",
  generate: "Writing questions",
  save: "Saving the draft",
};

const TYPE_LABEL: Record<string, string> = {
  cloze: "Fill in the blank",
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  short_answer: "Short answer",
  numeric: "Number",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function DraftProgress({ stage, progress }: { stage: string; progress: number }) {
  const percent = Math.round(progress * 100);
  return (
    <div className="card draft-progress">
      <label htmlFor="draft-progress">
        {STAGE_LABEL[stage] ?? "Preparing"}… {percent}%
      </label>
      <progress id="draft-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p className="muted">Large files take a minute or more. You can leave this page: the draft keeps being prepared.</p>
    </div>
  );
}

export function DraftLessons({ summary }: { summary: DraftSummary }) {
  return (
    <>
      <p>
        {plural(summary.lessonCount, "lesson")}, {plural(summary.questionCount, "question")} in the bank, of which{" "}
        {plural(summary.deckCount, "question")} would be given to learners.
      </p>
      {summary.questionCount === 0 ? (
        <p className="card">No questions could be written from this material: learners could read it but would have nothing to practise.</p>
      ) : null}
      <ol className="list-plain draft-lessons">
        {summary.lessons.map((lesson, i) => (
          <li key={i} className="card">
            <h3>{lesson.title}</h3>
            <p className="muted">
              {plural(lesson.readingMinutes, "minute")} to read · {plural(lesson.questionCount, "question")} in the bank ·{" "}
              {plural(lesson.deckCount, "question")} for learners
            </p>
            {lesson.deck.length > 0 ? (
              <ol className="draft-questions">
                {lesson.deck.map((q, k) => (
                  <li key={k}>
                    <span className="muted">{TYPE_LABEL[q.type] ?? q.type}:</span> {q.prompt}
                    {q.options && q.type === "multiple_choice" ? <span className="muted"> ({q.options.join(" / ")})</span> : null}{" "}
                    <strong>{q.answer}</strong>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function QuestionList({ title, items, note }: { title: string; items: Array<{ id: string; lessonTitle: string; prompt: string; answer: string; extra?: string }>; note?: string }) {
  if (items.length === 0) return null;
  return (
    <details className="card" open={items.length <= 10}>
      <summary>
        {title}: {items.length.toLocaleString("en")}
      </summary>
      {note ? <p className="muted">{note}</p> : null}
      <ul className="draft-questions">
        {items.map((q) => (
          <li key={q.id}>
            <span className="muted">{q.lessonTitle}:</span> {q.prompt} <strong>{q.answer}</strong>
            {q.extra ? <span className="muted"> ({q.extra})</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  const withHistory = diff.retired.filter((q) => q.hasHistory).length;
  return (
    <section aria-label="What this version changes">
      <p>
        {plural(diff.added.length, "question")} added, {plural(diff.changed.length, "question")} changed,{" "}
        {plural(diff.retired.length, "question")} retired, {plural(diff.unchanged, "question")} unchanged
        {diff.restored.length > 0 ? `, ${plural(diff.restored.length, "retired question")} back` : ""}.
      </p>
      {diff.lessonsAdded.length > 0 ? <p>New lessons: {diff.lessonsAdded.join(", ")}.</p> : null}
      {diff.lessonsRetired.length > 0 ? <p>Lessons retired: {diff.lessonsRetired.join(", ")}.</p> : null}
      <QuestionList title="Added" items={diff.added} />
      <QuestionList title="Back from retirement" items={diff.restored} />
      <QuestionList title="Changed" items={diff.changed.map((q) => ({ ...q, extra: q.details.join(", ") }))} />
      <QuestionList
        title="Retired"
        items={diff.retired.map((q) => ({ ...q, extra: q.hasHistory ? "learners have studied it: kept with their history" : undefined }))}
        note={`Retired questions are never deleted${withHistory > 0 ? `: the history of the ${plural(withHistory, "one")} learners have studied stays` : ""}.`}
      />
    </section>
  );
}
