/**
 * The one shape a form's refusal takes, on every page: what is wrong with
 * each field, what is wrong with the form as a whole, and what was typed (so
 * a page re-rendered without JavaScript keeps it; never a password). Sent
 * with status 400, or 429 when the refusal is a rate limit.
 */
export interface FormErrorPayload {
  status: "error";
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: Record<string, string>;
}

export function isFormErrorPayload(value: unknown): value is FormErrorPayload {
  return typeof value === "object" && value !== null && (value as { status?: unknown }).status === "error";
}
