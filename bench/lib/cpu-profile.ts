/**
 * Where the server's CPU went, from the V8 profile `node --cpu-prof` writes:
 * self time by function and by package, and inclusive time of chosen
 * functions (a function counted once per sample however deep it recurses).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Busy time: everything but (idle). */
  busyMs: number;
  selfByFunction: Array<{ name: string; ms: number }>;
  selfByPackage: Array<{ name: string; ms: number }>;
  inclusive: Array<{ name: string; ms: number }>;
}

/** "drizzle-orm", "app (build/index.js)", "node:internal", "(garbage collector)", … */
function packageOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.endsWith("/build/index.js")) return "app (build/index.js)";
  return url.split("/").slice(-1)[0];
}

function label(frame: ProfileNode["callFrame"]): string {
  const file = frame.url ? frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(build\/)/, "$1") : "";
  return `${frame.functionName || "(anonymous)"}${file ? ` ${file}:${frame.lineNumber + 1}` : ""}`;
}

function top(map: Map<string, number>, n: number) {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000 }));
}

export function summarizeCpuProfile(path: string, inclusiveOf: string[], n = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfFn = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const incl = new Map<string, number>(inclusiveOf.map((name) => [name, 0]));
  const wanted = new Set(inclusiveOf);
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the delta to the next one
    const node = byId.get(profile.samples[i]);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    busy += us;
    const fn = label(node.callFrame);
    selfFn.set(fn, (selfFn.get(fn) ?? 0) + us);
    const pkg = packageOf(node.callFrame);
    selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id)!.callFrame.functionName;
      if (wanted.has(name) && !seen.has(name)) {
        seen.add(name);
        incl.set(name, incl.get(name)! + us);
      }
    }
  }
  return {
    busyMs: busy / 1000,
    selfByFunction: top(selfFn, n),
    selfByPackage: top(selfPkg, n),
    inclusive: [...incl].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 })),
  };
}
