/**
 * Form pieces every page's forms share: a labelled field whose error is tied
 * to it with aria-describedby, and the form's refusal (the FormErrorPayload
 * an action returns) in a live region so screen readers announce it after a
 * failed submit. Every page shows a refused form the same way.
 */
import { isFormErrorPayload } from "~/forms/form-error";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/models/account-rules";

export interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
}

export function Field({ name, label, type = "text", autoComplete, error, hint, defaultValue, required = true, minLength, maxLength }: FieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        minLength={minLength}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A password being chosen (sign-up, a set-password link), with the length rules as its hint. */
/** A labelled control of the caller's (a select, a date input) with its hint above and its error below, laid out as Field lays a text input. */
export function Labelled({ name, label, error, hint, children }: { name: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      {hint ? <p className="field-hint muted">{hint}</p> : null}
      {children}
      {error ? (
        <p id={`field-${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function NewPasswordField({ label, error }: { label: string; error?: string }) {
  return (
    <Field
      name="password"
      label={label}
      type="password"
      autoComplete="new-password"
      hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      error={error}
    />
  );
}

export const FORM_ERROR_ID = "form-error";

/** Always rendered (empty when there is nothing to say) so the live region exists before it changes. */
export function FormError({ message }: { message?: string }) {
  return (
    <div id={FORM_ERROR_ID} className="form-error field-error" role="alert" aria-live="assertive">
      {message ?? ""}
    </div>
  );
}

/** The form-level message for an action's result: its formError, or a pointer to the fields marked. */
export function FormErrorSummary({ result, notice }: { result: unknown; notice?: string }) {
  const payload = isFormErrorPayload(result) ? result : null;
  const fieldCount = payload ? Object.keys(payload.fieldErrors).length : 0;
  const message =
    payload?.formError ??
    (fieldCount === 1 ? "Please correct the field marked below." : fieldCount > 1 ? "Please correct the fields marked below." : notice);
  return <FormError message={message} />;
}

/** What a refused form said about each field and what was typed; empty otherwise. */
export function refusedForm(result: unknown): { fieldErrors: Record<string, string>; values: Record<string, string> } {
  return isFormErrorPayload(result) ? result : { fieldErrors: {}, values: {} };
}
