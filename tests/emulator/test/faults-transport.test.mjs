// Faults a real client meets at the HTTP level: statuses, provider errors,
// redirects, resets, cut bodies, hangs, slow bodies; and how faults are
// matched, counted and queued.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { cs, NOW_MS, rawRequest, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
before(async () => {
  emu = await start();
});
beforeEach(() => emu.reset());
after(() => emu.close());

describe("rate-limit", () => {
  it("answers 429 in each provider's envelope, without Retry-After by default, for free", async () => {
    emu.inject([{ type: "rate-limit", provider: "linkup-v2" }, { type: "rate-limit", provider: "linkup-v1" }, { type: "rate-limit", provider: "connectsafely" }]);
    const a = await v2(emu, "list_sent", { count: 100 });
    assert.equal(a.status, 429);
    assert.equal(a.json.success, false);
    assert.equal(a.json.error.code, "RATE_LIMITED");
    assert.equal(a.json.metadata.credits_consumed, 0);
    assert.equal(a.headers.get("retry-after"), null);
    const b = await v1(emu, "sentInvitations", {});
    assert.equal(b.status, 429);
    assert.deepEqual(b.json, { status: "error", message: "Rate limit exceeded. Please try again later" });
    const c = await cs(emu, "connections");
    assert.equal(c.status, 429);
    assert.equal(typeof c.json.error, "string");
    assert.equal(c.headers.get("x-ratelimit-remaining"), "0");
    assert.deepEqual(emu.ledger("key-1"), { credits: 0, requests: 3 });
    assert.equal((await v2(emu, "list_sent", {})).status, 200, "times defaults to 1");
  });

  it("sends Retry-After as seconds or as an HTTP date on the emulator's clock", async () => {
    emu.inject([{ type: "rate-limit", retryAfterSeconds: 7 }, { type: "rate-limit", retryAfterDate: 30000 }]);
    assert.equal((await v2(emu, "list_sent")).headers.get("retry-after"), "7");
    const dated = await cs(emu, "sentInvitations");
    assert.equal(dated.headers.get("retry-after"), new Date(NOW_MS + 30000).toUTCString());
  });
});

describe("status", () => {
  it("500 uses the provider's error envelope", async () => {
    emu.inject([{ type: "status", status: 500 }, { type: "status", status: 500 }, { type: "status", status: 500 }]);
    const a = await v2(emu, "list_connections");
    assert.equal(a.status, 500);
    assert.equal(a.json.error.code, "INTERNAL_ERROR");
    const b = await v1(emu, "connections");
    assert.equal(b.status, 500);
    assert.equal(b.json.status, "error");
    const c = await cs(emu, "connections");
    assert.equal(c.status, 500);
    assert.equal(typeof c.json.error, "string");
  });

  it("502, 503, 504 and 408 answer a gateway's HTML page, not JSON", async () => {
    for (const status of [502, 503, 504, 408]) {
      emu.inject({ type: "status", status, retryAfterSeconds: status === 503 ? 3 : undefined });
      const res = await v2(emu, "list_sent");
      assert.equal(res.status, status);
      assert.match(res.headers.get("content-type"), /^text\/html/);
      assert.equal(res.json, undefined);
      assert.match(res.text, new RegExp(`<title>${status} `));
      if (status === 503) assert.equal(res.headers.get("retry-after"), "3");
    }
    assert.equal(emu.ledger("key-1").credits, 0);
  });
});

describe("provider-error", () => {
  it("answers the code in the provider's envelope and status", async () => {
    emu.inject([
      { type: "provider-error", provider: "linkup-v2", code: "INSUFFICIENT_CREDITS" },
      { type: "provider-error", provider: "linkup-v2", code: "ACCOUNT_INACTIVE" },
      { type: "provider-error", provider: "linkup-v1", code: "INSUFFICIENT_CREDITS" },
      { type: "provider-error", provider: "linkup-v1", code: "INVALID_COOKIE" },
      { type: "provider-error", provider: "connectsafely", code: "NOT_FOUND" },
    ]);
    const credits = await v2(emu, "list_sent");
    assert.equal(credits.status, 402);
    assert.equal(credits.json.error.code, "INSUFFICIENT_CREDITS");
    const inactive = await v2(emu, "list_sent");
    assert.equal(inactive.status, 403);
    assert.equal(inactive.json.error.code, "ACCOUNT_INACTIVE");
    const v1Credits = await v1(emu, "sentInvitations");
    assert.equal(v1Credits.status, 200);
    assert.deepEqual(v1Credits.json, { status: "error", message: "Insufficient credits available" });
    assert.deepEqual((await v1(emu, "sentInvitations")).json, { status: "error", message: "Invalid or expired LinkedIn cookie" });
    const notFound = await cs(emu, "sentInvitations");
    assert.equal(notFound.status, 404);
    assert.deepEqual(notFound.json, { error: "No active LinkedIn account found" });
  });

  it("connectsafely can answer the overview's {success:false, code, message} instead of {error}", async () => {
    emu.inject([
      { type: "rate-limit", provider: "connectsafely", envelope: "overview" },
      { type: "provider-error", provider: "connectsafely", code: "UNAUTHORIZED", envelope: "overview" },
    ]);
    const limited = await cs(emu, "connections");
    assert.equal(limited.status, 429);
    assert.deepEqual(Object.keys(limited.json), ["success", "code", "message"]);
    assert.equal(limited.json.code, "RATE_LIMITED");
    const denied = await cs(emu, "connections");
    assert.equal(denied.status, 401);
    assert.deepEqual(denied.json, { success: false, code: "UNAUTHORIZED", message: "Unauthorized - invalid or missing authentication" });
  });

  it("v1-rate-limit-200 waits for a linkup-v1 request and answers HTTP 200", async () => {
    emu.inject({ type: "v1-rate-limit-200" });
    assert.equal((await v2(emu, "list_sent")).status, 200);
    assert.equal((await cs(emu, "sentInvitations")).status, 200);
    const res = await v1(emu, "sentInvitations");
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { status: "error", message: "Rate limit exceeded. Please try again later" });
    assert.equal(emu.ledger("key-1").credits, 1, "only the v2 call was charged");
  });
});

