// Start-up: import → ready() in Node (a fresh process per sample, timed from
// inside) and in workerd through Miniflare (a Worker importing the package's
// `workerd` entry; it times its own module evaluation with a clock module
// imported first, and Miniflare's boot is timed from outside, beside a Worker
// without the package). Cloudflare allows a Worker 1 s to start.

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { OUT_DIR, QUICK, ROOT } from "../lib/common.mjs";
import { entryPath } from "../lib/package.mjs";
import { median, round } from "../lib/stats.mjs";

const NODE_SAMPLES = QUICK ? 2 : 15;
const WORKERD_SAMPLES = QUICK ? 1 : 5;
const CLOUDFLARE_LIMIT_MS = 1000;

function nodeSamples() {
  const child = `${ROOT}bench/children/node-startup.mjs`;
  const entry = pathToFileURL(entryPath("node")).href;
  const inside = [];
  const outside = [];
  const bare = [];
  for (let i = 0; i < NODE_SAMPLES; i += 1) {
    let start = performance.now();
    const line = execFileSync(process.execPath, [child, entry], { encoding: "utf8" });
    outside.push(performance.now() - start);
    inside.push(JSON.parse(line.trim().split("\n").pop()).importToReadyMs);
    start = performance.now();
    execFileSync(process.execPath, ["-e", ""]);
    bare.push(performance.now() - start);
  }
  return {
    samples: NODE_SAMPLES,
    importToReadyMs: round(median(inside)),
    importToReadyMsRuns: inside.map((v) => round(v)),
    processSpawnToExitMs: round(median(outside), 0),
    emptyNodeProcessMs: round(median(bare), 0),
  };
}

function writeWorkers() {
  const dir = `${OUT_DIR}workerd/`;
  mkdirSync(dir, { recursive: true });
  const entry = relative(dir, entryPath("workerd")).replaceAll("\\", "/");
  writeFileSync(`${dir}clock.mjs`, "export const start = Date.now();\n");
  writeFileSync(`${dir}with-package.mjs`, [
    'import { start } from "./clock.mjs";',
    `import { ready, estimateCredits } from "${entry.startsWith(".") ? entry : `./${entry}`}";`,
    "const evaluated = Date.now();",
    "export default {",
    "  async fetch() {",
    "    await ready();",
    '    const { credits } = estimateCredits({ provider: "linkup-v2", resource: "connections", offset: 0, limit: 250 });',
    "    return Response.json({ evaluationMs: evaluated - start, credits });",
    "  },",
    "};",
    "",
  ].join("\n"));
  writeFileSync(`${dir}without-package.mjs`, [
    'import { start } from "./clock.mjs";',
    "const evaluated = Date.now();",
    "export default { async fetch() { return Response.json({ evaluationMs: evaluated - start }); } };",
    "",
  ].join("\n"));
  return { withPackage: `${dir}with-package.mjs`, withoutPackage: `${dir}without-package.mjs` };
}

async function bootOnce(Miniflare, scriptPath) {
  const start = performance.now();
  const mf = new Miniflare({
    modules: true, scriptPath, modulesRoot: ROOT, compatibilityDate: "2025-01-01", cf: false,
    modulesRules: [{ type: "ESModule", include: ["**/*.js", "**/*.mjs"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
  });
  try {
    await mf.ready;
    const readyMs = performance.now() - start;
    const response = await mf.dispatchFetch("http://bench.local/");
    const body = await response.json();
    return { readyMs, firstResponseMs: performance.now() - start, ...body };
  } finally {
    await mf.dispose();
  }
}

async function workerdSamples() {
  let Miniflare;
  try {
    ({ Miniflare } = await import("miniflare"));
  } catch (error) {
    return { error: `miniflare is not installed: ${error.message}` };
  }
  const scripts = writeWorkers();
  const withPackage = [];
  const withoutPackage = [];
  for (let i = 0; i < WORKERD_SAMPLES; i += 1) {
    withPackage.push(await bootOnce(Miniflare, scripts.withPackage));
    withoutPackage.push(await bootOnce(Miniflare, scripts.withoutPackage));
  }
  const pick = (runs, key) => round(median(runs.map((run) => run[key])), 1);
  return {
    samples: WORKERD_SAMPLES,
    moduleEvaluationMs: pick(withPackage, "evaluationMs"),
    moduleEvaluationMsRuns: withPackage.map((run) => run.evaluationMs),
    emptyWorkerEvaluationMs: pick(withoutPackage, "evaluationMs"),
    miniflareFirstResponseMs: pick(withPackage, "firstResponseMs"),
    emptyWorkerFirstResponseMs: pick(withoutPackage, "firstResponseMs"),
    packageAddsMs: round(median(withPackage.map((run, i) => run.firstResponseMs - withoutPackage[i].firstResponseMs)), 1),
  };
}

export async function runStartup() {
  const node = nodeSamples();
  const workerd = await workerdSamples();
  return { cloudflareLimitMs: CLOUDFLARE_LIMIT_MS, node, workerd };
}
