// The one behaviour suite every runtime harness runs: given the package's
// exports (however that runtime imported them) and the emulator's URL, it runs
// each case for each provider with fresh credentials and returns
// [{ case, provider, ok, detail }]. It talks to the emulator over HTTP only.

import { CASES } from "./cases.mjs";
import { emulatorControl } from "./emulator-http.mjs";

export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
export const CASE_NAMES = Object.keys(CASES);

/** Fresh credentials per case, so ledgers, logs and data never collide. */
export function credentialsFor(provider, tag) {
  const apiKey = `key-${tag}`;
  const account = `acct-${tag}`;
  const auth = provider === "linkup-v1" ? { apiKey, loginToken: account } : { apiKey, accountId: account };
  return { apiKey, account, auth };
}

function runTag(runtime, provider, caseName) {
  const slug = caseName.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  return `${runtime}-${provider}-${slug}-${Math.random().toString(36).slice(2, 8)}`;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error) {
  if (error && typeof error === "object" && typeof error.code === "string") return `${error.name} ${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function runCase(api, emu, { runtime, provider, caseName, caseTimeoutMs = 30000 }) {
  const { apiKey, account, auth } = credentialsFor(provider, runTag(runtime, provider, caseName));
  const ctx = {
    api,
    emu,
    provider,
    apiKey,
    account,
    client: (extra = {}) =>
      api.createClient({ provider, ...auth, baseUrl: emu.baseUrlFor(provider), retry: { baseDelayMs: 10 }, ...extra }),
  };
  try {
    const detail = await withTimeout(CASES[caseName](ctx), caseTimeoutMs, caseName);
    return { case: caseName, provider, ok: true, detail };
  } catch (error) {
    return { case: caseName, provider, ok: false, detail: describe(error) };
  }
}

/**
 * Runs the suite. `api`: the package's exports; options: `emulatorUrl`,
 * `runtime` (a name for tags), optional `providers` and `cases` subsets.
 */
export async function runSuite(api, { emulatorUrl, runtime, providers = PROVIDERS, cases = CASE_NAMES, caseTimeoutMs }) {
  const emu = emulatorControl(emulatorUrl);
  const unknown = cases.filter((name) => !CASES[name]);
  if (unknown.length) throw new Error(`unknown cases: ${unknown.join(", ")}`);
  const results = [];
  for (const provider of providers) {
    for (const caseName of cases) results.push(await runCase(api, emu, { runtime, provider, caseName, caseTimeoutMs }));
  }
  return results;
}
