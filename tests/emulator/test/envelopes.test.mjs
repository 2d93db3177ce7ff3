// Every endpoint's success and error envelopes against the documented
// examples: same keys, same JSON types, recursively.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertSameShape, cs, csWithdraw, fixture, NOW, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

describe("linkup-v2 envelopes", () => {
  it("list_sent matches the documented example, clock in metadata and Date", async () => {
    const res = await v2(emu, "list_sent", { count: 40 });
    assert.equal(res.status, 200);
    assertSameShape(res.json, fixture("linkup-v2-list-sent"), { nullable: ["profile_picture"] });
    assert.equal(res.json.data.invitations.length, 40);
    assert.equal(res.json.metadata.timestamp, NOW);
    assert.equal(res.json.metadata.account_id, "acct-1");
    assert.equal(res.headers.get("date"), new Date(NOW).toUTCString());
  });

  it("list_invitations has sender{profile_picture_url} and shared_secret", async () => {
    const doc = fixture("linkup-v2-list-sent");
    const { recipient, ...rest } = doc.data.invitations[0];
    const { profile_picture: picture, ...sender } = recipient;
    doc.data.invitations = [{ ...rest, shared_secret: "abc", sender: { ...sender, profile_picture_url: picture } }];
    doc.metadata.action = "list_invitations";
    const res = await v2(emu, "list_invitations", { count: 50 });
    assertSameShape(res.json, doc, { nullable: ["profile_picture_url"] });
    assert.equal(res.json.metadata.action, "list_invitations");
  });

  it("list_connections matches the documented example", async () => {
    const res = await v2(emu, "list_connections", { count: 30, offset: 5 });
    assertSameShape(res.json, fixture("linkup-v2-list-connections"), { nullable: ["profile_picture"] });
  });

  it("withdraw matches the documented example", async () => {
    const sent = emu.data("acct-1", "sentInvitations");
    const res = await v2(emu, "withdraw", { invitation_id: sent[3].id });
    assertSameShape(res.json, fixture("linkup-v2-withdraw"));
    assert.equal(res.json.data.invitation_id, sent[3].id);
  });

  it("errors use {success:false, error{code,message}, metadata{action,credits_consumed,timestamp}}", async () => {
    const res = await v2(emu, "list_sent", { count: 0 });
    assert.equal(res.status, 400);
    assert.deepEqual(Object.keys(res.json), ["success", "error", "metadata"]);
    assert.equal(res.json.success, false);
    assert.equal(res.json.error.code, "INVALID_PARAMS");
    assert.equal(typeof res.json.error.message, "string");
    assert.deepEqual(res.json.metadata, { action: "list_sent", credits_consumed: 0, timestamp: NOW });
  });

  it("answers each validation failure with its documented code and status", async () => {
    const cases = [
      [{ action: "list_sent", params: { count: 1.5 } }, 400, "INVALID_PARAMS"],
      [{ action: "list_sent", params: { count: "10" } }, 400, "INVALID_PARAMS"],
      [{ action: "list_sent", params: { offset: -1 } }, 400, "INVALID_PARAMS"],
      [{ action: "list_sent", params: { invitation_type: "EVENT" } }, 400, "INVALID_PARAMS"],
      [{ action: "list_everything", params: {} }, 400, "INVALID_ACTION"],
      [{ action: "withdraw", params: { invitation_id: 7330000000000000001 } }, 400, "INVALID_PARAMS"],
    ];
    for (const [body, status, code] of cases) {
      const res = await v2(emu, null, null, { body: JSON.stringify({ account_id: "acct-1", ...body }) });
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.json.error.code, code, JSON.stringify(body));
    }
    const missingAccount = await v2(emu, "list_sent", {}, { account: null });
    assert.equal(missingAccount.status, 404);
    assert.equal(missingAccount.json.error.code, "INVALID_ACCOUNT");
  });
});

