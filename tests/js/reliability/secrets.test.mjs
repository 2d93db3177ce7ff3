// Canary credentials through every error path in Node, where the console,
// stdout and stderr can all be captured: every fault of the matrix (and every
// error envelope) through `list` and `collect`, real auth refusals, invalid
// input, and redirects to a second origin. No API key, login token or account
// id may appear in any printable form of an error, in a result, or in
// anything printed; a redirect target and a refused `http://` host receive
// nothing. (The matrix itself runs the same canaries through `iterate` in
// Node, an MV3 service worker and workerd.)

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator } from "../../emulator/server.mjs";
import { canariesOf, secretLeaks } from "./matrix/canaries.mjs";
import { MAX_ATTEMPTS, PROVIDERS, ROWS, cellsOf, rowByName } from "./matrix/rows.mjs";
import { captureOutput, errorTexts } from "../support/capture.mjs";

const api = await import(new URL("../../../pkg/entry/node.js", import.meta.url).href);
const CANARY_TEXT = /CANARY(\+|%2B)(key|acct)(\/|%2F)/i;
const PATHS = { "linkup-v2": "/v2/network", "linkup-v1": "/v1/network/sent-invitations", connectsafely: "/linkedin/invitations/sent" };
const FAST = { retry: { maxAttempts: MAX_ATTEMPTS, baseDelayMs: 10, maxDelayMs: 100 }, timeoutMs: 1500 };

let emu;
let elsewhere;
before(async () => {
  emu = await startEmulator({ seed: 1 });
  elsewhere = await startEmulator({ seed: 1 });
});
after(async () => {
  await emu.close();
  await elsewhere.close();
});

const baseUrlOf = (server, provider) => (provider === "connectsafely" ? `${server.url}/linkedin` : server.url);

/** The error a call ends with (thrown, rejected, or from draining an iterator), or its value as `{ value }`. */
async function settle(call) {
  try {
    const value = await call();
    if (value && typeof value[Symbol.asyncIterator] === "function") {
      const items = [];
      for await (const item of value) items.push(item);
      return { value: items };
    }
    return { value };
  } catch (error) {
    return { error };
  }
}

function leaksOf(secrets, { error, value }) {
  return secretLeaks(secrets, error ? errorTexts(error) : { result: JSON.stringify(value) });
}

let counter = 0;
const tagOf = (what) => `sec-${what}-${(counter += 1)}-${Math.random().toString(36).slice(2, 7)}`;

describe("every fault of the matrix, through list and collect", () => {
  test("no canary in any error, result or printed line; the redirect target hears nothing", async () => {
    const cells = cellsOf(ROWS.filter((row) => !row.heavy));
    const problems = [];
    const { output } = await captureOutput(async () => {
      let next = 0;
      await Promise.all(Array.from({ length: 12 }, async () => {
        while (next < cells.length) {
          const { row: name, provider } = cells[next++];
          const row = rowByName(name);
          for (const method of ["list", "collect"]) {
            const { apiKey, account, auth } = canariesOf(provider, tagOf(method));
            const ctx = { apiKey, account, elsewhereFor: (p) => `${elsewhere.url}${PATHS[p]}` };
            emu.inject({ ...row.fault(provider, ctx), apiKey, times: row.times ?? 1 });
            const client = api.createClient({ provider, ...auth, baseUrl: baseUrlOf(emu, provider), ...FAST });
            const outcome = await settle(() => (method === "list" ? client.sentInvitations.list({ limit: 10 }) : client.sentInvitations.collect({ maxItems: 30 })));
            if (outcome.error && !api.LinkedInNetworkError.is(outcome.error)) problems.push(`${name} [${provider}] ${method}: not a LinkedInNetworkError: ${outcome.error}`);
            for (const leak of leaksOf({ apiKey, account }, outcome)) problems.push(`${name} [${provider}] ${method}: ${leak}`);
          }
        }
      }));
    });
    assert.deepEqual(problems, []);
    assert.ok(!CANARY_TEXT.test(output), "a canary was printed to the console, stdout or stderr");
    assert.deepEqual(elsewhere.requests(), [], "the redirect target received a request");
  });
});

describe("real auth refusals (an emulator that accepts other credentials)", () => {
  let strict;
  before(async () => {
    strict = await startEmulator({ seed: 1, apiKeys: ["good-key"], accounts: ["good-acct"], loginTokens: ["good-token"] });
  });
  after(() => strict.close());

  for (const provider of PROVIDERS) {
    for (const wrong of ["apiKey", "account"]) {
      test(`${provider}: a canary ${wrong} refused`, async () => {
        const canary = canariesOf(provider, tagOf("auth"));
        const apiKey = wrong === "apiKey" ? canary.apiKey : "good-key";
        const account = wrong === "account" ? canary.account : provider === "linkup-v1" ? "good-token" : "good-acct";
        const auth = provider === "linkup-v1" ? { apiKey, loginToken: account } : { apiKey, accountId: account };
        const client = api.createClient({ provider, ...auth, baseUrl: baseUrlOf(strict, provider), ...FAST });
        const { value: outcomes, output } = await captureOutput(async () => [
          await settle(() => client.connections.list({ limit: 10 })),
          await settle(() => client.sentInvitations.collect({ maxItems: 30 })),
          await settle(() => client.receivedInvitations.iterate({})),
        ]);
        for (const outcome of outcomes) {
          assert.ok(outcome.error, "refused");
          assert.ok(["AUTH", "NOT_FOUND"].includes(outcome.error.code), `${outcome.error.code}: ${outcome.error.message}`);
          assert.deepEqual(leaksOf({ [wrong]: canary[wrong] }, outcome), []);
        }
        assert.ok(!CANARY_TEXT.test(output), "a canary was printed");
      });
    }
  }
});

