/**
 * An assessment's settings as a form, for creating and editing one. Once it
 * has opened, its questions (blueprint, types, option order) and opening
 * time are shown, not editable, and travel as hidden fields so the edit
 * changes only what it may.
 */
import { Form } from "@remix-run/react";
import { Labelled } from "~/components/form-fields";
import type { QuestionType } from "~/content/types";
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, REVIEW_LEVEL_LABELS, REVIEW_LEVELS } from "~/assessment/settings";
import { COUNT_FIELD, TYPE_FIELD } from "~/forms/assessment-fields";

export interface BlueprintChoice {
  id: string;
  title: string;
  courseTitle: string;
  lessons: { id: string; title: string; questionsByType: Partial<Record<QuestionType, number>> }[];
}

export function AssessmentSettingsForm({
  intent,
  values,
  errors,
  modules,
  opened,
  timeZone,
  submitLabel,
}: {
  intent?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  modules: BlueprintChoice[];
  opened: boolean;
  timeZone: string;
  submitLabel: string;
}) {
  const input = (name: string, type: "text" | "number" | "datetime-local", extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={`field-${name}`}
      name={name}
      type={type}
      defaultValue={values[name] ?? ""}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={errors[name] ? `field-${name}-error` : undefined}
      {...extra}
    />
  );
  const counted = new Set(Object.keys(values).filter((k) => k.startsWith(COUNT_FIELD) && values[k] && values[k] !== "0").map((k) => k.slice(COUNT_FIELD.length)));
  return (
    <Form method="post" noValidate className="card assessment-settings">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <Labelled name="title" label="Title" error={errors.title}>
        {input("title", "text", { maxLength: 120 })}
      </Labelled>

      <h3>Questions</h3>
      {opened ? (
        <>
          <p className="muted">It has opened: its questions are fixed (a regrade changes them).</p>
          {Object.entries(values)
            .filter(([name]) => name.startsWith(COUNT_FIELD) || name.startsWith(TYPE_FIELD) || name === "shuffleOptions" || name === "opensAt")
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <ul>
            {modules.flatMap((m) =>
              m.lessons
                .filter((l) => counted.has(l.id))
                .map((l) => (
                  <li key={l.id}>
                    {values[`${COUNT_FIELD}${l.id}`]} from {m.title}: {l.title}
                  </li>
                )),
            )}
          </ul>
        </>
      ) : (
        <>
          <p className="muted">How many questions each learner is asked from each lesson, spread over the lesson's range of difficulty. Each learner gets a form of their own.</p>
          {errors.blueprint ? (
            <p id="field-blueprint-error" className="field-error" role="alert">
              {errors.blueprint}
            </p>
          ) : null}
          {modules.length === 0 ? <p className="card">No lesson has questions for learners yet.</p> : null}
          {modules.map((m) => (
            <details key={m.id} open={m.lessons.some((l) => counted.has(l.id)) || modules.length === 1}>
              <summary>
                {m.courseTitle}: {m.title}
              </summary>
              <div className="table-scroll">
                <table className="cohort-table blueprint-table">
                  <thead>
                    <tr>
                      <th scope="col">Lesson</th>
                      <th scope="col">Questions for learners</th>
                      <th scope="col">Ask</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.lessons.map((l) => {
                      const total = Object.values(l.questionsByType).reduce((n, c) => n + (c ?? 0), 0);
                      return (
                        <tr key={l.id}>
                          <th scope="row">
                            <label htmlFor={`count-${l.id}`}>{l.title}</label>
                          </th>
                          <td>
                            {total}{" "}
                            <span className="muted">
                              ({Object.entries(l.questionsByType)
                                .map(([type, n]) => `${n} ${QUESTION_TYPE_LABELS[type as QuestionType].toLowerCase()}`)
                                .join(", ")})
                            </span>
                          </td>
                          <td>
                            <input id={`count-${l.id}`} name={`${COUNT_FIELD}${l.id}`} type="number" min={0} max={total} inputMode="numeric" defaultValue={values[`${COUNT_FIELD}${l.id}`] ?? ""} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
          <fieldset className="checks" aria-describedby={errors.allowedTypes ? "field-allowedTypes-error" : undefined}>
            <legend>Types of question asked</legend>
            {QUESTION_TYPES.map((type) => (
              <label key={type}>
                <input type="checkbox" name={`${TYPE_FIELD}${type}`} defaultChecked={values[`${TYPE_FIELD}${type}`] === "on"} />
                {QUESTION_TYPE_LABELS[type]}
              </label>
            ))}
            {errors.allowedTypes ? (
              <p id="field-allowedTypes-error" className="field-error">
                {errors.allowedTypes}
              </p>
            ) : null}
          </fieldset>
          <div className="checks">
            <label>
              <input type="checkbox" name="shuffleOptions" defaultChecked={values.shuffleOptions === "on"} />
              Shuffle multiple-choice options for each learner
            </label>
          </div>
        </>
      )}

      <h3>When</h3>
      <div className="settings-grid">
        {opened ? null : (
          <Labelled name="opensAt" label="Opens" error={errors.opensAt} hint={`Your time zone: ${timeZone}`}>
            {input("opensAt", "datetime-local")}
          </Labelled>
        )}
        <Labelled name="closesAt" label="Closes" error={errors.closesAt}>
          {input("closesAt", "datetime-local")}
        </Labelled>
        <Labelled name="timeLimitMinutes" label="Time limit (minutes)" error={errors.timeLimitMinutes}>
          {input("timeLimitMinutes", "number", { min: 1, max: 600, inputMode: "numeric" })}
        </Labelled>
        <Labelled name="attemptsAllowed" label="Attempts allowed" error={errors.attemptsAllowed}>
          {input("attemptsAllowed", "number", { min: 1, max: 10, inputMode: "numeric" })}
        </Labelled>
      </div>

      <h3>Afterwards</h3>
      <div className="settings-grid">
        {(["reviewAfterSubmit", "reviewAfterClose"] as const).map((name) => (
          <Labelled key={name} name={name} label={name === "reviewAfterSubmit" ? "After submitting, learners see" : "After it closes for everyone, learners see"} error={errors[name]}>
            <select id={`field-${name}`} name={name} defaultValue={values[name] ?? "score"}>
              {REVIEW_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {REVIEW_LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          </Labelled>
        ))}
        <Labelled name="passMarkPercent" label="Pass mark (%)" error={errors.passMarkPercent}>
          {input("passMarkPercent", "number", { min: 0, max: 100, inputMode: "decimal" })}
        </Labelled>
      </div>
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </Form>
  );
}
