import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function ingest(...args: string[]) {
  const run = spawnSync(TSX, ["scripts/ingest.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run ingest", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cairn-ingest-"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("Cr\xe8me br\xfbl\xe9e is a dessert.\n", "latin1"));
    writeFileSync(join(dir, "huge.txt"), "");
    truncateSync(join(dir, "huge.txt"), 50 * 1024 * 1024);
    writeFileSync(join(dir, "ok.md"), "# Ferns\n\nFerns grow in shade.\n\n## Spores\n\nFerns spread by spores, not seeds.\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints exactly one JSON document with one module per file, in the order given", () => {
    const files = ["content/002_640a1cac90928310.txt", "content/000_d731a5bd8541e82c.txt", join(dir, "ok.md")];
    const run = ingest("--json", ...files);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(["modules"]);
    expect(doc.modules.map((m: { source: string }) => m.source)).toEqual(files);
    for (const module of doc.modules) {
      expect(Object.keys(module)).toEqual(["title", "source", "lessons"]);
      for (const lesson of module.lessons) {
        expect(Object.keys(lesson)).toEqual(["title", "text", "questions"]);
        for (const q of lesson.questions) {
          const withOptions = q.type === "multiple_choice" || q.type === "true_false";
          expect(Object.keys(q)).toEqual(
            withOptions ? ["id", "type", "prompt", "answer", "options", "source"] : ["id", "type", "prompt", "answer", "source"],
          );
          expect(Object.keys(q.source)).toEqual(["sentence", "line"]);
        }
      }
    }
  });

  it("prints a readable summary without --json", () => {
    const run = ingest(join(dir, "ok.md"));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Ferns +\(.*ok\.md\)\n\s+2 lessons/);
    expect(run.stdout).toContain("Spores");
  });

  it.each([
    ["empty.txt", /empty/],
    ["binary.txt", /binary/],
    ["latin1.txt", /not valid UTF-8/],
    ["huge.txt", /too large/],
    ["missing.txt", /no such file/],
  ])("refuses %s with one line on stderr, nothing on stdout and a non-zero exit", (name, reason) => {
    const run = ingest("--json", join(ROOT, "content/001_04f37381d6e57c17.txt"), join(dir, name));
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(name);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("refuses to run without files", () => {
    const run = ingest("--json");
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/usage/);
  });
});
