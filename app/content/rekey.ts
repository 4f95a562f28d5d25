/**
 * A built module's questions under another module key. A question's id and
 * sibling key hash its module's key with its own content (questions/ids.ts),
 * so the same material published into a module gets the ids that module's
 * earlier version gave it: unchanged questions keep their ids, and learners'
 * cards and history stay attached. Pure.
 */
import { questionId, siblingKey } from "./questions/ids";
import type { Module } from "./types";

export function withModuleKey(module: Module, key: string): Module {
  return {
    ...module,
    lessons: module.lessons.map((lesson) => ({
      ...lesson,
      questions: lesson.questions.map((q) => ({
        ...q,
        id: questionId(key, q.type, q.prompt, q.answer),
        siblingKey: siblingKey(key, q.siblingSentence ?? q.source.sentence),
      })),
    })),
  };
}
