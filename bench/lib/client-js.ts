/**
 * The JavaScript a phone downloads for a page: every module the HTML preloads
 * or imports (entry, root, the route and their shared chunks), fetched from
 * the server and gzipped at level 9 — what a CDN or the server's compression
 * would send at best. Cross-checked against the build manifest's import lists.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface ScriptSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface ClientJsReport {
  files: ScriptSize[];
  totalGzipBytes: number;
  /** gzip size of the inline <script> blocks in the HTML (context, manifest slice, route data). */
  inlineScriptGzipBytes: number;
  /** Modules the manifest lists for the entry, root and route that the HTML does not reference (should be empty). */
  missingFromHtml: string[];
}

/** /build/… module paths the HTML references through modulepreload links, script src and inline imports. */
export function scriptPathsIn(html: string): string[] {
  const paths = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) paths.add(m[1]);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) paths.add(m[1]);
  for (const m of html.matchAll(/import(?:\s*\*\s*as\s*\w+\s*from)?\s*\(?\s*"(\/build\/[^"]+\.js)"/g)) paths.add(m[1]);
  return [...paths].filter((p) => p.endsWith(".js"));
}

function inlineScripts(html: string): string {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
}

/** Modules the build manifest says the entry, root and these routes need. */
export function manifestModules(publicBuildDir: string, routeIds: string[]): string[] {
  const file = readdirSync(publicBuildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`No manifest-*.js in ${publicBuildDir}`);
  const text = readFileSync(join(publicBuildDir, file), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const modules = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const id of ["root", ...routeIds]) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`The manifest has no route ${id}`);
    modules.add(route.module);
    for (const m of route.imports ?? []) modules.add(m);
  }
  return [...modules];
}

export async function measureClientJs(
  html: string,
  fetchAsset: (path: string) => Promise<Buffer>,
  expected: string[],
): Promise<ClientJsReport> {
  const paths = scriptPathsIn(html);
  const files: ScriptSize[] = [];
  for (const path of paths) {
    const body = await fetchAsset(path);
    files.push({ path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    inlineScriptGzipBytes: gzipSync(inlineScripts(html), { level: 9 }).length,
    missingFromHtml: expected.filter((m) => !paths.includes(m)),
  };
}
