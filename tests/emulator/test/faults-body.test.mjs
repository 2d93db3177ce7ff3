// Faults in a 200 body: truncated, malformed, wrong JSON types, oversized;
// and lists that shift while they are read.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { cs, rawRequest, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
before(async () => {
  emu = await start();
});
beforeEach(() => emu.reset());
after(() => emu.close());

describe("broken JSON", () => {
  it("truncated-json: a complete 200 whose body is the real JSON cut short", async () => {
    const whole = await v1(emu, "sentInvitations", { total_results: 20 });
    emu.inject({ type: "truncated-json" });
    const cut = await v1(emu, "sentInvitations", { total_results: 20 });
    assert.equal(cut.status, 200);
    assert.equal(cut.json, undefined, "does not parse");
    assert.equal(Number(cut.headers.get("content-length")), Buffer.byteLength(cut.text));
    assert.ok(whole.text.startsWith(cut.text));
    assert.ok(cut.text.length < whole.text.length);
    emu.inject({ type: "truncated-json", keepBytes: 12 });
    assert.equal((await cs(emu, "connections")).text.length, 12);
    assert.equal(emu.ledger("key-1").credits, 2, "only the unfaulted call was charged");
  });

  it("malformed-json: 200, JSON content type, not JSON", async () => {
    emu.inject([{ type: "malformed-json" }, { type: "malformed-json", body: "{oops" }]);
    const res = await v2(emu, "list_connections");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /application\/json/);
    assert.throws(() => JSON.parse(res.text));
    assert.equal((await v2(emu, "list_connections")).text, "{oops");
  });
});

describe("wrong-type", () => {
  const cases = [
    ["linkup-v2", "total", (j) => typeof j.data.total_available_results === "string"],
    ["linkup-v2", "headline", (j) => typeof j.data.invitations[0].recipient.headline === "number"],
    ["linkup-v2", "id", (j) => typeof j.data.invitations[0].entity_urn === "object"],
    ["linkup-v2", "hasMore", (j) => j.data.pagination.has_more === "true"],
    ["linkup-v2", "list", (j) => !Array.isArray(j.data.invitations)],
    ["linkup-v1", "total_available_results", (j) => typeof j.data.total_available_results === "string"],
    ["linkup-v1", "headline", (j) => typeof j.data.invitations[0].subtitle === "number"],
    ["linkup-v1", "id", (j) => typeof j.data.invitations[0].invitation_id === "object"],
    ["connectsafely", "total", (j) => typeof j.count === "string"],
    ["connectsafely", "headline", (j) => typeof j.invitations[0].profile.headline === "number"],
    ["connectsafely", "id", (j) => typeof j.invitations[0].invitationId === "object"],
  ];
  for (const [provider, field, isWrong] of cases) {
    it(`${provider}: ${field}`, async () => {
      emu.inject({ type: "wrong-type", provider, field });
      const call = { "linkup-v2": () => v2(emu, "list_sent"), "linkup-v1": () => v1(emu, "sentInvitations"), connectsafely: () => cs(emu, "sentInvitations") }[provider];
      const res = await call();
      assert.equal(res.status, 200);
      assert.ok(isWrong(res.json), JSON.stringify(res.json).slice(0, 300));
      assert.equal(emu.requests().at(-1).fault, "wrong-type");
      assert.equal(typeof emu.requests().at(-1).faultDetail, "string");
      const normal = (await call()).json;
      assert.ok(!isWrong(normal), "the next answer is right again");
    });
  }

  it("connections: a headline number and a profile URL object", async () => {
    emu.inject([{ type: "wrong-type", field: "headline" }, { type: "wrong-type", field: "id" }]);
    assert.equal(typeof (await cs(emu, "connections")).json.connections[0].headline, "number");
    assert.equal(typeof (await v2(emu, "list_connections")).json.data.connections[0].profile_url, "object");
  });
});

describe("oversized", () => {
  it("17 MiB of valid-looking JSON with an accurate Content-Length by default", async () => {
    emu.inject({ type: "oversized" });
    const res = await fetch(`${emu.url}/v2/network`, {
      method: "POST",
      headers: { "x-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify({ account_id: "a", action: "list_connections", params: {} }),
    });
    const length = Number(res.headers.get("content-length"));
    assert.ok(length >= 17 * 1024 * 1024);
    const text = await res.text();
    assert.equal(Buffer.byteLength(text), length);
    const json = JSON.parse(text);
    assert.equal(json.success, true);
    assert.ok(json.data.connections.length > 10000);
  });

  it("contentLength 'none' streams chunked with no length", async () => {
    emu.inject({ type: "oversized", bytes: 2 * 1024 * 1024, contentLength: "none" });
    const raw = await rawRequest(`${emu.url}/linkedin/invitations/sent`, { headers: { authorization: "Bearer k" } });
    assert.equal(raw.headers["content-length"], undefined);
    assert.equal(raw.headers["transfer-encoding"], "chunked");
    assert.ok(raw.body.length >= 2 * 1024 * 1024);
    assert.ok(Array.isArray(JSON.parse(raw.body.toString("utf8")).invitations));
  });

  it("stops writing when the client hangs up", async () => {
    emu.inject({ type: "oversized", bytes: 64 * 1024 * 1024 });
    const controller = new AbortController();
    const res = await fetch(`${emu.url}/linkedin/connections`, { headers: { authorization: "Bearer k" }, signal: controller.signal });
    const reader = res.body.getReader();
    await reader.read();
    controller.abort();
    // The emulator still serves the next request promptly.
    assert.equal((await cs(emu, "connections")).status, 200);
  });
});

describe("shift", () => {
  it("inserts new items at the head of that account's list, then serves normally", async () => {
    const before = emu.data("acct-1", "sentInvitations");
    emu.inject({ type: "shift", count: 2, provider: "linkup-v2", resource: "sentInvitations" });
    const res = await v2(emu, "list_sent", { count: 3 });
    assert.equal(res.json.data.total_available_results, 147);
    const ids = res.json.data.invitations.map((inv) => inv.entity_urn.split(":").pop());
    assert.equal(ids[2], before[0].id, "everything moved down by two");
    assert.ok(!before.some((inv) => inv.id === ids[0] || inv.id === ids[1]), "fresh ids");
    assert.ok(BigInt(ids[0]) > BigInt(before[0].id), "newer ids are larger");
    assert.equal(res.json.data.invitations[0].sent_time_days, 0);
    assert.equal(emu.ledger("key-1").credits, 1, "a shifted answer is a real one and is charged");
    assert.equal((await v2(emu, "list_sent", {}, { account: "acct-2" })).json.data.total_available_results, 145);
  });

  it("emu.shift() moves one account's list only, seen by every provider", async () => {
    const inserted = emu.shift({ account: "acct-7", resource: "receivedInvitations", count: 1 });
    assert.equal(inserted.length, 1);
    assert.equal(inserted[0].type, "CONNECTION");
    const v1Res = await v1(emu, "receivedInvitations", { total_results: 1 }, { loginToken: "acct-7" });
    assert.match(String(v1Res.json.data.invitations[0].entity_urn), new RegExp(`${inserted[0].id}$`));
    const csRes = await cs(emu, "receivedInvitations", { accountId: "acct-7" });
    assert.equal(csRes.json.invitations[0].invitationId, inserted[0].id);
    assert.equal((await cs(emu, "receivedInvitations", { accountId: "acct-8" })).json.invitations[0].invitationId, emu.data("acct-8", "receivedInvitations")[0].id);
    assert.notEqual(emu.data("acct-8", "receivedInvitations")[0].id, inserted[0].id);
  });
});
