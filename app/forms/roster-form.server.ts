/**
 * The roster form: learners' emails pasted into a text box or uploaded as a
 * CSV file (one or the other). Reading the text is teaching/roster.ts's; this
 * says what the form carries and how large its body may be.
 */
import { z } from "zod";
import { MAX_ROSTER_FILE_BYTES, rosterFileText } from "../teaching/roster";

/** A file at its limit and a paste of as many bytes, with room for multipart's framing. */
export const ROSTER_BODY_LIMIT = 2 * MAX_ROSTER_FILE_BYTES + 64 * 1024;

export const rosterFormSchema = z.object({
  roster: z.string().default(""),
  // A file input left empty still sends a part: a nameless, empty file, which may arrive as an empty string.
  file: z
    .union([z.instanceof(File), z.string()])
    .optional()
    .transform((file) => (file instanceof File && (file.size > 0 || file.name !== "") ? file : undefined)),
});

export type RosterText = { ok: true; text: string } | { ok: false; fieldErrors: Record<string, string> };

export const ROSTER_MISSING = "Paste the learners’ emails, one a line, or choose a CSV file.";
export const ROSTER_BOTH = "Paste the roster or choose a file, not both: clear one of them.";

/** The roster's text from the pasted box or the file, whichever was given. */
export async function rosterText(form: z.output<typeof rosterFormSchema>): Promise<RosterText> {
  const pasted = form.roster.trim() !== "";
  if (pasted && form.file) return { ok: false, fieldErrors: { roster: ROSTER_BOTH } };
  if (pasted) return { ok: true, text: form.roster };
  if (!form.file) return { ok: false, fieldErrors: { roster: ROSTER_MISSING } };
  const read = rosterFileText(new Uint8Array(await form.file.arrayBuffer()));
  return read.ok ? read : { ok: false, fieldErrors: { file: read.error } };
}