/** A fetch that records calls and never sends anything. */
function spyFetch() {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    throw new Error("the spy fetch sends nothing");
  };
  return { fetch, calls };
}

describe("invalid input: INVALID_INPUT naming the field, no canary, nothing sent", () => {
  const provider = "linkup-v2";
  const BAD_CLIENTS = [
    ["provider", (auth) => ({ ...auth, provider: "linkup-v3" })],
    ["apiKey", ({ accountId }) => ({ provider, accountId })],
    ["apiKey", ({ accountId }) => ({ provider, accountId, apiKey: "" })],
    ["accountId", ({ apiKey }) => ({ provider, apiKey })],
    ["loginToken", ({ apiKey }) => ({ provider: "linkup-v1", apiKey })],
    ["maxAttempts", (auth) => ({ provider, ...auth, retry: { maxAttempts: 0 } })],
    ["timeoutMs", (auth) => ({ provider, ...auth, timeoutMs: -5 })],
  ];
  const BAD_CALLS = [
    ["offset", (client) => client.sentInvitations.list({ offset: -1 })],
    ["limit", (client) => client.sentInvitations.list({ limit: 0 })],
    ["limit", (client) => client.connections.list({ limit: 10001 })],
    ["invitationType", (client) => client.sentInvitations.list({ invitationType: "BOGUS" })],
    ["invitationType", (client) => client.receivedInvitations.collect({ invitationType: "BOGUS" })],
    ["invitationType", (client) => client.receivedInvitations.iterate({ invitationType: "BOGUS" })],
    ["maxItems", (client) => client.connections.collect({ maxItems: -1 })],
    ["limit", (client) => client.connections.estimate({ limit: 0 })],
  ];

  const check = async (field, call, secrets, spy) => {
    emu.clearLog();
    const { value: outcome, output } = await captureOutput(() => settle(call));
    assert.ok(outcome.error, `accepted: ${JSON.stringify(outcome.value)?.slice(0, 100)}`);
    assert.equal(outcome.error.code, "INVALID_INPUT", outcome.error.message);
    assert.match(outcome.error.message, new RegExp(field), "the message names the field");
    assert.deepEqual(leaksOf(secrets, outcome), []);
    assert.ok(!CANARY_TEXT.test(output), "a canary was printed");
    assert.deepEqual(spy.calls, [], "fetch was called");
    assert.deepEqual(emu.requests(), [], "a request reached the emulator");
  };

  for (const [field, options] of BAD_CLIENTS) {
    test(`createClient without a valid ${field}`, async () => {
      const { apiKey, account } = canariesOf(provider, tagOf("input"));
      const spy = spyFetch();
      await check(field, () => api.createClient({ ...options({ apiKey, accountId: account }), baseUrl: emu.url, fetch: spy.fetch }).connections.list({ limit: 10 }), { apiKey, account }, spy);
    });
  }
  for (const [field, call] of BAD_CALLS) {
    test(`${call.toString().replace(/^\(client\) => client\./, "")}`, async () => {
      const { apiKey, account, auth } = canariesOf(provider, tagOf("input"));
      const spy = spyFetch();
      const client = api.createClient({ provider, ...auth, baseUrl: emu.url, fetch: spy.fetch });
      await check(field, () => call(client), { apiKey, account }, spy);
    });
  }
  test("buildRequest with an unknown resource and a canary key", async () => {
    const { apiKey, account } = canariesOf(provider, tagOf("input"));
    await check("resource", () => api.buildRequest({ provider, resource: "followers", apiKey, accountId: account }), { apiKey, account }, spyFetch());
  });
});

describe("an http:// base URL that is not loopback is refused with nothing sent", () => {
  const REFUSED = [
    "http://api.linkupapi.com", "http://example.com:8787", "http://10.0.0.1:8787", "http://192.168.1.20",
    "http://127.0.0.1.example.com", "http://localhost.example.com", "http://127.0.0.1:80@example.com/",
    "HTTP://EXAMPLE.COM", "ftp://127.0.0.1/", "ws://127.0.0.1:8787",
  ];
  for (const provider of PROVIDERS) {
    for (const baseUrl of REFUSED) {
      test(`${provider}: ${baseUrl}`, async () => {
        const { apiKey, account, auth } = canariesOf(provider, tagOf("http"));
        const spy = spyFetch();
        const viaClient = await settle(() => api.createClient({ provider, ...auth, baseUrl, fetch: spy.fetch }).sentInvitations.list({ limit: 10 }));
        const viaBuild = await settle(() => api.buildRequest({ provider, resource: "sentInvitations", ...auth, baseUrl }));
        for (const outcome of [viaClient, viaBuild]) {
          assert.equal(outcome.error?.code, "INVALID_INPUT", `accepted ${baseUrl}: ${JSON.stringify(outcome.value)?.slice(0, 120)}`);
          assert.match(outcome.error.message, /baseUrl/);
          assert.deepEqual(leaksOf({ apiKey, account }, outcome), []);
        }
        assert.deepEqual(spy.calls, [], "fetch was called");
      });
    }
    test(`${provider}: http://127.0.0.1 (loopback) is accepted`, async () => {
      const { auth } = canariesOf(provider, tagOf("loopback"));
      const page = await api.createClient({ provider, ...auth, baseUrl: baseUrlOf(emu, provider) }).sentInvitations.list({ limit: 5 });
      assert.equal(page.items.length, 5);
    });
  }
});
