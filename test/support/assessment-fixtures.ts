/**
 * A course whose lessons hold enough questions for assessments (every type,
 * distinct facts), a cohort with its instructor and learners, and valid
 * assessment settings on a fixed clock: for the assessment model, route and
 * permission tests.
 */
import type { CourseManifest } from "../../app/content/manifest";
import type { Question } from "../../app/content/types";
import type { AssessmentSettings } from "../../app/assessment/settings";
import { saveCourse } from "../../app/models/content.server";
import { createCohort } from "../../app/models/cohort.server";
import { createUser, type Role } from "../../app/models/user.server";
import { cohortMembers, lessons, questions } from "../../db/schema";
import type { Database } from "../../db/client";
import { eq } from "drizzle-orm";
import { clozeQuestion, lessonOf } from "./fixtures";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** The tests' clock starts here: Monday 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0);

const question = (over: Partial<Question> & Pick<Question, "id" | "type" | "prompt" | "answer">): Question => ({
  accepted: [over.answer],
  source: { sentence: `${over.prompt} (${over.answer})`, line: 2 },
  explanation: `Source of ${over.id}.`,
  siblingKey: `fact-${over.id}`,
  quality: 0.8,
  ...over,
});

export const riverQuestions: Question[] = [
  clozeQuestion("q-river-1", "Nile", "The Nile is the longest river in Africa."),
  clozeQuestion("q-river-2", "Amazon", "The Amazon carries the most water of any river."),
  question({
    id: "q-river-3",
    type: "numeric",
    prompt: "How long is the Yangtze, in kilometres?",
    answer: "6300 kilometres",
    numeric: { value: 6300, unit: "kilometres", tolerance: 50 },
  }),
  question({
    id: "q-river-4",
    type: "multiple_choice",
    prompt: "Which river drains most of the central United States?",
    answer: "Mississippi",
    options: ["Mississippi", "Danube", "Volga", "Mekong"],
  }),
  question({ id: "q-river-5", type: "true_false", prompt: "True or false: The Thames flows into the Baltic Sea.", answer: "False", options: ["True", "False"] }),
  question({ id: "q-river-6", type: "short_answer", prompt: "What is the landform of sediment at a river's mouth called?", answer: "delta" }),
];

export const peakQuestions: Question[] = [
  question({ id: "q-peak-1", type: "numeric", prompt: "How high is Everest, in metres?", answer: "8849 metres", numeric: { value: 8849, unit: "metres", tolerance: 0 } }),
  clozeQuestion("q-peak-2", "Andes", "The Andes are the longest mountain range on land."),
];

const manifest: CourseManifest = {
  slug: "earth",
  title: "Earth",
  description: "",
  modules: [{ file: "earth.md", slug: "earth", title: "Earth", description: "" }],
};

export async function seedEarth(db: Database) {
  await saveCourse(
    db,
    {
      manifest,
      modules: [{ title: "Earth", source: "earth.md", lessons: [lessonOf("Rivers", "rivers", 0, riverQuestions), lessonOf("Peaks", "peaks", 1, peakQuestions)] }],
      moduleHashes: ["e1"],
      contentHash: "earth-1",
    },
    1_000,
  );
  // Generated true/false statements stay out of decks; an instructor vouches for this one, so
  // assessments can ask every type.
  await db.update(questions).set({ curation: "accepted", curatedAt: 1_000 }).where(eq(questions.id, "q-river-5"));
  const rows = await db.select({ id: lessons.id, slug: lessons.slug }).from(lessons);
  const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
  return { riversId: id("rivers"), peaksId: id("peaks") };
}

let counter = 0;
export async function person(db: Database, role: Role, name: string = role) {
  counter++;
  return createUser(db, { email: `${role}-${counter}-${process.pid}@example.org`, name, password: "a-good-long-password", role }, 1_000);
}

/** An instructor's cohort with two learners in it and one outside it. */
export async function classroom(db: Database) {
  const instructor = await person(db, "instructor", "Ines Instructor");
  const cohort = await createCohort(db, instructor.id, "Year 9", T0 - HOUR);
  const ada = await person(db, "learner", "Ada");
  const ben = await person(db, "learner", "Ben");
  const outsider = await person(db, "learner", "Olga Outsider");
  for (const learner of [ada, ben]) await db.insert(cohortMembers).values({ cohortId: cohort.id, userId: learner.id, joinedAt: T0 - HOUR });
  return { instructor, cohort, ada, ben, outsider, scope: { userId: instructor.id, all: false } };
}

export function examSettings(riversId: string, over: Partial<AssessmentSettings> = {}): AssessmentSettings {
  return {
    title: "Rivers test",
    blueprint: [{ lessonId: riversId, count: 4 }],
    allowedTypes: ["cloze", "numeric", "multiple_choice", "true_false", "short_answer"],
    shuffleOptions: true,
    opensAt: T0,
    closesAt: T0 + 3 * HOUR,
    timeLimitMinutes: 30,
    attemptsAllowed: 1,
    reviewAfterSubmit: "score",
    reviewAfterClose: "keys",
    passMarkPercent: 50,
    ...over,
  };
}

export async function membersOf(db: Database, cohortId: string) {
  return db.select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId));
}
