/**
 * Pieces of the curation pages: the labels of question types, states and
 * flags; a question's sentence marked in its lesson's paragraph; and the
 * question form's fields (editing one, or writing one by hand), each
 * labelled, with its hint and error tied to it. Display only; every text goes
 * through React, so it is escaped.
 */
import type { QuestionType } from "~/content/types";
import { percent } from "~/components/charts/format";
import type { AuthoredFields } from "~/questions/authoring";
import { CURATION_FLAG_LABELS, type CurationFlag } from "~/questions/checks";
import { CURATION_STATUS_LABELS, type CurationStatus } from "~/questions/curation";
import type { SourceContext } from "~/questions/source-context";

export const QUESTION_TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  cloze: "Cloze (fill the blank)",
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  short_answer: "Short answer",
  numeric: "Numeric",
};

export function StatusBadge({ status }: { status: CurationStatus }) {
  return <span className={`status-badge status-${status}`}>{CURATION_STATUS_LABELS[status]}</span>;
}

export function FlagList({ flags }: { flags: readonly CurationFlag[] }) {
  if (flags.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={flag} className="flag">
          {CURATION_FLAG_LABELS[flag]}
        </li>
      ))}
    </ul>
  );
}

/**
 * What curation shows of a question besides its prompt: its key and options (on the list), type,
 * estimate (none for one written by hand), state, whether it reaches learners, and its flags.
 */
export function QuestionFacts({
  question: q,
  showKey = false,
}: {
  question: {
    type: QuestionType;
    answer: string;
    options: readonly string[] | null;
    quality: number;
    status: CurationStatus;
    flags: readonly CurationFlag[];
    reachesLearners?: boolean;
  };
  showKey?: boolean;
}) {
  return (
    <dl className="curated-facts">
      {showKey ? (
        <div>
          <dt>Key</dt>
          <dd>{q.answer}</dd>
        </div>
      ) : null}
      {showKey && q.options && q.type === "multiple_choice" ? (
        <div>
          <dt>Options</dt>
          <dd>{q.options.join(" · ")}</dd>
        </div>
      ) : null}
      <div>
        <dt>Type</dt>
        <dd>{QUESTION_TYPE_LABELS[q.type]}</dd>
      </div>
      <div>
        <dt>Quality</dt>
        <dd>{q.status === "hand_written" ? "—" : percent(q.quality)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={q.status} />
        </dd>
      </div>
      {q.reachesLearners !== undefined ? (
        <div>
          <dt>Reaches learners</dt>
          <dd>{q.reachesLearners ? "Yes" : "No"}</dd>
        </div>
      ) : null}
      <div className="curated-flags">
        <dt>Flags</dt>
        <dd>
          <FlagList flags={q.flags} />
        </dd>
      </div>
    </dl>
  );
}

/** The paragraph of the lesson that holds the question's sentence, the sentence marked. */
export function SourceInLesson({ source, sentence }: { source: SourceContext | null; sentence: string }) {
  if (source) {
    return (
      <p className="source-context">
        {source.before}
        <mark>{source.sentence}</mark>
        {source.after}
      </p>
    );
  }
  return sentence ? (
    <p className="source-context">
      <mark>{sentence}</mark>
    </p>
  ) : (
    <p className="source-context muted">Written by hand: no sentence of the lesson.</p>
  );
}

interface ControlProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A label, its hint and its error around one control, tied with aria-describedby. */
function Control({ name, label, hint, error, children }: ControlProps & { children: (describedBy: string | undefined) => React.ReactNode }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint muted">
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextAreaField({ defaultValue, rows = 3, ...props }: ControlProps & { defaultValue?: string; rows?: number }) {
  return (
    <Control {...props}>
      {(describedBy) => (
        <textarea
          id={`field-${props.name}`}
          name={props.name}
          rows={rows}
          defaultValue={defaultValue}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Control>
  );
}

export function InputField({ defaultValue, inputMode, ...props }: ControlProps & { defaultValue?: string; inputMode?: "decimal" | "text" }) {
  return (
    <Control {...props}>
      {(describedBy) => (
        <input
          id={`field-${props.name}`}
          name={props.name}
          type="text"
          autoComplete="off"
          inputMode={inputMode}
          defaultValue={defaultValue}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Control>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...props
}: ControlProps & { options: readonly { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <Control {...props}>
      {(describedBy) => (
        <select
          id={`field-${props.name}`}
          name={props.name}
          defaultValue={defaultValue}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

/** What the question form starts from: a question's stored text, or what was typed into a refused form. */
export type QuestionFieldValues = AuthoredFields;

/**
 * The fields of a question. `type` shows only those its type reads; null (writing one by hand,
 * the type chosen in the same form) shows them all, each hint saying which types read it.
 */
export function QuestionFields({ type, values, errors }: { type: QuestionType | null; values: QuestionFieldValues; errors: Record<string, string> }) {
  const shows = (...types: QuestionType[]) => type === null || types.includes(type);
  const forTypes = (what: string) => (type === null ? ` For ${what} only.` : "");
  return (
    <>
      <TextAreaField
        name="prompt"
        label="Prompt"
        hint={
          type === "cloze"
            ? "Mark the blank with _____ (five underscores)."
            : type === null
            ? "For a cloze question, mark the blank with _____."
            : undefined
        }
        defaultValue={values.prompt}
        error={errors.prompt}
      />
      {type === "true_false" ? (
        <SelectField
          name="answer"
          label="Key"
          options={[
            { value: "True", label: "True" },
            { value: "False", label: "False" },
          ]}
          defaultValue={values.answer}
          error={errors.answer}
        />
      ) : (
        <InputField
          name="answer"
          label="Key"
          hint={
            type === "numeric"
              ? "The number, with its unit if you like (8,849 m)."
              : type === null
              ? "The right answer; True or False for a true-or-false question."
              : undefined
          }
          defaultValue={values.answer}
          error={errors.answer}
        />
      )}
      {shows("cloze", "short_answer", "multiple_choice") ? (
        <TextAreaField
          name="accepted"
          label="Other accepted answers"
          hint={`One a line; the key always counts.${forTypes("cloze, short answer and multiple choice")}`}
          defaultValue={values.accepted}
          error={errors.accepted}
        />
      ) : null}
      {shows("multiple_choice") ? (
        <TextAreaField
          name="options"
          label="Options"
          hint={`One a line, the key among them.${forTypes("multiple choice")}`}
          rows={4}
          defaultValue={values.options}
          error={errors.options}
        />
      ) : null}
      {shows("numeric") ? (
        <>
          <InputField
            name="unit"
            label="Unit asked for"
            hint={`Optional: metres, km, years…${forTypes("numeric")}`}
            defaultValue={values.unit}
            error={errors.unit}
          />
          <InputField
            name="tolerance"
            label="Tolerance"
            hint={`How far off an answer may be and still count (0: exactly).${forTypes("numeric")}`}
            inputMode="decimal"
            defaultValue={values.tolerance}
            error={errors.tolerance}
          />
        </>
      ) : null}
      <TextAreaField
        name="explanation"
        label="Explanation"
        hint="Shown to a learner after answering."
        defaultValue={values.explanation}
        error={errors.explanation}
      />
    </>
  );
}
