// Shared by the Node tests of the built package: the package itself (through
// its Node entry, as `import "linkedin-network"` resolves it in Node), the
// emulator, each provider's client options, and the emulator's truth in the
// order and selection each provider lists it. Outside `*.test.mjs`, so
// `node --test` never runs it as a test file.

import { after } from "node:test";
// The emulator as users get it: linkedin-network/testing (built from tests/emulator).
import { startEmulator } from "../../../../pkg/testing/index.js";
import { createContract } from "../../types/contract.mjs";
import { loadShippedDeclarations } from "../../types/runtime-check.mjs";

export { captureOutput, errorTexts } from "../../support/capture.mjs";

export const PACKAGE_ENTRY = new URL("../../../../pkg/dist/node.js", import.meta.url);
export const ln = await import(PACKAGE_ENTRY.href);
export const { LinkedInNetworkError } = ln;

// Every function the tests call is checked against pkg/index.d.ts as it runs
// (tests/js/types/contract.mjs): what it returns, resolves, yields, passes to
// onProgress and throws must be exactly the declared type. A mismatch fails
// the call that produced it, and the file (its exit code) even if a test
// caught it. Not by throwing in `after`: that would skip the file's own
// `after` hooks (an emulator left open keeps the process alive).
const contract = createContract(loadShippedDeclarations());
export const createClient = contract.wrapDeclared("createClient", ln.createClient);
export const ready = contract.wrapDeclared("ready", ln.ready);
export const buildRequest = contract.wrapDeclared("buildRequest", ln.buildRequest);
export const parseResponse = contract.wrapDeclared("parseResponse", ln.parseResponse);
export const planRequests = contract.wrapDeclared("planRequests", ln.planRequests);
export const estimateCredits = contract.wrapDeclared("estimateCredits", ln.estimateCredits);
export const diffSnapshots = contract.wrapDeclared("diffSnapshots", ln.diffSnapshots);

after(() => {
  const { checked, mismatches } = contract.stats;
  console.log(`# d.ts runtime check: ${checked} values validated against index.d.ts, ${mismatches.length} mismatches`);
  if (mismatches.length > 0) {
    console.error(`values that do not match pkg/index.d.ts:\n${mismatches.join("\n")}`);
    process.exitCode = 1;
  }
});

/** The emulator's fixed clock: relative times resolve against it. */
export const NOW = "2026-04-26T10:35:00.000Z";
export const NOW_MS = Date.parse(NOW);
export const DAY_MS = 24 * 60 * 60 * 1000;

export const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];

/** The data account every provider test reads (v2 and Unipile account_id, v1 login_token, ConnectSafely accountId). */
export const ACCOUNT = "acct-node-1";

export function start(options = {}) {
  return startEmulator({ seed: 1, now: NOW, ...options });
}

let keyCounter = 0;
/** A fresh API key per test, so ledgers never mix. */
export function freshKey(label) {
  keyCounter += 1;
  return `key-${label}-${process.pid}-${keyCounter}`;
}

/**
 * Each provider: its id, how a client is pointed at the emulator, and which
 * invitations it lists by default (linkup and Unipile: CONNECTION only; ConnectSafely: all).
 */
export const PROVIDERS = [
  {
    id: "linkup-v2",
    // Actions (SPEC §9): whether it can ignore a received invitation; whether an action costs credits.
    ignores: false,
    hasCredits: true,
    hasTotal: true,
    options: (emu, { apiKey, account = ACCOUNT }) => ({ provider: "linkup-v2", apiKey, accountId: account, baseUrl: emu.url }),
    timeKey: "linkupV2",
    urlKey: "linkupV2",
    lists: (item) => item.linkupType === "CONNECTION",
    path: { sentInvitations: "/v2/network", receivedInvitations: "/v2/network", connections: "/v2/network" },
  },
  {
    id: "linkup-v1",
    ignores: false,
    hasCredits: true,
    hasTotal: true,
    options: (emu, { apiKey, account = ACCOUNT }) => ({ provider: "linkup-v1", apiKey, loginToken: account, baseUrl: emu.url }),
    timeKey: "linkupV1",
    urlKey: "linkupV1",
    lists: (item) => item.linkupType === "CONNECTION",
    path: { sentInvitations: "/v1/network/sent-invitations", receivedInvitations: "/v1/network/invitations", connections: "/v1/network/connections" },
  },
  {
    id: "connectsafely",
    ignores: true,
    hasCredits: false,
    hasTotal: false,
    options: (emu, { apiKey, account = ACCOUNT }) => ({ provider: "connectsafely", apiKey, accountId: account, baseUrl: `${emu.url}/linkedin` }),
    timeKey: "connectsafely",
    urlKey: "connectsafely",
    lists: () => true,
    path: { sentInvitations: "/linkedin/invitations/sent", receivedInvitations: "/linkedin/invitations/received", connections: "/linkedin/connections" },
  },
  {
    id: "unipile",
    ignores: true,
    hasCredits: false,
    options: (emu, { apiKey, account = ACCOUNT }) => ({ provider: "unipile", apiKey, accountId: account, baseUrl: emu.url }),
    // Its `date` is the text linkup-v1 shows; `parsed_datetime` the instant beside it.
    timeKey: "linkupV1",
    urlKey: "unipile",
    // Unipile lists connection invitations only (the emulator's received list hides the rest).
    lists: (item) => item.type === "CONNECTION",
    hasTotal: false,
    exactTimes: true,
    path: { sentInvitations: "/api/v1/users/invite/sent", receivedInvitations: "/api/v1/users/invite/received", connections: "/api/v1/users/relations" },
  },
];

export function providerById(id) {
  const provider = PROVIDERS.find((entry) => entry.id === id);
  if (!provider) throw new Error(`no provider ${id}`);
  return provider;
}

/** A client of `provider` on `emu` with a fresh key; extra options override. */
export function clientFor(emu, provider, { apiKey = freshKey(provider.id), account, ...extra } = {}) {
  return { apiKey, client: createClient({ ...provider.options(emu, { apiKey, account }), ...extra }) };
}

/** The emulator's truth for one list, as this provider lists it by default, in list order. */
/** The profile URLs of delivered items, to compare with `truthUrls`. */
export const urls = (items) => items.map((item) => item.person.profileUrl);
/** The same URLs from the emulator's truth (`truthOf`). */
export const truthUrls = (items) => items.map((item) => item.person.canonicalUrl);

export function truthOf(emu, provider, resource, account = ACCOUNT) {
  const all = emu.data(account, resource);
  return resource === "connections" ? all : all.filter(provider.lists);
}

/** What identifies an item exactly once: the id of an invitation, the canonical URL of a connection. */
export function identity(resource, item) {
  return resource === "connections" ? item.person.profileUrl : item.id;
}

export function truthIdentity(resource, truthItem) {
  return resource === "connections" ? truthItem.person.canonicalUrl : truthItem.id;
}

/** Requests the emulator logged for one API key. */
export function requestsOf(emu, apiKey) {
  return emu.requests().filter((entry) => entry.apiKey === apiKey);
}

/** Resolves to the error `promise` rejected with; fails if it resolved. */
export async function rejection(promise) {
  let value;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 200)}`);
}

/** Runs an async iterator to its end (or first error), returning the items. */
export async function drain(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
