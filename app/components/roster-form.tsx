/**
 * The form that adds learners to a cohort from a list of emails, on the
 * cohort page and on the roster page that shows what it did. It posts to
 * /cohorts/$cohortId/roster, which shows each new learner's set-password link.
 */
import { Form } from "@remix-run/react";
import { useState } from "react";
import { MAX_ROSTER_FILE_BYTES, MAX_ROSTER_ROWS, ROSTER_FILE_TOO_LARGE } from "~/teaching/roster";

export interface RosterFormProps {
  cohortId: string;
  errors?: Record<string, string>;
  defaultText?: string;
}

export function RosterForm({ cohortId, errors = {}, defaultText }: RosterFormProps) {
  // Said before the upload: a file over the limit would only be refused after it was sent.
  const [fileError, setFileError] = useState<string | null>(null);
  const fileMessage = fileError ?? errors.file;
  return (
    <Form method="post" action={`/cohorts/${cohortId}/roster`} encType="multipart/form-data" noValidate className="card roster-form">
      <div className="field">
        <label htmlFor="field-roster">Learners’ emails</label>
        <p id="field-roster-hint" className="field-hint muted">
          One learner a line: an email, or a name and an email (“Ada Lovelace, ada@example.org”), or a spreadsheet’s columns with a header
          row naming Email and Name. Up to {MAX_ROSTER_ROWS.toLocaleString("en")} learners.
        </p>
        <textarea
          id="field-roster"
          name="roster"
          rows={6}
          defaultValue={defaultText}
          aria-invalid={errors.roster ? true : undefined}
          aria-describedby={errors.roster ? "field-roster-hint field-roster-error" : "field-roster-hint"}
        />
        {errors.roster ? (
          <p id="field-roster-error" className="field-error">
            {errors.roster}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="field-file">Or a CSV file</label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-invalid={fileMessage ? true : undefined}
          aria-describedby={fileMessage ? "field-file-error" : undefined}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            const tooLarge = file !== undefined && file.size > MAX_ROSTER_FILE_BYTES;
            setFileError(tooLarge ? ROSTER_FILE_TOO_LARGE : null);
            if (tooLarge) event.currentTarget.value = "";
          }}
        />
        {fileMessage ? (
          <p id="field-file-error" className="field-error">
            {fileMessage}
          </p>
        ) : null}
      </div>
      <button type="submit">Add learners</button>
    </Form>
  );
}
