import { Form } from "@remix-run/react";
import type { QuestionType } from "~/content/types";

export interface AskedQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  /** Options in the order to display them (multiple choice, true/false). */
  options: string[] | null;
  unit?: string | null;
}

export const instructions: Record<QuestionType, string> = {
  cloze: "Fill in the blank.",
  multiple_choice: "Choose one answer.",
  true_false: "True or false?",
  short_answer: "Type your answer.",
  numeric: "Type a number.",
};

/**
 * One question as a plain HTML form: it works before (or without) client
 * JavaScript, and the server does all the checking.
 */
export function QuestionForm({
  question,
  hidden,
  disabled = false,
  submitLabel = "Check",
  autoFocus = false,
  extra = null,
  error = null,
}: {
  question: AskedQuestion;
  hidden: Record<string, string>;
  disabled?: boolean;
  submitLabel?: string;
  autoFocus?: boolean;
  /** More hidden inputs or controls, rendered inside the form. */
  extra?: React.ReactNode;
  /** Why the response was refused (nothing to grade), shown at the field. */
  error?: string | null;
}) {
  const promptId = `prompt-${question.id}`;
  const errorId = `response-error-${question.id}`;
  const invalid = error ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  return (
    <Form method="post" className="question card" aria-labelledby={promptId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="muted">{instructions[question.type]}</p>
      <p id={promptId} className="question-prompt">
        {question.prompt}
      </p>
      <AnswerControls question={question} disabled={disabled} autoFocus={autoFocus} required invalid={invalid} />
      {error ? (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {extra}
      {disabled ? null : (
        <p>
          <button type="submit">{submitLabel}</button>
        </p>
      )}
    </Form>
  );
}

/**
 * A question's answer controls: its options as radio buttons, or a text box
 * (named by the unit the form asks in). Uncontrolled unless `value` is
 * given; `onAnswer` hears every change (the assessment page saves each one).
 */
export function AnswerControls({
  question,
  disabled = false,
  autoFocus = false,
  required = false,
  invalid = {},
  value,
  onAnswer,
  onLeave,
}: {
  question: Pick<AskedQuestion, "id" | "type" | "options" | "unit">;
  disabled?: boolean;
  autoFocus?: boolean;
  required?: boolean;
  invalid?: Record<string, unknown>;
  value?: string;
  onAnswer?: (value: string) => void;
  onLeave?: () => void;
}) {
  if (question.options) {
    return (
      <fieldset className="options-fieldset" disabled={disabled} {...invalid}>
        <legend className="visually-hidden">Options</legend>
        <ul className="options">
          {question.options.map((option, i) => (
            <li key={option}>
              <label>
                <input
                  type="radio"
                  name="response"
                  value={option}
                  required={required}
                  autoFocus={autoFocus && i === 0}
                  {...(value === undefined ? {} : { checked: value === option })}
                  onChange={onAnswer ? () => onAnswer(option) : undefined}
                />
                <span>
                  <span className="option-key" aria-hidden="true">
                    {String.fromCharCode(97 + i)}.
                  </span>{" "}
                  {option}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  }
  return (
    <>
      <label htmlFor={`response-${question.id}`}>Your answer{question.unit ? ` (in ${question.unit})` : ""}</label>
      <input
        id={`response-${question.id}`}
        name="response"
        type="text"
        inputMode={question.type === "numeric" ? "decimal" : "text"}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={500}
        required={required}
        disabled={disabled}
        autoFocus={autoFocus}
        {...(value === undefined ? {} : { value })}
        onChange={onAnswer ? (e) => onAnswer(e.currentTarget.value) : undefined}
        onBlur={onLeave}
        {...invalid}
      />
    </>
  );
}
