// `make bench`: every benchmark, a markdown report on stdout and the raw
// results in bench/out/results.json (and results.md). QUICK=1 runs each
// section briefly to prove the harness works; it asserts nothing about speed.
// BENCH_ONLY=parse,startup runs some sections only.

import { mkdirSync, writeFileSync } from "node:fs";
import { OUT_DIR, QUICK } from "./lib/common.mjs";
import { describeMachine } from "./lib/machine.mjs";
import { loadPackage } from "./lib/package.mjs";
import { renderMarkdown } from "./lib/report.mjs";
import { runCriterion } from "./sections/criterion.mjs";
import { runFetchAll } from "./sections/fetch-all.mjs";
import { runMemory } from "./sections/memory.mjs";
import { runParse } from "./sections/parse.mjs";
import { runPayload } from "./sections/payload.mjs";
import { runStartup } from "./sections/startup.mjs";
import { runSyncDay } from "./sections/sync-day.mjs";

const SECTIONS = [
  ["payload", () => runPayload()],
  ["parse", (pkg) => runParse(pkg)],
  ["criterion", () => runCriterion()],
  ["fetchAll", (pkg) => runFetchAll(pkg)],
  ["startup", () => runStartup()],
  ["memory", () => runMemory()],
  ["syncDay", (pkg) => runSyncDay(pkg)],
];

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const started = performance.now();
const results = { quick: QUICK, machine: describeMachine(), sections: {}, seconds: {}, errors: {} };
const pkg = await loadPackage();
for (const [name, run] of SECTIONS) {
  if (only && !only.has(name)) continue;
  const sectionStart = performance.now();
  process.stderr.write(`[bench] ${name}…\n`);
  try {
    results.sections[name] = await run(pkg);
  } catch (error) {
    results.errors[name] = error.stack ?? String(error);
  }
  results.seconds[name] = Math.round((performance.now() - sectionStart) / 100) / 10;
}
results.seconds.total = Math.round((performance.now() - started) / 100) / 10;

const markdown = renderMarkdown(results);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(`${OUT_DIR}results.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${OUT_DIR}results.md`, `${markdown}\n`);
console.log(markdown);
console.log(`\n_${results.seconds.total} s in all (${Object.entries(results.seconds).filter(([k]) => k !== "total").map(([k, v]) => `${k} ${v} s`).join(", ")}); raw results: bench/out/results.json_`);
process.exitCode = Object.keys(results.errors).length ? 1 : 0;
