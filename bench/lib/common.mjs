// Shared constants of the benchmark harness: paths, providers, the fixed
// clock of every emulator it starts, and how much work QUICK mode does.

import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const OUT_DIR = `${ROOT}bench/out/`;
export const PKG_DIR = `${ROOT}pkg/`;
export const FIXTURE_DIR = `${ROOT}benches/fixtures/`;

export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
export const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];

// One clock for every emulator the harness starts: bodies are byte-identical
// from run to run, and relative times resolve the same way.
export const SEED = 1;
export const NOW = "2026-04-26T10:35:00Z";
export const DATE_HEADER = "Sun, 26 Apr 2026 10:35:00 GMT";

// QUICK=1 proves the harness runs (CI); it asserts nothing about speed.
export const QUICK = process.env.QUICK === "1";

/** Credentials each provider needs; a fresh `apiKey` gets a fresh ledger on the emulator. */
export function credentials(provider, apiKey = "bench-key") {
  switch (provider) {
    case "linkup-v2":
      return { apiKey, accountId: "bench-account" };
    case "linkup-v1":
      return { apiKey, loginToken: "bench-login-token" };
    case "unipile":
      return { apiKey, accountId: "bench-account" };
    default:
      return { apiKey };
  }
}

/** Where a client points for this provider on an emulator at `url`. */
export function baseUrl(provider, url) {
  return provider === "connectsafely" ? `${url}/linkedin` : url;
}

/** A fixture file name: `linkup-v2.sentInvitations.json`. */
export function fixtureName(provider, resource) {
  return `${provider}.${resource}.json`;
}
