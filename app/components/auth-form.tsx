/**
 * Form pieces shared by the sign-in and sign-up pages: a labelled field whose
 * error is tied to it with aria-describedby, and the form-level error in a
 * live region so screen readers announce it after a failed submit.
 */
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

export const FORM_ERROR_ID = "form-error";

/** Always rendered (empty when there is nothing to say) so the live region exists before it changes. */
export function FormError({ message }: { message?: string }) {
  return (
    <div id={FORM_ERROR_ID} className="form-error field-error" role="alert" aria-live="assertive">
      {message ?? ""}
    </div>
  );
}

export type FieldErrors = Partial<Record<string, string>>;
