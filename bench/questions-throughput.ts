/**
 * Question generator throughput on the sample course replicated N times
 * (each copy its own module key, so nothing is shared between copies).
 * Prints MB/s by wall clock and by this process's CPU time (steadier on a
 * busy machine), and the peak resident memory.
 *   npx tsx bench/questions-throughput.ts [copies=10]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCourseManifest } from "../app/content/manifest";
import { draftModule, readSource } from "../app/content/pipeline";
import { generateQuestions, type ModuleInput } from "../app/content/questions";

const copies = Number(process.argv[2] ?? 10);
const dir = join(import.meta.dirname, "../content");
const manifest = parseCourseManifest(readFileSync(join(dir, "course.json"), "utf8"));
let bytes = 0;
const course: ModuleInput[] = manifest.modules.map((m) => {
  const raw = readFileSync(join(dir, m.file));
  bytes += raw.byteLength;
  const draft = draftModule(readSource(m.file, raw));
  return { key: draft.key, lessons: draft.lessons };
});
generateQuestions(course); // warm up: models loaded, code compiled
const modules = Array.from({ length: copies }, (_, c) => course.map((m) => ({ ...m, key: `${c}/${m.key}` }))).flat();
const cpu = process.cpuUsage();
const started = performance.now();
const banks = generateQuestions(modules);
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const megabytes = (bytes * copies) / 1e6;
const questions = banks.flat().reduce((n, l) => n + l.questions.length, 0);
console.log(`${megabytes.toFixed(2)} MB (${copies} copies of content/), ${questions} questions`);
console.log(`wall: ${wall.toFixed(2)} s = ${(megabytes / wall).toFixed(2)} MB/s`);
console.log(`cpu:  ${cpuSeconds.toFixed(2)} s = ${(megabytes / cpuSeconds).toFixed(2)} MB/s`);
console.log(`peak rss: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
