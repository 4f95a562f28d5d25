/**
 * One learner's accommodation as a small form: extra time (as a multiplier
 * or in minutes) and a later close, in minutes after each assessment's (a
 * cohort profile) or as a date and time (one assessment's override). Blank
 * fields mean none; saving with none removes it.
 */
import { Form } from "@remix-run/react";
import type { Accommodation } from "~/assessment/timing";
import { localTimeOf } from "~/learning/day";

export function accommodationValues(a: Accommodation | null, timeZone: string): Record<string, string> {
  return {
    extraKind: a?.extraTime?.kind ?? "none",
    extraValue: a?.extraTime ? String(a.extraTime.kind === "multiplier" ? a.extraTime.factor : a.extraTime.minutes) : "",
    laterClose: !a?.laterClose ? "" : a.laterClose.kind === "after" ? String(a.laterClose.minutes) : localTimeOf(a.laterClose.at, timeZone),
  };
}

export function AccommodationForm({
  intent,
  learner,
  values,
  errors,
  laterClose,
}: {
  intent?: string;
  learner: { id: string; name: string };
  values: Record<string, string>;
  errors: Record<string, string>;
  laterClose: "after" | "at";
}) {
  const id = (name: string) => `${name}-${learner.id}`;
  return (
    <Form method="post" className="inline-form" aria-label={`Accommodation for ${learner.name}`}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name="learnerId" value={learner.id} />
      <div className="field">
        <label htmlFor={id("extraKind")}>Extra time</label>
        <select id={id("extraKind")} name="extraKind" defaultValue={values.extraKind ?? "none"}>
          <option value="none">None</option>
          <option value="multiplier">Multiplier (×)</option>
          <option value="minutes">Minutes (+)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("extraValue")}>By</label>
        <input id={id("extraValue")} name="extraValue" type="text" inputMode="decimal" size={5} defaultValue={values.extraValue ?? ""} aria-invalid={errors.extraValue ? true : undefined} />
        {errors.extraValue ? <p className="field-error">{errors.extraValue}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={id("laterClose")}>{laterClose === "after" ? "Closes later by (minutes)" : "Closes later, at"}</label>
        <input
          id={id("laterClose")}
          name="laterClose"
          type={laterClose === "after" ? "text" : "datetime-local"}
          inputMode={laterClose === "after" ? "numeric" : undefined}
          size={laterClose === "after" ? 5 : undefined}
          defaultValue={values.laterClose ?? ""}
          aria-invalid={errors.laterClose ? true : undefined}
        />
        {errors.laterClose ? <p className="field-error">{errors.laterClose}</p> : null}
      </div>
      <button type="submit" className="secondary">
        Save
      </button>
    </Form>
  );
}
