// The pure functions of the package: parseResponse over every fixture case
// of tests/fixtures/cases.*.json (the same cases the Rust tests check), and
// buildRequest / planRequests / estimateCredits, including a round trip
// buildRequest → fetch → parseResponse against the emulator.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  DAY_MS, LinkedInNetworkError, PROVIDERS, RESOURCES, buildRequest, clientFor, estimateCredits, identity, parseResponse, planRequests,
  start, truthIdentity, truthOf,
} from "./support/harness.mjs";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const CASE_FILES = ["cases.linkup_v2.json", "cases.linkup_v1.json", "cases.connectsafely.json"];
const cases = CASE_FILES.flatMap((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), "utf8")));
// A case with its own clock (nowMs) cannot be replayed: the JS API always uses the local clock.
const runnable = cases.filter((entry) => entry.nowMs === null);
const skipped = cases.length - runnable.length;

/**
 * The Rust fixtures run without a clock; where a case has no server clock
 * either (no metadata timestamp, no Date header) its expected `anchor`/`at`
 * are null. The JS API anchors those to the local clock (SPEC §2): check that
 * it did, exactly, then compare the rest as written.
 */
function anchorToLocalClock(expectedPage, actualPage, startedMs, endedMs) {
  let filled = 0;
  const page = structuredClone(actualPage);
  expectedPage.items.forEach((expectedItem, index) => {
    for (const key of ["sentAt", "connectedAt"]) {
      const want = expectedItem[key];
      const got = page.items[index]?.[key];
      if (!want || want.anchor !== null || !got || got.anchor === null) continue;
      const anchorMs = Date.parse(got.anchor);
      assert.ok(anchorMs >= Math.floor(startedMs) - 1 && anchorMs <= Math.ceil(endedMs) + 1, `items[${index}].${key}.anchor ${got.anchor} is the local clock`);
      if (got.days !== null) assert.equal(got.at, new Date(anchorMs - got.days * DAY_MS).toISOString(), `items[${index}].${key}.at = anchor − days`);
      got.anchor = null;
      got.at = want.at === null ? null : got.at;
      filled += 1;
    }
  });
  return { page, filled };
}

let anchoredLocally = 0;
describe(`parseResponse over the fixture cases (${runnable.length} run, ${skipped} with their own clock skipped)`, () => {
  after(() => {
    console.log(`# fixture cases: ${cases.length} in all, ${runnable.length} run through parseResponse, ${skipped} skipped (nowMs set), ${anchoredLocally} anchored to the local clock`);
  });

  for (const entry of runnable) {
    for (const headersForm of ["object", "Headers"]) {
      test(`${entry.name} (headers as ${headersForm})`, () => {
        const body = readFileSync(new URL(entry.body, FIXTURES), "utf8");
        const headers = headersForm === "object" ? entry.headers : new Headers(entry.headers);
        const startedMs = Date.now();
        let page;
        let error;
        try {
          const range = entry.call ? { offset: entry.call.offset, limit: entry.call.limit } : {};
          page = parseResponse({ provider: entry.provider, resource: entry.resource, status: entry.status, body, headers, ...range });
        } catch (thrown) {
          error = thrown;
        }
        const endedMs = Date.now();
        if (entry.error) {
          assert.ok(error instanceof LinkedInNetworkError, `expected a LinkedInNetworkError, got ${error ?? JSON.stringify(page)}`);
          assert.ok(error instanceof Error);
          // `cause` is an Error object on the instance, not part of its JSON.
          const { cause, ...fields } = entry.error;
          assert.deepEqual({ ...error.toJSON() }, { name: "LinkedInNetworkError", ...fields });
          for (const [field, value] of Object.entries(fields)) assert.deepEqual(error[field], value, `error.${field}`);
          assert.equal(error.cause, cause ?? undefined, "a parsed answer has no cause");
        } else {
          assert.equal(error, undefined, `expected a page, got ${error}`);
          const { page: compared, filled } = anchorToLocalClock(entry.page, page, startedMs, endedMs);
          if (headersForm === "object") anchoredLocally += filled;
          assert.deepEqual(compared, entry.page);
          // Ids stay strings whatever their size.
          for (const item of page.items) if ("id" in item) assert.equal(typeof item.id, "string");
        }
      });
    }
  }

  test("there are cases of every provider, pages and errors both", () => {
    for (const provider of ["linkup-v2", "linkup-v1", "connectsafely"]) {
      const own = runnable.filter((entry) => entry.provider === provider);
      assert.ok(own.some((entry) => entry.page) && own.some((entry) => entry.error), provider);
    }
    assert.ok(runnable.length >= 50, `${runnable.length} cases`);
  });
});

