/**
 * Small, hand-written course content for model and route tests: three facts
 * in two modules, stored through the real import model.
 */
import type { CourseManifest } from "../../app/content/manifest";
import type { Lesson, LessonDraft, Module, Question } from "../../app/content/types";
import { saveCourse } from "../../app/models/content.server";
import { createUser } from "../../app/models/user.server";
import type { Database } from "../../db/client";

export function clozeQuestion(id: string, answer: string, sentence: string, siblingKey = `fact-${answer}`): Question {
  return {
    id,
    type: "cloze",
    prompt: sentence.replace(answer, "_____"),
    answer,
    accepted: [answer],
    source: { sentence, line: 2 },
    explanation: sentence,
    siblingKey,
    quality: 0.8,
  };
}

/** A lesson draft of one paragraph, for the question generator. */
export function paragraphLesson(title: string, text: string): LessonDraft {
  return { title, slug: title.toLowerCase(), position: 0, line: 1, blocks: [{ kind: "paragraph", text, line: 2 }], text, readingMinutes: 1 };
}

export function lessonOf(title: string, slug: string, position: number, questions: Question[]): Lesson {
  const text = questions.map((q) => q.source.sentence).join(" ");
  return {
    title,
    slug,
    position,
    line: 1,
    blocks: [{ kind: "paragraph", text, line: 2 }],
    text,
    readingMinutes: 1,
    keyTerms: [],
    questions,
  };
}

export const nile = clozeQuestion("q-nile", "Nile", "The Nile flows north into the Mediterranean Sea.");
export const nileTrueFalse: Question = {
  ...clozeQuestion("q-nile-tf", "True", "The Nile flows north into the Mediterranean Sea.", nile.siblingKey),
  type: "true_false",
  prompt: "True or false: The Nile flows north into the Mediterranean Sea.",
  options: ["True", "False"],
};
export const amazon = clozeQuestion("q-amazon", "Amazon", "The Amazon carries more water than any other river.");
export const everest: Question = {
  ...clozeQuestion("q-everest", "8849 metres", "Mount Everest is 8849 metres high."),
  type: "numeric",
  prompt: "How high is Mount Everest, in metres?",
  numeric: { value: 8849, unit: "metres", tolerance: 0 },
};

export const manifest: CourseManifest = {
  slug: "geography",
  title: "Geography",
  description: "Rivers and mountains.",
  modules: [
    { file: "rivers.md", slug: "rivers", title: "Rivers", description: "" },
    { file: "mountains.md", slug: "mountains", title: "Mountains", description: "" },
  ],
};

/** One course of one module, "rivers", for tests that import its lessons again and again. */
export const riversManifest: CourseManifest = {
  slug: "rivers",
  title: "Rivers",
  description: "",
  modules: [{ file: "rivers.md", slug: "rivers", title: "Rivers", description: "" }],
};

export function builtModules(): Module[] {
  return [
    {
      title: "Rivers",
      source: "rivers.md",
      lessons: [lessonOf("Africa", "africa", 0, [nile, nileTrueFalse]), lessonOf("America", "america", 1, [amazon])],
    },
    { title: "Mountains", source: "mountains.md", lessons: [lessonOf("Asia", "asia", 0, [everest])] },
  ];
}

export async function seedGeography(db: Database, now = 1_000) {
  return saveCourse(db, { manifest, modules: builtModules(), moduleHashes: ["r1", "m1"], contentHash: "geo-1" }, now);
}

let counter = 0;
export async function makeLearner(db: Database, name = "Learner") {
  counter++;
  return createUser(
    db,
    { email: `learner${counter}-${Date.now()}@example.com`, name, password: "correct horse battery", role: "learner" },
    1_000,
  );
}

let instructors = 0;
/** A new instructor account, as the scope cohort models take for them. */
export async function makeInstructorScope(db: Database, name = "Teacher") {
  instructors++;
  const user = await createUser(
    db,
    { email: `teacher${instructors}-${Date.now()}@example.com`, name, password: "correct horse battery", role: "instructor" },
    1_000,
  );
  return { userId: user.id, all: false };
}
