// Invalid input is refused before anything is sent: INVALID_INPUT, a message
// naming the field (and the accepted values where there is a list), and an
// empty emulator log.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LinkedInNetworkError, createClient, estimateCredits, planRequests, start } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const v2 = () => ({ provider: "linkup-v2", apiKey: "valid-key", accountId: "acct-1", baseUrl: emu.url });
const v1 = () => ({ provider: "linkup-v1", apiKey: "valid-key", loginToken: "token-1", baseUrl: emu.url });
const cs = () => ({ provider: "connectsafely", apiKey: "valid-key", baseUrl: `${emu.url}/linkedin` });
const client = (options = v2()) => createClient(options);

/** The error of a call that may throw, reject, or fail while being iterated. */
async function failure(call) {
  try {
    const value = call();
    if (value && typeof value[Symbol.asyncIterator] === "function") {
      for await (const _item of value) {
        // draining: an invalid run must fail before its first item
      }
    } else {
      await value;
    }
  } catch (error) {
    return error;
  }
  return null;
}

// [what, call, a pattern the message must match]
const CASES = [
  ["unknown provider", () => createClient({ ...v2(), provider: "linkup-v3" }), /provider.*"linkup-v2".*"linkup-v1".*"connectsafely"/],
  ["no provider", () => createClient({ apiKey: "k", accountId: "a" }), /provider/],
  ["linkup-v2 without apiKey", () => createClient({ ...v2(), apiKey: undefined }), /apiKey/],
  ["linkup-v1 without apiKey", () => createClient({ ...v1(), apiKey: undefined }), /apiKey/],
  ["connectsafely without apiKey", () => createClient({ ...cs(), apiKey: undefined }), /apiKey/],
  ["an empty apiKey", () => createClient({ ...v2(), apiKey: "" }), /apiKey/],
  ["linkup-v2 without accountId", () => createClient({ ...v2(), accountId: undefined }), /accountId/],
  ["linkup-v1 without loginToken", () => createClient({ ...v1(), loginToken: undefined }), /loginToken/],
  ["http baseUrl that is not loopback", () => createClient({ ...v2(), baseUrl: "http://api.example.com" }), /baseUrl/],
  ["baseUrl that is not a URL", () => createClient({ ...v2(), baseUrl: "not a url" }), /baseUrl/],
  ["unknown option of createClient", () => createClient({ ...v2(), acountId: "typo" }), /acountId/],
  [
    "unknown option of createClient: the message lists every accepted option",
    () => createClient({ ...v2(), acountId: "typo" }),
    new RegExp(["provider", "apiKey", "accountId", "loginToken", "country", "baseUrl", "fetch", "retry", "timeoutMs", "concurrency"].map((name) => `(?=.*\\b${name}\\b)`).join("")),
  ],
  ["retry.maxAttempts 0", () => createClient({ ...v2(), retry: { maxAttempts: 0 } }), /maxAttempts/],
  ["concurrency 0", () => createClient({ ...v2(), concurrency: 0 }), /concurrency/],
  ["list: limit 0", () => client().sentInvitations.list({ limit: 0 }), /limit/],
  ["list: limit 10001", () => client().sentInvitations.list({ limit: 10001 }), /limit/],
  ["list: limit 1.5", () => client().sentInvitations.list({ limit: 1.5 }), /limit/],
  ["list: limit as text", () => client().sentInvitations.list({ limit: "10" }), /limit/],
  ["list: limit NaN", () => client().sentInvitations.list({ limit: NaN }), /limit/],
  ["list: negative offset", () => client().connections.list({ offset: -1 }), /offset/],
  ["list: unknown option", () => client().connections.list({ limt: 10 }), /limt/],
  ["list: invitationType on connections", () => client().connections.list({ invitationType: "CONNECTION" }), /invitationType/],
  ["list: unknown invitationType", () => client().sentInvitations.list({ invitationType: "FRIEND" }), /invitationType.*CONNECTION/],
  ["list: a type connectsafely cannot filter by", () => client(cs()).sentInvitations.list({ invitationType: "ORGANIZATION" }), /invitationType.*connectsafely/],
  ["collect: negative offset", () => client().connections.collect({ offset: -1 }), /offset/],
  ["collect: maxItems 0", () => client().connections.collect({ maxItems: 0 }), /maxItems/],
  ["collect: unknown option", () => client().connections.collect({ maxItem: 5 }), /maxItem/],
  ["collect: a cursor that is not one", () => client().connections.collect({ cursor: "garbage" }), /cursor/],
  ["collect: invitationType on connections", () => client().connections.collect({ invitationType: "CONNECTION", maxItems: 20 }), /invitationType/],
  ["collect: unknown invitationType", () => client().sentInvitations.collect({ invitationType: "FRIEND", maxItems: 20 }), /invitationType/],
  ["collect: invitationType on connectsafely's received list", () => client(cs()).receivedInvitations.collect({ invitationType: "CONNECTION", maxItems: 20 }), /invitationType.*connectsafely/],
  ["iterate: unknown option", () => client().connections.iterate({ limit: 5 }), /limit/],
  ["iterate: onProgress not a function", () => client().connections.iterate({ onProgress: 5 }), /onProgress/],
  ["collect: onProgress not a function", () => client().connections.collect({ onProgress: "log", maxItems: 20 }), /onProgress must be a function/],
  ["createClient: another provider's credential", () => createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a", loginToken: "t", baseUrl: emu.url }), /loginToken is not an option of linkup-v2/],
  ["iterate: invitationType on connections", () => client().connections.iterate({ invitationType: "CONNECTION", maxItems: 20 }), /invitationType/],
  ["iterate: unknown invitationType", () => client(v1()).receivedInvitations.iterate({ invitationType: "FRIEND", maxItems: 20 }), /invitationType/],
  ["estimate: limit 0", () => client().connections.estimate({ limit: 0 }), /limit/],
  ["estimate: invitationType on connections", () => client().connections.estimate({ invitationType: "CONNECTION" }), /invitationType/],
  ["planRequests: unknown resource", () => planRequests({ provider: "linkup-v2", resource: "followers", limit: 10 }), /resource.*sentInvitations/],
  ["estimateCredits: unknown provider", () => estimateCredits({ provider: "linkedin", resource: "connections", limit: 10 }), /provider/],
];

describe("invalid input: INVALID_INPUT naming the field, nothing sent", () => {
  for (const [what, call, pattern] of CASES) {
    test(what, async () => {
      emu.clearLog();
      const error = await failure(call);
      assert.ok(error instanceof LinkedInNetworkError, `${what}: expected a LinkedInNetworkError, got ${error}`);
      assert.equal(error.code, "INVALID_INPUT", `${what}: ${error.code} ${error.message}`);
      assert.match(error.message, pattern);
      assert.equal(error.status, null);
      assert.equal(error.attempts, 0);
      assert.equal(error.retryable, false);
      assert.deepEqual(emu.requests().map((entry) => `${entry.method} ${entry.path} ${entry.body}`), [], "nothing was sent");
    });
  }
});

test("a loopback http baseUrl is accepted (localhost, 127.0.0.1, [::1])", () => {
  for (const baseUrl of ["http://localhost:1", "http://127.0.0.1:1", "http://[::1]:1"]) {
    assert.doesNotThrow(() => createClient({ ...v2(), baseUrl }), baseUrl);
  }
  assert.doesNotThrow(() => createClient({ ...v2(), baseUrl: "https://api.example.com" }));
});

test("INVALID_INPUT from a client names its provider", async () => {
  const cases = [
    [() => client().connections.list({ limit: 0 }), "linkup-v2"],
    [() => client(v1()).sentInvitations.collect({ maxItems: 0 }), "linkup-v1"],
    [() => client(cs()).connections.estimate({ limit: 0 }), "connectsafely"],
    [() => drainFirst(client(cs()).receivedInvitations.iterate({ invitationType: "CONNECTION" })), "connectsafely"],
    [() => createClient({ ...v2(), loginToken: "t" }), "linkup-v2"],
  ];
  for (const [call, provider] of cases) {
    const error = await failure(call);
    assert.equal(error.code, "INVALID_INPUT", error.message);
    assert.equal(error.provider, provider, error.message);
  }
});

async function drainFirst(iterator) {
  for await (const _ of iterator) break;
}
