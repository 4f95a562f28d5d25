/**
 * Command line: turn article files into modules of lessons and questions.
 *
 *   npm run -s ingest -- --json FILE...   one JSON document on stdout
 *   npm run -s ingest -- FILE...          a readable summary
 *
 * A file that cannot be used (missing, empty, binary, not UTF-8, too large,
 * no article text) stops the run with one line on stderr, exit status 1 and
 * nothing on stdout.
 */
import { readFileSync, statSync } from "node:fs";
import type { SourceFile } from "../app/content/pipeline";
import { assertReadableSize } from "../app/content/read";
import { IngestError, type Module, type Question } from "../app/content/types";
import { boundHeapGrowth } from "./ingestion-heap";

const USAGE = "usage: npm run -s ingest -- [--json] FILE...";

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--json" && arg !== "--");
  if (unknown.length > 0) return fail(`unknown option ${unknown[0]}; ${USAGE}`);
  const names = argv.filter((arg) => !arg.startsWith("-"));
  if (names.length === 0) return fail(`no files given; ${USAGE}`);
  boundHeapGrowth();

  // Libraries must not write to stdout: it carries exactly one document.
  const restore = redirectConsoleToStderr();
  let output: string;
  try {
    const files = names.map(readInput);
    // Loaded here, not at the top, so even a failure to load reports on one line.
    const { buildModules } = await import("../app/content/pipeline");
    const modules = buildModules(files);
    output = json ? `${JSON.stringify({ modules: modules.map(publicModule) })}\n` : summary(modules);
  } catch (error) {
    restore();
    if (error instanceof IngestError) return fail(error.message);
    return fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  }
  restore();
  process.stdout.write(output);
  return 0;
}

function readInput(name: string): SourceFile {
  let size: number;
  try {
    const stat = statSync(name);
    if (!stat.isFile()) throw new IngestError(name, "not a regular file");
    size = stat.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(name, `cannot read file (${describeFsError(error)})`);
  }
  // Refuse a huge file before reading a byte of it.
  assertReadableSize(name, size);
  try {
    return { name, bytes: readFileSync(name) };
  } catch (error) {
    throw new IngestError(name, `cannot read file (${describeFsError(error)})`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Exactly the published shape: no internal fields, `options` only where a choice is offered. */
function publicModule(module: Module) {
  return {
    title: module.title,
    source: module.source,
    lessons: module.lessons.map((lesson) => ({
      title: lesson.title,
      text: lesson.text,
      questions: lesson.questions.map(publicQuestion),
    })),
  };
}

function publicQuestion(question: Question) {
  const withOptions = question.type === "multiple_choice" || question.type === "true_false";
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    answer: question.answer,
    ...(withOptions ? { options: question.options ?? [] } : {}),
    source: { sentence: question.source.sentence, line: question.source.line },
  };
}

function summary(modules: Module[]): string {
  const lines: string[] = [];
  for (const module of modules) {
    const questions = module.lessons.reduce((n, lesson) => n + lesson.questions.length, 0);
    const minutes = module.lessons.reduce((n, lesson) => n + lesson.readingMinutes, 0);
    lines.push(`${module.title}  (${module.source})`);
    lines.push(`  ${module.lessons.length} lessons, ${questions} questions, about ${minutes} min of reading`);
    module.lessons.forEach((lesson, i) => {
      const subheadings = lesson.blocks.filter((b) => b.kind === "heading").length;
      const sub = subheadings > 0 ? `, ${subheadings} sub-sections` : "";
      lines.push(
        `  ${String(i + 1).padStart(2)}. ${lesson.title}  [line ${lesson.line}, ${lesson.readingMinutes} min${sub}, ${lesson.questions.length} questions]`,
      );
      if (lesson.keyTerms.length > 0) lines.push(`      key terms: ${lesson.keyTerms.slice(0, 8).join(", ")}`);
    });
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function fail(message: string): number {
  process.stderr.write(`ingest: ${message.replace(/\s+/g, " ").trim()}\n`);
  return 1;
}

function redirectConsoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn };
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(" ")}\n`);
  console.log = console.info = console.debug = console.warn = toStderr;
  return () => Object.assign(console, saved);
}

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
