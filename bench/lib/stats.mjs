// Timing and statistics: medians, side-by-side repetitions (every contender
// timed in each repetition, in rotating order, ratios taken within one
// repetition), and compact number formatting.

import { performance } from "node:perf_hooks";

export function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds per call of `fn`, timed over `iterations` calls. */
export function timeBatch(fn, iterations) {
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) fn();
  return (performance.now() - start) / iterations;
}

/** Runs `fn` for about `ms` milliseconds; returns how many calls fit in `targetMs`. */
export function warmAndCalibrate(fn, ms, targetMs) {
  const start = performance.now();
  let calls = 0;
  do {
    fn();
    calls += 1;
  } while (performance.now() - start < ms);
  const perCall = (performance.now() - start) / calls;
  return Math.max(1, Math.round(targetMs / perCall));
}

/**
 * Times every contender (`{name: fn}`) side by side: a warm-up, then
 * `repetitions` rounds, each timing every contender once in a rotating order.
 * Returns `{ name: [ms per call, one per repetition] }`.
 */
export function sideBySide(contenders, { repetitions, warmupMs, batchMs }) {
  const names = Object.keys(contenders);
  const iterations = Object.fromEntries(names.map((name) => [name, warmAndCalibrate(contenders[name], warmupMs, batchMs)]));
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < repetitions; round += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(round + k) % names.length];
      samples[name].push(timeBatch(contenders[name], iterations[name]));
    }
  }
  return samples;
}

/** The median over repetitions of a / b, each ratio within one repetition. */
export function medianRatio(a, b) {
  return median(a.map((value, index) => value / b[index]));
}

export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** 1234567 → "1.23 M", 45678 → "45.7 k". */
export function compact(value) {
  if (value === null || value === undefined) return "–";
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return String(Math.round(value));
}

export function kb(bytes) {
  return bytes === null || bytes === undefined ? "–" : `${(bytes / 1024).toFixed(1)} KB`;
}
