/**
 * How a question's answer data is written down in the database: accepted
 * variants, options and the numeric key as JSON, with the format's version
 * beside them (questions.json_format, question_revisions.json_format), so a
 * later reader can tell an old row from a new one and upgrade it one step at
 * a time (as Oppia upgrades its stored states). Pure.
 *
 * Format 1: accepted_json is a JSON array of strings (the key included);
 * options_json a JSON array of strings or null; numeric_json
 * {"value", "unit", "tolerance"} or null.
 */
import type { NumericAnswer } from "../content/types";

export const QUESTION_JSON_FORMAT = 1;

export interface StoredQuestionJson {
  acceptedJson: string;
  optionsJson: string | null;
  numericJson: string | null;
  jsonFormat: number;
}

export interface AnswerData {
  accepted: string[];
  options: string[] | null;
  numeric: NumericAnswer | null;
}

/** The JSON columns of a question's answer data, in the current format. */
export function storeAnswerData(data: { accepted: readonly string[]; options?: readonly string[] | null; numeric?: NumericAnswer | null }): StoredQuestionJson {
  return {
    acceptedJson: JSON.stringify(data.accepted),
    optionsJson: data.options ? JSON.stringify(data.options) : null,
    numericJson: data.numeric ? JSON.stringify({ value: data.numeric.value, unit: data.numeric.unit, tolerance: data.numeric.tolerance }) : null,
    jsonFormat: QUESTION_JSON_FORMAT,
  };
}

/**
 * A question's answer data read back. A format this code does not know (written by a newer
 * version) throws rather than being misread.
 */
export function readAnswerData(row: StoredQuestionJson): AnswerData {
  if (row.jsonFormat !== QUESTION_JSON_FORMAT) {
    throw new Error(`question JSON of format ${row.jsonFormat}; this version reads format ${QUESTION_JSON_FORMAT}`);
  }
  return {
    accepted: JSON.parse(row.acceptedJson) as string[],
    options: row.optionsJson ? (JSON.parse(row.optionsJson) as string[]) : null,
    numeric: row.numericJson ? (JSON.parse(row.numericJson) as NumericAnswer) : null,
  };
}
