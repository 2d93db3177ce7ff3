// The credit ledger: each provider's billing rule, free errors, limits, and
// the request log.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { cs, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
before(async () => {
  emu = await start({ creditLimits: { "capped-v2": 3, "capped-v1": 2 } });
});
beforeEach(() => emu.reset());
after(() => emu.close());

describe("linkup-v2: 1 credit per 50 results returned, rounded up", () => {
  it("charges by results returned, and metadata says the same", async () => {
    const cases = [
      [{ count: 1 }, 1],
      [{ count: 50 }, 1],
      [{ count: 51 }, 2],
      [{ count: 100 }, 2],
      [{ count: 100, offset: 100 }, 1], // 45 returned
      [{ count: 10, offset: 145 }, 0], // none returned
    ];
    let total = 0;
    for (const [params, credits] of cases) {
      const res = await v2(emu, "list_sent", params, { apiKey: "k2" });
      assert.equal(res.json.metadata.credits_consumed, credits, JSON.stringify(params));
      total += credits;
      assert.equal(emu.ledger("k2").credits, total, JSON.stringify(params));
    }
    assert.deepEqual(emu.ledger("k2"), { credits: 7, requests: 6 });
  });

  it("withdraw costs 1; errors cost 0", async () => {
    const [first] = emu.data("acct-1", "sentInvitations");
    await v2(emu, "withdraw", { invitation_id: first.id }, { apiKey: "k2" });
    const again = await v2(emu, "withdraw", { invitation_id: first.id }, { apiKey: "k2" });
    assert.equal(again.status, 400);
    await v2(emu, "list_sent", { count: -1 }, { apiKey: "k2" });
    assert.deepEqual(emu.ledger("k2"), { credits: 1, requests: 3 });
  });

  it("a credit limit answers 402 INSUFFICIENT_CREDITS before the call that would pass it", async () => {
    assert.equal((await v2(emu, "list_sent", { count: 100 }, { apiKey: "capped-v2" })).status, 200);
    const refused = await v2(emu, "list_sent", { count: 100 }, { apiKey: "capped-v2" });
    assert.equal(refused.status, 402);
    assert.equal(refused.json.error.code, "INSUFFICIENT_CREDITS");
    assert.equal(refused.json.metadata.credits_consumed, 0);
    assert.equal((await v2(emu, "list_sent", { count: 50 }, { apiKey: "capped-v2" })).status, 200);
    assert.equal(emu.ledger("capped-v2").credits, 3);
  });
});

describe("linkup-v1: 1 credit a page", () => {
  it("page mode charges every page of the range, even past the end", async () => {
    await v1(emu, "connections", { start_page: 1, end_page: 5 }, { apiKey: "k1" });
    await v1(emu, "sentInvitations", { start_page: 20, end_page: 21 }, { apiKey: "k1" });
    assert.deepEqual(emu.ledger("k1"), { credits: 7, requests: 2 });
  });

  it("total-results mode charges ceil(total_results / 10)", async () => {
    await v1(emu, "connections", { total_results: 1 }, { apiKey: "k1" });
    await v1(emu, "connections", { total_results: 25 }, { apiKey: "k1" });
    await v1(emu, "connections", {}, { apiKey: "k1" });
    assert.equal(emu.ledger("k1").credits, 1 + 3 + 1);
  });

  it("errors are free; the credit limit answers HTTP 200 'Insufficient credits available'", async () => {
    await v1(emu, "connections", {}, { apiKey: "k1", loginToken: null });
    await v1(emu, "connections", { start_page: 0 }, { apiKey: "k1" });
    assert.equal(emu.ledger("k1").credits, 0);
    await v1(emu, "connections", { start_page: 1, end_page: 2 }, { apiKey: "capped-v1" });
    const refused = await v1(emu, "connections", { start_page: 3 }, { apiKey: "capped-v1" });
    assert.equal(refused.status, 200);
    assert.deepEqual(refused.json, { status: "error", message: "Insufficient credits available" });
    assert.equal(emu.ledger("capped-v1").credits, 2);
  });
});

describe("connectsafely: seat-billed", () => {
  it("charges nothing but counts requests", async () => {
    await cs(emu, "connections", { limit: 12 }, { apiKey: "kc" });
    await cs(emu, "sentInvitations", {}, { apiKey: "kc" });
    assert.deepEqual(emu.ledger("kc"), { credits: 0, requests: 2 });
  });
});

describe("ledgers and the request log", () => {
  it("keeps one ledger per key", async () => {
    await v2(emu, "list_sent", { count: 60 }, { apiKey: "a" });
    await v1(emu, "sentInvitations", { total_results: 30 }, { apiKey: "b" });
    assert.deepEqual(emu.ledgers(), { a: { credits: 2, requests: 1 }, b: { credits: 3, requests: 1 } });
    assert.deepEqual(emu.ledger("unknown"), { credits: 0, requests: 0 });
  });

  it("logs method, path, query, lower-case headers, raw body, provider, resource, status", async () => {
    await v2(emu, "list_invitations", { count: 2 }, { apiKey: "a" });
    await cs(emu, "connections", { limit: 3, startIndex: 6 }, { apiKey: "c" });
    const [first, second] = emu.requests();
    assert.equal(first.method, "POST");
    assert.equal(first.path, "/v2/network");
    assert.equal(first.headers["x-api-key"], "a");
    assert.deepEqual(JSON.parse(first.body), { account_id: "acct-1", action: "list_invitations", params: { count: 2 } });
    assert.equal(first.provider, "linkup-v2");
    assert.equal(first.resource, "receivedInvitations");
    assert.equal(first.action, "list_invitations");
    assert.equal(first.status, 200);
    assert.equal(first.fault, null);
    assert.equal(first.credits, 1);
    assert.deepEqual(second.query, { limit: "3", startIndex: "6" });
    assert.equal(second.headers.authorization, "Bearer c");
    assert.equal(second.provider, "connectsafely");
    assert.equal(second.resource, "connections");
    emu.clearLog();
    assert.deepEqual(emu.requests(), []);
  });
});