describe("linkup-v1 envelopes", () => {
  it("sent-invitations matches the documented example, invitation_id a bare number", async () => {
    const res = await v1(emu, "sentInvitations", { start_page: 1, end_page: 3 });
    assertSameShape(res.json, fixture("linkup-v1-sent-invitations"), { nullable: ["message", "profile_picture"] });
    assert.equal(res.json.data.invitations.length, 30);
    assert.match(res.text, /"invitation_id":\d{19},/);
    assert.doesNotMatch(res.text, /"invitation_id":"/);
  });

  it("received invitations add shared_secret and shared_connections, and mix both id forms", async () => {
    const res = await v1(emu, "receivedInvitations", { total_results: 19 });
    const doc = fixture("linkup-v1-sent-invitations");
    doc.data.invitations[0].shared_secret = "x";
    doc.data.invitations[0].shared_connections = "13 mutual connections";
    const invitations = res.json.data.invitations;
    const numbers = invitations.filter((inv) => typeof inv.invitation_id === "number");
    const strings = invitations.filter((inv) => typeof inv.invitation_id === "string");
    assert.ok(numbers.length > 0 && strings.length > 0, "both id forms appear");
    for (const inv of strings) assert.match(inv.entity_urn, /^urn:li:invitation:\d{19}$/);
    for (const inv of numbers) assert.match(inv.entity_urn, /^urn:li:fsd_invitation:\d{19}$/);
    for (const inv of invitations) inv.invitation_id = 0; // both forms are documented
    assertSameShape(res.json, doc, { nullable: ["message", "profile_picture", "shared_connections"] });
    assert.match(res.text, /"invitation_id":"\d{19}"/);
    assert.match(res.text, /"invitation_id":\d{19},/);
  });

  it("connections carry name, job_title, profile_url, profile_picture", async () => {
    const res = await v1(emu, "connections", { start_page: 2 });
    const doc = fixture("linkup-v1-sent-invitations");
    doc.data.connections = [{ name: "a", job_title: "b", profile_url: "c", profile_picture: "d" }];
    delete doc.data.invitations;
    assertSameShape(res.json, doc, { nullable: ["profile_picture"] });
  });

  it("errors are {status:'error', message}", async () => {
    const res = await v1(emu, "sentInvitations", {}, { loginToken: null });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { status: "error", message: "Invalid or expired LinkedIn cookie" });
    const bad = await v1(emu, "sentInvitations", { start_page: 3, end_page: 2 });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.json), ["status", "message"]);
    const badType = await v1(emu, "receivedInvitations", { invitation_type: "EVENT" });
    assert.equal(badType.json.status, "error");
  });
});

describe("connectsafely envelopes", () => {
  it("invitations/sent matches the documented example", async () => {
    const res = await cs(emu, "sentInvitations", { startIndex: 10 });
    assertSameShape(res.json, fixture("connectsafely-invitations-sent"));
    assert.equal(res.json.count, 10);
    assert.equal(res.json.startIndex, 10);
    assert.equal(res.json.accountId, "default");
  });

  it("invitations/received: organisation items as documented, member items add memberId and headline", async () => {
    const res = await cs(emu, "receivedInvitations", { startIndex: 0, accountId: "acct-9" });
    assert.equal(res.json.accountId, "acct-9");
    const doc = fixture("connectsafely-invitations-received");
    const organisations = res.json.invitations.filter((inv) => inv.invitationCategory !== "CONNECTION");
    const members = res.json.invitations.filter((inv) => inv.invitationCategory === "CONNECTION");
    assert.ok(organisations.length > 0 && members.length > 0);
    assertSameShape({ ...res.json, invitations: organisations }, doc);
    for (const inv of organisations) {
      assert.equal(inv.memberId, "");
      assert.equal(inv.memberUrn, "");
      assert.notEqual(inv.companyName, "");
    }
    doc.invitations[0].profile.headline = "h";
    assertSameShape({ ...res.json, invitations: members }, doc);
    for (const inv of members) assert.match(inv.memberUrn, /^urn:li:fsd_profile:ACoAA/);
  });

  it("connections match the documented example (no count)", async () => {
    const res = await cs(emu, "connections", { limit: 12, sortBy: "lastName" });
    assertSameShape(res.json, fixture("connectsafely-connections"));
    assert.equal(res.json.sortBy, "lastName");
    assert.equal(res.json.limit, 12);
    assert.match(res.json.connections[0].connectedDate, /^Connected on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });

  it("errors are {error: string}; X-RateLimit-* headers on every answer", async () => {
    const res = await cs(emu, "connections", { limit: 13 });
    assert.equal(res.status, 400);
    assert.deepEqual(Object.keys(res.json), ["error"]);
    assert.equal(res.headers.get("x-ratelimit-limit"), "60");
    assert.match(res.headers.get("x-ratelimit-remaining"), /^\d+$/);
    assert.match(res.headers.get("x-ratelimit-reset"), /^\d+$/);
    const withdraw = await csWithdraw(emu, {});
    assert.equal(withdraw.status, 400);
    assert.equal(withdraw.json.error, "profileId is required");
  });

  it("withdraw: 200 removes it, 400 when nothing is pending, 404 for an unknown profile", async () => {
    const [first] = emu.data("default", "sentInvitations");
    const profileId = first.person.slug ?? first.person.memberId;
    const ok = await csWithdraw(emu, { profileId });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.success, true);
    assert.equal(ok.json.invitationId, first.id);
    assert.notEqual(emu.data("default", "sentInvitations")[0].id, first.id);
    const again = await csWithdraw(emu, { profileId });
    assert.equal(again.status, 400);
    const connection = emu.data("default", "connections")[0];
    const notPending = await csWithdraw(emu, { profileId: connection.person.slug ?? connection.person.memberId });
    assert.equal(notPending.status, 400);
    const unknown = await csWithdraw(emu, { profileId: "nobody-here-zzz" });
    assert.equal(unknown.status, 404);
  });
});

it("unknown paths answer 404 JSON", async () => {
  const res = await fetch(`${emu.url}/v3/whatever`);
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error, "Not found");
});