describe("transport faults", () => {
  it("redirect answers 302 with the test's Location", async () => {
    emu.inject({ type: "redirect", location: "https://elsewhere.example/steal" });
    const res = await v2(emu, "list_sent", {}, { redirect: "manual" });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), "https://elsewhere.example/steal");
    emu.inject({ type: "redirect", status: 307, location: "/v2/network" });
    assert.equal((await v2(emu, "list_sent", {}, { redirect: "manual" })).status, 307);
  });

  it("reset destroys the connection before any response", async () => {
    emu.inject({ type: "reset" });
    await assert.rejects(v2(emu, "list_sent"), TypeError);
    const [entry] = emu.requests();
    assert.equal(entry.fault, "reset");
    assert.equal(entry.status, null);
  });

  it("cut sends the full Content-Length, half the body, then closes", async () => {
    const whole = await v2(emu, "list_sent", { count: 20 });
    emu.inject({ type: "cut" });
    const raw = await rawRequest(`${emu.url}/v2/network`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "key-1" },
      body: JSON.stringify({ account_id: "acct-1", action: "list_sent", params: { count: 20 } }),
    });
    assert.equal(Number(raw.headers["content-length"]), Buffer.byteLength(whole.text));
    assert.equal(raw.complete, false);
    assert.equal(raw.body.length, Math.floor(Buffer.byteLength(whole.text) / 2));
    emu.inject({ type: "cut" });
    const res = await fetch(`${emu.url}/linkedin/connections`, { headers: { authorization: "Bearer k" } });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
  });

  it("hang never answers; the client's timeout fires", async () => {
    emu.inject({ type: "hang" });
    await assert.rejects(v1(emu, "connections", {}, { signal: AbortSignal.timeout(200) }), { name: "TimeoutError" });
    assert.equal(emu.requests()[0].status, null);
  });

  it("slow-drip delivers the real body in chunks, and it is charged", async () => {
    const whole = await v2(emu, "list_sent", { count: 5 });
    emu.inject({ type: "slow-drip", chunkBytes: 1000, intervalMs: 40 });
    const began = Date.now();
    const dripped = await v2(emu, "list_sent", { count: 5 });
    const chunks = Math.ceil(Buffer.byteLength(whole.text) / 1000);
    assert.ok(chunks >= 3);
    assert.ok(Date.now() - began >= (chunks - 1) * 40 - 5, "it took the drip's time");
    assert.equal(dripped.text, whole.text);
    assert.equal(emu.ledger("key-1").credits, 2);
  });
});

describe("matching and queueing", () => {
  it("matches provider, resource, action, path, apiKey and account", async () => {
    emu.inject([
      { type: "status", status: 503, resource: "connections", provider: "linkup-v1" },
      { type: "status", status: 502, action: "list_invitations" },
      { type: "status", status: 504, apiKey: "other" },
      { type: "status", status: 408, account: "acct-2" },
      { type: "status", status: 500, path: "/linkedin/invitations/received" },
    ]);
    assert.equal((await v1(emu, "sentInvitations")).status, 200);
    assert.equal((await v2(emu, "list_connections")).status, 200);
    assert.equal((await v1(emu, "connections")).status, 503);
    assert.equal((await v2(emu, "list_invitations")).status, 502);
    assert.equal((await cs(emu, "sentInvitations", {}, { apiKey: "other" })).status, 504);
    assert.equal((await v2(emu, "list_sent", {}, { account: "acct-2" })).status, 408);
    assert.equal((await cs(emu, "receivedInvitations")).status, 500);
    assert.deepEqual(emu.pendingFaults(), []);
  });

  it("times, after and first-in-first-out", async () => {
    const [added] = emu.inject({ type: "status", status: 503, times: 2, after: 1 });
    assert.equal(added.times, 2);
    emu.inject({ type: "status", status: 502 });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await v2(emu, "list_sent")).status);
    // Request 1 is skipped by the first fault and so taken by the second.
    assert.deepEqual(statuses, [502, 503, 503, 200, 200]);
  });

  it("pendingFaults shows what remains; clearFaults empties it", async () => {
    emu.inject({ type: "rate-limit", times: 3, provider: "connectsafely" });
    await cs(emu, "connections");
    const [pending] = emu.pendingFaults();
    assert.equal(pending.times, 2);
    assert.deepEqual(pending.match, { provider: "connectsafely" });
    emu.clearFaults();
    assert.deepEqual(emu.pendingFaults(), []);
    assert.equal((await cs(emu, "connections")).status, 200);
  });

  it("rejects a fault it does not know", () => {
    assert.throws(() => emu.inject({ type: "meteor" }), /unknown type/);
    assert.throws(() => emu.inject({ type: "status", status: 418 }), /status must be/);
    assert.throws(() => emu.inject({ type: "rate-limit", provider: "linkup-v3" }), /provider must be/);
  });
});
