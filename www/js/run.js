// One run of the demo: the price of the plan before anything is sent, then
// the three lists fetched through the package, each with its own client so
// its progress, credits, requests and retries are its own. No DOM here:
// scripts/demo-summary.mjs runs the same code in Node.

import { RESOURCES, clientOptions } from "./providers.js";

/** The price of reading the first `maxItems` items of each list: { [resource]: {credits, requests, upstreamCalls} }. */
export function planRun({ createClient, provider, config, maxItems }) {
  const client = createClient(clientOptions(provider, config));
  const plan = {};
  for (const { id } of RESOURCES) plan[id] = client[id].estimate({ offset: 0, limit: maxItems });
  return plan;
}

/**
 * A fetch that records what came back: `sent` requests, and `failed`, one
 * entry per answer a retry can follow (a non-2xx status, or "network" when
 * the request itself failed). A run that ends well retried after each of them.
 */
export function recordingFetch(baseFetch = (input, init) => globalThis.fetch(input, init)) {
  const http = { sent: 0, failed: [] };
  const fetch = async (input, init) => {
    http.sent += 1;
    try {
      const response = await baseFetch(input, init);
      if (response.status < 200 || response.status > 299) http.failed.push(String(response.status));
      return response;
    } catch (error) {
      if (!init?.signal?.aborted) http.failed.push("network");
      throw error;
    }
  };
  return { fetch, http };
}

/**
 * Fetches the three lists at once. `onProgress(resource, progress)` as pages
 * arrive. Resolves (never rejects) to { [resource]: { ok: true, result, http }
 * | { ok: false, error, http } }; `signal` aborts all three.
 */
export async function runProvider({ createClient, provider, config, badKey = false, maxItems, signal, onProgress, baseFetch }) {
  const runs = RESOURCES.map(async ({ id }) => {
    const { fetch, http } = recordingFetch(baseFetch);
    try {
      const client = createClient(clientOptions(provider, config, { badKey, fetch }));
      const result = await client[id].collect({ maxItems, signal, onProgress: (progress) => onProgress?.(id, progress) });
      return [id, { ok: true, result, http }];
    } catch (error) {
      return [id, { ok: false, error, http }];
    }
  });
  return Object.fromEntries(await Promise.all(runs));
}

/** Sums of a run's outcome: items, credits, requests, and the first error (by list order). */
export function totals(outcome) {
  const sum = { items: 0, credits: 0, requests: 0, retries: 0, error: null };
  for (const { id } of RESOURCES) {
    const entry = outcome[id];
    if (!entry) continue;
    if (entry.ok) {
      sum.items += entry.result.items.length;
      sum.credits += entry.result.creditsUsed;
      sum.requests += entry.result.requests;
      sum.retries += entry.http.failed.length;
    } else {
      sum.credits += entry.error?.creditsUsed ?? 0;
      sum.requests += entry.http.sent;
      sum.error ??= entry.error;
    }
  }
  return sum;
}
