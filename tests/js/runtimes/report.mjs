#!/usr/bin/env node
// Prints the cases × runtimes table from test-output/runtimes/*.json and exits
// non-zero when any case failed or an expected runtime recorded nothing.
// Usage: node tests/js/runtimes/report.mjs [runtime ...]  (default: the five below)

import { existsSync, readFileSync } from "node:fs";
import { RESULTS_DIR } from "./support/results.mjs";

const runtimes = process.argv.length > 2 ? process.argv.slice(2) : ["node", "chromium-page", "mv3-extension", "workerd", "vite"];

const records = runtimes.map((runtime) => {
  const file = `${RESULTS_DIR}${runtime}.json`;
  return { runtime, results: existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).results : null };
});

const rows = [];
for (const { results } of records) {
  for (const result of results ?? []) {
    const label = result.provider ? `${result.case} [${result.provider}]` : result.case;
    if (!rows.includes(label)) rows.push(label);
  }
}

const cell = (results, label) => {
  const found = results?.find((r) => (r.provider ? `${r.case} [${r.provider}]` : r.case) === label);
  if (!found) return "·";
  return found.ok ? "pass" : "FAIL";
};

const width = Math.max(4, ...rows.map((row) => row.length));
const columns = records.map(({ runtime }) => Math.max(runtime.length, 4));
const line = (first, cells) => `${first.padEnd(width)} | ${cells.map((c, i) => c.padEnd(columns[i])).join(" | ")}`;
console.log(line("case [provider]", runtimes));
console.log(`${"-".repeat(width)}-+-${columns.map((w) => "-".repeat(w)).join("-+-")}`);
for (const row of rows) console.log(line(row, records.map(({ results }) => cell(results, row))));

let failed = false;
for (const { runtime, results } of records) {
  if (!results || results.length === 0) {
    console.log(`\n${runtime}: recorded nothing (its harness did not run or crashed before its first case)`);
    failed = true;
    continue;
  }
  for (const result of results.filter((r) => !r.ok)) {
    console.log(`\n${runtime} FAIL ${result.provider ? `[${result.provider}] ` : ""}${result.case}:\n  ${result.detail}`);
    failed = true;
  }
}
console.log(failed ? "\n[runtimes] FAILED" : `\n[runtimes] ${rows.length} cases × ${runtimes.length} runtimes: all passed ("·" = not run there)`);
process.exit(failed ? 1 : 0);