describe("planRequests and estimateCredits", () => {
  const covers = (calls, offset, limit) => {
    let next = offset;
    for (const call of calls) {
      assert.equal(call.offset, next, "calls are contiguous");
      assert.ok(call.count > 0);
      next += call.count;
    }
    assert.equal(next, offset + limit, "the calls cover the range exactly");
  };

  test("linkup-v2: counts are multiples of 50 but the last; credits = ceil(limit / 50)", () => {
    for (const [offset, limit] of [[0, 1], [0, 50], [0, 51], [0, 250], [30, 130], [7, 999], [0, 10000]]) {
      const calls = planRequests({ provider: "linkup-v2", resource: "connections", offset, limit });
      covers(calls, offset, limit);
      calls.slice(0, -1).forEach((call) => assert.equal(call.count % 50, 0));
      calls.forEach((call) => assert.deepEqual(call.params, { offset: call.offset, count: call.count }));
      const estimate = estimateCredits({ provider: "linkup-v2", resource: "connections", offset, limit });
      assert.equal(estimate.credits, Math.ceil(limit / 50), `[${offset}, +${limit})`);
      assert.equal(estimate.credits, calls.reduce((sum, call) => sum + call.credits, 0));
      assert.equal(estimate.requests, calls.length);
    }
  });

  test("linkup-v1: pages of 10 covering the range; credits = pages covered", () => {
    for (const [offset, limit] of [[0, 10], [5, 30], [9, 2], [0, 145], [123, 1]]) {
      const calls = planRequests({ provider: "linkup-v1", resource: "sentInvitations", offset, limit });
      covers(calls, offset, limit);
      const pages = Math.floor((offset + limit - 1) / 10) - Math.floor(offset / 10) + 1;
      const estimate = estimateCredits({ provider: "linkup-v1", resource: "sentInvitations", offset, limit });
      assert.equal(estimate.credits, pages, `[${offset}, +${limit})`);
      assert.equal(calls.reduce((sum, call) => sum + call.credits, 0), pages);
      assert.equal(calls[0].params.start_page, Math.floor(offset / 10) + 1);
      assert.equal(calls.at(-1).params.end_page, Math.floor((offset + limit - 1) / 10) + 1);
    }
  });

  test("connectsafely: startIndex = offset then steps of 10 (connections: at most 12); no credits", () => {
    const invitations = planRequests({ provider: "connectsafely", resource: "sentInvitations", offset: 3, limit: 25 });
    covers(invitations, 3, 25);
    assert.deepEqual(invitations.map((call) => call.params.startIndex), [3, 13, 23]);
    const connections = planRequests({ provider: "connectsafely", resource: "connections", offset: 3, limit: 25 });
    covers(connections, 3, 25);
    connections.forEach((call) => assert.ok(call.count <= 12));
    assert.deepEqual(estimateCredits({ provider: "connectsafely", resource: "connections", offset: 3, limit: 25 }), { credits: 0, requests: connections.length, upstreamCalls: connections.length });
  });

  test("estimate of a client = estimateCredits of the same range", () => {
    const emuLess = { url: "http://127.0.0.1:9" };
    for (const provider of PROVIDERS) {
      const { client } = clientFor(emuLess, provider);
      for (const resource of RESOURCES) {
        assert.deepEqual(client[resource].estimate({ offset: 40, limit: 333 }), estimateCredits({ provider: provider.id, resource, offset: 40, limit: 333 }));
      }
    }
  });
});

describe("buildRequest", () => {
  test("linkup-v2: POST /v2/network with x-api-key and {account_id, action, params}", () => {
    const request = buildRequest({ provider: "linkup-v2", resource: "sentInvitations", apiKey: "K1", accountId: "A1", offset: 0, limit: 25 });
    assert.equal(request.method, "POST");
    assert.equal(request.url, "https://api.linkupapi.com/v2/network");
    assert.equal(request.headers["x-api-key"], "K1");
    assert.deepEqual(JSON.parse(request.body), { account_id: "A1", action: "list_sent", params: { count: 25, offset: 0 } });
  });

  test("linkup-v1: pages, upper-cased invitation type, login token in the body", () => {
    const request = buildRequest({ provider: "linkup-v1", resource: "receivedInvitations", apiKey: "K1", loginToken: "T1", offset: 10, limit: 10, invitationType: "ORGANIZATION" });
    assert.equal(request.url, "https://api.linkupapi.com/v1/network/invitations");
    const body = JSON.parse(request.body);
    assert.deepEqual([body.start_page, body.end_page, body.invitation_type, body.login_token], [2, 2, "ORGANIZATION", "T1"]);
  });

  test("connectsafely: GET with startIndex and a bearer key", () => {
    const request = buildRequest({ provider: "connectsafely", resource: "connections", apiKey: "K1", offset: 24, limit: 12 });
    assert.equal(request.method, "GET");
    const url = new URL(request.url);
    assert.equal(url.origin + url.pathname, "https://api.connectsafely.ai/linkedin/connections");
    assert.equal(url.searchParams.get("startIndex"), "24");
    assert.equal(request.headers.authorization, "Bearer K1");
    assert.equal(request.body, null);
  });

  test("a range that needs several calls is refused, naming planRequests", () => {
    assert.throws(
      () => buildRequest({ provider: "connectsafely", resource: "sentInvitations", apiKey: "K1", offset: 0, limit: 25 }),
      (error) => error instanceof LinkedInNetworkError && error.code === "INVALID_INPUT" && /planRequests/.test(error.message),
    );
  });

  describe("round trip through the emulator: buildRequest → fetch → parseResponse", () => {
    let emu;
    before(async () => {
      emu = await start();
    });
    after(() => emu.close());

    for (const provider of PROVIDERS) {
      for (const resource of RESOURCES) {
        test(`${provider.id} ${resource}`, async () => {
          const { apiKey } = clientFor(emu, provider);
          const options = provider.options(emu, { apiKey });
          const offset = 10;
          const limit = 5;
          const request = buildRequest({ ...options, resource, offset, limit });
          const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined, redirect: "manual" });
          const page = parseResponse({ provider: provider.id, resource, status: response.status, headers: response.headers, body: await response.text(), offset, limit });
          const truth = truthOf(emu, provider, resource).slice(offset, offset + limit);
          assert.equal(truth.length, limit, "the range lies inside the list");
          assert.deepEqual(page.items.map((item) => identity(resource, item)), truth.map((item) => truthIdentity(resource, item)));
          assert.equal(page.offset, offset);
          assert.equal(page.creditsUsed, emu.ledger(apiKey).credits);
          assert.equal(page.creditsUsed, estimateCredits({ provider: provider.id, resource, offset, limit }).credits);
        });
      }
    }
  });
});
