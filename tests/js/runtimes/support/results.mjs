// Where each runtime harness records its cases (test-output/runtimes/<runtime>.json,
// read by ../report.mjs for the cases × runtimes table) and how it turns them
// into node:test subtests that fail the run.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bounded } from "./bounded.mjs";

export const RESULTS_DIR = fileURLToPath(new URL("../../../../test-output/runtimes/", import.meta.url));

function fileOf(runtime) {
  return `${RESULTS_DIR}${runtime}.json`;
}

/** Appends results to a runtime's record; written at once, so a crash later still leaves them. */
export function record(runtime, results) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let previous = [];
  try {
    previous = JSON.parse(readFileSync(fileOf(runtime), "utf8")).results;
  } catch {
    previous = [];
  }
  const kept = previous.filter((old) => !results.some((fresh) => fresh.case === old.case && fresh.provider === old.provider));
  writeFileSync(fileOf(runtime), `${JSON.stringify({ runtime, results: [...kept, ...results] }, null, 2)}\n`);
}

/** Starts a runtime's record afresh (one run of its harness). */
export function resetRecord(runtime) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(fileOf(runtime), `${JSON.stringify({ runtime, results: [] })}\n`);
}

/** Records the results, then one subtest per result that fails with its detail. */
export async function reportCases(t, runtime, results) {
  record(runtime, results);
  for (const result of results) {
    const name = result.provider ? `${result.provider}: ${result.case}` : result.case;
    await t.test(name, () => assert.ok(result.ok, result.detail));
  }
}

/** Runs one harness-level check as a recorded case: its detail is the returned string or the error. */
export async function checkCase(t, runtime, caseName, body) {
  let result;
  try {
    result = { case: caseName, provider: null, ok: true, detail: String((await body()) ?? "ok") };
  } catch (error) {
    result = { case: caseName, provider: null, ok: false, detail: error?.stack ?? String(error) };
  }
  await reportCases(t, runtime, [result]);
  return result.ok;
}

/**
 * Runs the suite in a runtime (`run` resolves to its results) within
 * `timeoutMs`; a suite that throws, hangs or answers something else is
 * recorded as one failed "suite run" case.
 */
export async function reportSuite(t, runtime, run, timeoutMs = 100000) {
  let results;
  try {
    results = await bounded(run(), timeoutMs, `the suite in ${runtime}`);
    if (!Array.isArray(results) || results.length === 0) throw new Error(`the suite answered ${JSON.stringify(results)}`);
  } catch (error) {
    results = [{ case: "suite run", provider: null, ok: false, detail: error?.stack ?? String(error) }];
  }
  await reportCases(t, runtime, results);
}
