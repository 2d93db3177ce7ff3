// Native Rust: `cargo bench --bench parse` (criterion) on the same fixtures,
// read back from criterion's estimates. Stages: json (the text into a
// document), page (json + normalize), json_api (page + options + JSON out).
// QUICK mode skips it: `make lint`'s clippy --all-targets already compiles it.

import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { PROVIDERS, QUICK, RESOURCES, ROOT } from "../lib/common.mjs";
import { round } from "../lib/stats.mjs";

const STAGES = ["json", "page", "json_api"];
const SETTINGS = { BENCH_WARMUP_MS: "500", BENCH_MEASURE_MS: "2000", BENCH_SAMPLES: "30" };

function estimate(dir, since) {
  const path = `${dir}/new/estimates.json`;
  try {
    if (statSync(path).mtimeMs < since) return null;
    return JSON.parse(readFileSync(path, "utf8")).median.point_estimate;
  } catch {
    return null;
  }
}

export async function runCriterion() {
  if (QUICK) return { skipped: "QUICK mode" };
  const since = Date.now() - 1000;
  const started = performance.now();
  const result = spawnSync("cargo", ["bench", "--bench", "parse"], { cwd: ROOT, env: { ...process.env, ...SETTINGS }, encoding: "utf8", maxBuffer: 16 << 20 });
  if (result.status !== 0) return { error: `cargo bench failed (${result.status}): ${(result.stderr ?? "").trim().split("\n").slice(-5).join(" | ")}` };
  const target = process.env.CARGO_TARGET_DIR ?? `${ROOT}target`;
  const cases = [];
  for (const provider of PROVIDERS) {
    for (const resource of RESOURCES) {
      const micros = {};
      for (const stage of STAGES) {
        const ns = estimate(`${target}/criterion/${provider}_${resource}/${stage}`, since);
        micros[stage] = ns === null ? null : round(ns / 1000, 1);
      }
      const normalize = micros.page !== null && micros.json !== null ? round(micros.page - micros.json, 1) : null;
      const writeJson = micros.json_api !== null && micros.page !== null ? round(micros.json_api - micros.page, 1) : null;
      cases.push({ provider, resource, micros: { ...micros, normalize, writeJson }, itemsPerSecond: micros.json_api ? round(100 / (micros.json_api / 1e6), 0) : null });
    }
  }
  return { settings: SETTINGS, seconds: round((performance.now() - started) / 1000, 0), cases };
}
