// Fetch-all: collect whole lists from the emulator at a fixed latency per
// request, with the default concurrency and with 1, beside the latency floor
// (the fewest sequential request rounds the provider allows × the latency)
// and the credits the emulator's ledger charged beside estimateCredits. The
// emulator runs in its own process (its CPU is not the client's). A run at
// 0 ms latency shows what each request costs besides the wait.

import { baseUrl, credentials, PROVIDERS, QUICK } from "../lib/common.mjs";
import { startEmulatorProcess } from "../lib/emulator-process.mjs";
import { median, round } from "../lib/stats.mjs";

const LATENCY_MS = QUICK ? 5 : 100;
const REPETITIONS = QUICK ? 1 : 3;
const DEFAULT_CONCURRENCY = 4; // SPEC §3, the package's default
const LISTS = [
  { resource: "connections", size: 1201 },
  { resource: "sentInvitations", size: 145 },
];

/**
 * Fewest sequential rounds: where the first page reports the total (linkup),
 * the first request, then the other calls `concurrency` at a time. Where no
 * total ever comes, one call after another: on ConnectSafely ("more" = the
 * page came back full) plus an empty call when the last page is full; on
 * Unipile (a cursor chain that ends with a null cursor) no more.
 */
function floorRounds(provider, calls, concurrency, size, pageSize) {
  if (provider === "connectsafely") return calls + (size % pageSize === 0 ? 1 : 0);
  if (provider === "unipile") return calls;
  return 1 + Math.ceil((calls - 1) / concurrency);
}

/**
 * Fewest rounds of a read that keeps the two rules the library holds while a
 * list's length is unknown (tests/client_rounds.rs proves a run takes exactly
 * these): linkup-v1 bills every page asked for, so it pays only for pages that
 * exist by probing one page of 10 first, then up to ten pages a call;
 * ConnectSafely gives no total, so to notice items removed before its position
 * each read after the first starts on the last item read (`pageSize − 1` new
 * items a read) until a page comes back short. Elsewhere the plain floor.
 */
function checkedFloorRounds(provider, calls, concurrency, size, pageSize) {
  if (provider === "connectsafely") return size < pageSize ? 1 : Math.floor((size - pageSize) / (pageSize - 1)) + 2;
  if (provider === "linkup-v1") {
    const pages = Math.max(1, Math.ceil(size / 10));
    return 1 + Math.ceil(Math.ceil((pages - 1) / 10) / concurrency);
  }
  return floorRounds(provider, calls, concurrency, size, pageSize);
}

async function collectOnce(api, emulator, provider, resource, concurrency, run, options = { maxItems: 10_000 }) {
  const apiKey = `bench-${provider}-${resource}-${concurrency}-${run}`;
  const client = api.createClient({ provider, baseUrl: baseUrl(provider, emulator.url), ...credentials(provider, apiKey), concurrency });
  const start = performance.now();
  const result = await client[resource].collect(options);
  const wallMs = performance.now() - start;
  return { wallMs, items: result.items.length, complete: result.complete, requests: result.requests, creditsReported: result.creditsUsed, ledger: await emulator.ledger(apiKey) };
}

/** Median wall time of `REPETITIONS` collects at 0 ms latency: the cost of the requests themselves. */
async function overheadMs(api, emulator, provider, resource, concurrency) {
  const runs = [];
  for (let run = 0; run < REPETITIONS; run += 1) runs.push((await collectOnce(api, emulator, provider, resource, concurrency, `zero-${run}`)).wallMs);
  return median(runs);
}

export async function runFetchAll({ api }) {
  const emulator = await startEmulatorProcess({ latencyMs: 0 });
  const rows = [];
  try {
    // Warm-up (JIT, the emulator's lazily built lists), and the 0 ms runs.
    // A whole-list collect asks for more than the list; estimateCredits is
    // asked for its `size` items: the run of that same input is a collect
    // with maxItems = size, counted here (its requests do not depend on the
    // latency). A provider without a total learns where the list ends only
    // from a page that comes back short: when the last one is full, the
    // whole-list collect makes one more call past it.
    const zero = {};
    const bounded = {};
    for (const provider of PROVIDERS) {
      for (const { resource, size } of LISTS) {
        await collectOnce(api, emulator, provider, resource, DEFAULT_CONCURRENCY, "warm-up");
        for (const concurrency of [DEFAULT_CONCURRENCY, 1]) {
          bounded[`${provider}/${resource}/${concurrency}`] = (await collectOnce(api, emulator, provider, resource, concurrency, "bounded", { maxItems: size })).requests;
        }
        if (QUICK) continue;
        for (const concurrency of [DEFAULT_CONCURRENCY, 1]) zero[`${provider}/${resource}/${concurrency}`] = await overheadMs(api, emulator, provider, resource, concurrency);
      }
    }
    await emulator.configure({ latencyMs: LATENCY_MS });
    for (const provider of PROVIDERS) {
      for (const { resource, size } of LISTS) {
        const plan = api.planRequests({ provider, resource, offset: 0, limit: size });
        const estimate = api.estimateCredits({ provider, resource, offset: 0, limit: size });
        for (const concurrency of [DEFAULT_CONCURRENCY, 1]) {
          const runs = [];
          for (let run = 0; run < REPETITIONS; run += 1) runs.push(await collectOnce(api, emulator, provider, resource, concurrency, run));
          const rounds = floorRounds(provider, plan.length, concurrency, size, plan[0].count);
          const floorMs = rounds * LATENCY_MS;
          const checkedRounds = checkedFloorRounds(provider, plan.length, concurrency, size, plan[0].count);
          const wallMs = median(runs.map((r) => r.wallMs));
          const last = runs[runs.length - 1];
          rows.push({
            provider, resource, size, concurrency,
            items: last.items, complete: last.complete,
            wallMs: round(wallMs, 0), zeroLatencyMs: round(zero[`${provider}/${resource}/${concurrency}`] ?? null, 0), floorRounds: rounds, floorMs, ratioToFloor: round(wallMs / floorMs),
            checkedFloorRounds: checkedRounds, ratioToCheckedFloor: round(wallMs / (checkedRounds * LATENCY_MS)),
            requests: last.requests, plannedRequests: estimate.requests, boundedRequests: bounded[`${provider}/${resource}/${concurrency}`],
            credits: last.ledger.credits, creditsReported: last.creditsReported, creditsFloor: estimate.credits,
            wallMsRuns: runs.map((r) => round(r.wallMs, 0)),
          });
        }
      }
    }
  } finally {
    await emulator.stop();
  }
  return { latencyMs: LATENCY_MS, repetitions: REPETITIONS, defaultConcurrency: DEFAULT_CONCURRENCY, rows };
}
