// Unipile: X-API-KEY and account_id, RFC 7807 errors, opaque cursors that
// chain over the whole list and are refused (400 errors/invalid_parameters)
// once the list changed, the same network as the other providers, 0 credits.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { start } from "../test-support/helpers.mjs";
import { truthKey, unipileGet, unipileKey, unipilePages, visibleTo } from "../test-support/readers.mjs";
import { RESOURCES } from "../data.mjs";

let emu;
before(async () => {
  emu = await start({ sizes: { connections: 230, sent: 45, received: 52 } });
});
after(() => emu.close());

function assertProblem(res, status, type) {
  assert.equal(res.status, status);
  assert.deepEqual(Object.keys(res.json).sort(), ["detail", "instance", "status", "title", "type"]);
  assert.equal(res.json.status, status);
  assert.equal(res.json.type, type);
  assert.equal(typeof res.json.title, "string");
  assert.equal(typeof res.json.detail, "string");
}

describe("unipile auth", () => {
  it("no key 401 missing_credentials, a refused key 401 invalid_credentials, no account_id 400, an unknown account 404", async () => {
    const strict = await start({ apiKeys: ["good"], accounts: ["acct-ok"] });
    try {
      assertProblem(await unipileGet(strict, "connections", { account_id: "acct-ok" }, { apiKey: null }), 401, "errors/missing_credentials");
      assertProblem(await unipileGet(strict, "connections", { account_id: "acct-ok" }, { apiKey: "bad" }), 401, "errors/invalid_credentials");
      const noAccount = await unipileGet(strict, "sentInvitations", {}, { apiKey: "good" });
      assertProblem(noAccount, 400, "errors/invalid_parameters");
      assert.match(noAccount.json.detail, /account_id/);
      assertProblem(await unipileGet(strict, "sentInvitations", { account_id: "other" }, { apiKey: "good" }), 404, "errors/resource_not_found");
      assert.equal((await unipileGet(strict, "sentInvitations", { account_id: "acct-ok" }, { apiKey: "good" })).status, 200);
      assert.deepEqual(strict.ledger("good"), { credits: 0, requests: 3 });
    } finally {
      await strict.close();
    }
  });
});

describe("unipile lists", () => {
  it("cursors chain over every list; items are the account's truth, ids as strings; cursor null at the end", async () => {
    const account = "u-chain";
    const truth = emu.data(account);
    for (const resource of RESOURCES) {
      for (const limit of [undefined, 7, 100]) {
        const pages = await unipilePages(emu, resource, account, { limit });
        const keys = pages.flatMap((page) => page.json.items.map(unipileKey));
        assert.deepEqual(keys, visibleTo("unipile", resource, truth[resource]).map(truthKey), `${resource} limit ${limit}`);
        assert.equal(pages.at(-1).json.cursor, null);
        for (const page of pages.slice(0, -1)) assert.equal(typeof page.json.cursor, "string");
        const size = limit ?? (resource === "connections" ? 100 : 10);
        for (const page of pages.slice(0, -1)) assert.equal(page.json.items.length, size);
      }
    }
    const raw = (await unipileGet(emu, "sentInvitations", { account_id: account, limit: 3 })).text;
    assert.deepEqual([...raw.matchAll(/"id":"(\d+)"/g)].map((m) => m[1]), truth.sentInvitations.slice(0, 3).map((inv) => inv.id));
    assert.equal(emu.ledger("key-1").credits, 0);
  });

  it("renders the documented fields from the truth", async () => {
    const account = "u-fields";
    const truth = emu.data(account);
    const sent = (await unipileGet(emu, "sentInvitations", { account_id: account, limit: 1 })).json;
    assert.equal(sent.object, "InvitationList");
    const [s] = sent.items;
    const t = truth.sentInvitations[0];
    assert.equal(s.object, "InvitationSent");
    assert.deepEqual([s.invited_user, s.invited_user_id, s.invited_user_description, s.invitation_text], [t.person.name, t.person.memberId, t.person.headline ?? "", t.message]);
    assert.equal(s.specifics.provider, "LINKEDIN");
    const received = (await unipileGet(emu, "receivedInvitations", { account_id: account, limit: 100 })).json.items;
    const r = received[0];
    const rt = truth.receivedInvitations.find((inv) => inv.id === r.id);
    assert.equal(r.object, "InvitationReceived");
    assert.equal(r.specifics.shared_secret, rt.sharedSecret);
    assert.equal(r.inviter.inviter_id, rt.person.memberId);
    const days = (iso) => Math.floor((emu.clock() - Date.parse(iso)) / 86_400_000);
    for (const item of received) {
      const it = truth.receivedInvitations.find((inv) => inv.id === item.id);
      if (item.parsed_datetime !== null) assert.equal(days(item.parsed_datetime), it.ageDays);
      assert.equal(item.date, it.sentTime.linkupV1);
    }
    assert.ok(received.some((item) => item.parsed_datetime === null), "some items give only the text");
    const rel = (await unipileGet(emu, "connections", { account_id: account, limit: 1 })).json;
    assert.equal(rel.object, "UserRelationsList");
    const [c] = rel.items;
    assert.equal(c.public_profile_url, truth.connections[0].person.canonicalUrl);
    assert.equal(c.member_id, truth.connections[0].person.memberId);
    assert.equal(typeof c.created_at, "number");
    assert.equal(Math.floor((emu.clock() - c.created_at) / 86_400_000), truth.connections[0].ageDays);
  });

  it("a cursor reused before a change pages again; after a change it is 400 errors/invalid_parameters", async () => {
    const account = "u-reuse";
    const first = await unipileGet(emu, "sentInvitations", { account_id: account, limit: 10 });
    const { cursor } = first.json;
    const again = await unipileGet(emu, "sentInvitations", { account_id: account, limit: 10, cursor });
    assert.deepEqual((await unipileGet(emu, "sentInvitations", { account_id: account, limit: 10, cursor })).json, again.json);
    emu.mutate({ account, addSent: 1 });
    const stale = await unipileGet(emu, "sentInvitations", { account_id: account, limit: 10, cursor });
    assertProblem(stale, 400, "errors/invalid_parameters");
    // Another list's cursor is untouched by that change.
    const relations = await unipileGet(emu, "connections", { account_id: account, limit: 5 });
    assert.equal((await unipileGet(emu, "connections", { account_id: account, limit: 5, cursor: relations.json.cursor })).status, 200);
    // A restart from the head works, and sees the new item first.
    const restart = await unipileGet(emu, "sentInvitations", { account_id: account, limit: 10 });
    assert.equal(restart.json.items[0].id, emu.data(account, "sentInvitations")[0].id);
  });

  it("a shift mid-read makes the next cursor stale, as a real list that moves", async () => {
    const account = "u-shift";
    const first = await unipileGet(emu, "receivedInvitations", { account_id: account, limit: 5 });
    emu.inject({ type: "shift", provider: "unipile", resource: "receivedInvitations", account });
    const next = await unipileGet(emu, "receivedInvitations", { account_id: account, limit: 5, cursor: first.json.cursor });
    assertProblem(next, 400, "errors/invalid_parameters");
  });

  it("a cursor of another list or account, or not one at all, is 400; limits are checked", async () => {
    const sent = await unipileGet(emu, "sentInvitations", { account_id: "u-x", limit: 2 });
    assertProblem(await unipileGet(emu, "receivedInvitations", { account_id: "u-x", cursor: sent.json.cursor }), 400, "errors/invalid_parameters");
    assertProblem(await unipileGet(emu, "sentInvitations", { account_id: "u-y", cursor: sent.json.cursor }), 400, "errors/invalid_parameters");
    assertProblem(await unipileGet(emu, "sentInvitations", { account_id: "u-x", cursor: "garbage" }), 400, "errors/invalid_parameters");
    for (const [resource, limit] of [["connections", 0], ["connections", 1001], ["sentInvitations", 101], ["receivedInvitations", "ten"]]) {
      assertProblem(await unipileGet(emu, resource, { account_id: "u-x", limit }), 400, "errors/invalid_parameters");
    }
    assert.equal((await unipileGet(emu, "connections", { account_id: "u-x", limit: 1000 })).json.items.length, 230);
  });
});

describe("unipile faults", () => {
  it("answer in RFC 7807: 429 too_many_requests, 500 unexpected_error, a raw errors/ type with its status", async () => {
    emu.inject([
      { type: "rate-limit", provider: "unipile", retryAfterSeconds: 3 },
      { type: "status", status: 500, provider: "unipile" },
      { type: "provider-error", provider: "unipile", code: "errors/cannot_resend_yet", status: 422 },
      { type: "wrong-type", provider: "unipile", field: "total" },
    ]);
    const limited = await unipileGet(emu, "connections", { account_id: "u-f" });
    assertProblem(limited, 429, "errors/too_many_requests");
    assert.equal(limited.headers.get("retry-after"), "3");
    assertProblem(await unipileGet(emu, "connections", { account_id: "u-f" }), 500, "errors/unexpected_error");
    assertProblem(await unipileGet(emu, "connections", { account_id: "u-f" }), 422, "errors/cannot_resend_yet");
    const wrong = await unipileGet(emu, "connections", { account_id: "u-f" });
    assert.equal(wrong.json.cursor, 1);
  });
});
