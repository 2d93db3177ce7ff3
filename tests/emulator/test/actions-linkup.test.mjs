// linkup-v2 and linkup-v1 writes: an action applies once, a second answers
// not-pending in the provider's words, required fields are checked, and the
// ledger bills as NOTES says (v2: 1 a success, errors free; v1: every answer
// but HTTP 500).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { start, v2 } from "../test-support/helpers.mjs";
import { PROVIDERS, readKeys } from "../test-support/readers.mjs";
import { actionsFor, assertAppliedOnce, isPending, v1Write } from "../test-support/writes.mjs";

let emu;
before(async () => {
  emu = await start({ sizes: { connections: 40, sent: 30, received: 26 }, creditLimits: { "capped-v1": 0, "capped-v2": 0 } });
});
after(() => emu.close());

const connectionReceived = (account) => emu.data(account, "receivedInvitations").filter((inv) => inv.type === "CONNECTION");

describe("linkup-v2 writes", () => {
  it("withdraw applies once; the second answers 400 INVALID_PARAMS, free", async () => {
    const account = "v2-w";
    const target = emu.data(account, "sentInvitations")[5];
    const first = await v2(emu, "withdraw", { invitation_id: target.id }, { account, apiKey: "v2-w" });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json.data, { withdrawn: true, invitation_id: target.id });
    assert.equal(first.json.metadata.credits_consumed, 1);
    for (const provider of PROVIDERS) {
      assert.ok(!(await readKeys(emu, provider, "sentInvitations", account)).includes(target.id), provider);
    }
    const second = await v2(emu, "withdraw", { invitation_id: target.id }, { account, apiKey: "v2-w" });
    assert.equal(second.status, 400);
    assert.deepEqual(second.json.error, { code: "INVALID_PARAMS", message: "Invitation already accepted or expired" });
    assert.equal(second.json.metadata.credits_consumed, 0);
    assert.equal(emu.ledger("v2-w").credits, 1);
    assertAppliedOnce(emu, target.id);
    assert.deepEqual(actionsFor(emu, target.id), [
      { provider: "linkup-v2", action: "withdraw", applied: true, outcome: "withdrawn", credits: 1, fault: null },
      { provider: "linkup-v2", action: "withdraw", applied: false, outcome: "notPending", credits: 0, fault: null },
    ]);
  });

  it("accept {shared_secret, entity_urn}: the person joins the head of connections; a second is not pending", async () => {
    const account = "v2-a";
    const target = connectionReceived(account)[3];
    const params = { shared_secret: target.sharedSecret, entity_urn: target.urn };
    const first = await v2(emu, "accept", params, { account, apiKey: "v2-a" });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json.data, {});
    assert.equal(first.json.metadata.action, "accept");
    assert.equal(first.json.metadata.credits_consumed, 1);
    assert.ok(!isPending(emu, account, "receivedInvitations", target.id));
    assert.equal(emu.data(account, "connections")[0].person.canonicalUrl, target.person.canonicalUrl);
    const second = await v2(emu, "accept", params, { account, apiKey: "v2-a" });
    assert.equal(second.status, 400);
    assert.equal(second.json.error.message, "Invitation already accepted or expired");
    assert.equal(emu.ledger("v2-a").credits, 1);
    assertAppliedOnce(emu, target.id);
  });

  it("missing or wrong fields are 400 INVALID_PARAMS and change nothing", async () => {
    const account = "v2-bad";
    const target = connectionReceived(account)[0];
    const cases = [
      ["accept", { entity_urn: target.urn }, /shared_secret is required/],
      ["accept", { shared_secret: target.sharedSecret }, /entity_urn is required/],
      ["accept", { shared_secret: target.sharedSecret, entity_urn: "urn:li:fsd_profile:ACoAAx" }, /entity_urn/],
      ["accept", { shared_secret: "wrong", entity_urn: target.urn }, /does not match/],
      ["withdraw", {}, /invitation_id/],
    ];
    for (const [action, params, message] of cases) {
      const res = await v2(emu, action, params, { account, apiKey: "v2-bad" });
      assert.equal(res.status, 400, JSON.stringify(params));
      assert.equal(res.json.error.code, "INVALID_PARAMS");
      assert.match(res.json.error.message, message);
    }
    assert.ok(isPending(emu, account, "receivedInvitations", target.id));
    assert.deepEqual(emu.ledger("v2-bad"), { credits: 0, requests: cases.length });
    const capped = await v2(emu, "accept", { shared_secret: target.sharedSecret, entity_urn: target.urn }, { account, apiKey: "capped-v2" });
    assert.equal(capped.status, 402);
    assert.ok(isPending(emu, account, "receivedInvitations", target.id));
  });
});

describe("linkup-v1 writes", () => {
  it("withdraw-invitation applies once; the id may be a bare 19-digit number; every answer costs 1", async () => {
    const account = "v1-w";
    const target = emu.data(account, "sentInvitations")[2];
    // The id as a bare JSON number, exact in the raw text.
    const raw = `{"invitation_id":${target.id},"login_token":"${account}","country":"FR"}`;
    const first = await v1Write(emu, "withdraw", null, { raw, apiKey: "v1-w" });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { status: "success", message: "Connection invitation withdrawn successfully" });
    assert.ok(!isPending(emu, account, "sentInvitations", target.id));
    const second = await v1Write(emu, "withdraw", { invitation_id: target.id }, { loginToken: account, apiKey: "v1-w" });
    assert.equal(second.status, 200);
    assert.deepEqual(second.json, { status: "error", message: "No pending invitation found with this id" });
    const missing = await v1Write(emu, "withdraw", {}, { loginToken: account, apiKey: "v1-w" });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json, { status: "error", message: "Missing required parameter: invitation_id" });
    assert.deepEqual(emu.ledger("v1-w"), { credits: 3, requests: 3 });
    assertAppliedOnce(emu, target.id);
    assert.deepEqual(
      actionsFor(emu, target.id).map((e) => [e.applied, e.outcome, e.credits]),
      [[true, "withdrawn", 1], [false, "notPending", 1]],
    );
  });

  it("accept-invitation {shared_secret, entity_urn} in either URN form; not pending after", async () => {
    const account = "v1-a";
    const [one, two] = connectionReceived(account);
    const first = await v1Write(emu, "accept", { shared_secret: one.sharedSecret, entity_urn: `urn:li:fsd_invitation:${one.id}` }, { loginToken: account, apiKey: "v1-a" });
    assert.deepEqual(first.json, { status: "success", message: "Invitation accepted successfully" });
    const other = await v1Write(emu, "accept", { shared_secret: two.sharedSecret, entity_urn: two.urn }, { loginToken: account, apiKey: "v1-a" });
    assert.equal(other.json.status, "success");
    const heads = emu.data(account, "connections").slice(0, 2).map((c) => c.person.canonicalUrl);
    assert.deepEqual(heads, [two.person.canonicalUrl, one.person.canonicalUrl]);
    const again = await v1Write(emu, "accept", { shared_secret: one.sharedSecret, entity_urn: one.urn }, { loginToken: account, apiKey: "v1-a" });
    assert.deepEqual(again.json, { status: "error", message: "No pending invitation found with this id" });
    const missing = await v1Write(emu, "accept", { entity_urn: one.urn }, { loginToken: account, apiKey: "v1-a" });
    assert.deepEqual([missing.status, missing.json.message], [400, "Missing required parameter: shared_secret"]);
    assert.equal(emu.ledger("v1-a").credits, 4);
    assertAppliedOnce(emu, one.id);
  });

  it("bills a cookie error and a rate-limit answer, not a 500, a bad key or a gateway page", async () => {
    const account = "v1-bill";
    const target = emu.data(account, "sentInvitations")[0];
    const body = { invitation_id: target.id };
    emu.inject([
      { type: "status", status: 500, provider: "linkup-v1", action: "withdraw" },
      { type: "status", status: 502, provider: "linkup-v1", action: "withdraw" },
      { type: "v1-rate-limit-200", action: "withdraw" },
    ]);
    assert.equal((await v1Write(emu, "withdraw", body, { loginToken: account, apiKey: "v1-bill" })).status, 500);
    assert.equal((await v1Write(emu, "withdraw", body, { loginToken: account, apiKey: "v1-bill" })).status, 502);
    const limited = await v1Write(emu, "withdraw", body, { loginToken: account, apiKey: "v1-bill" });
    assert.equal(limited.json.message, "Rate limit exceeded. Please try again later");
    assert.equal(emu.ledger("v1-bill").credits, 1);
    assert.ok(isPending(emu, account, "sentInvitations", target.id), "no fault applied it");
    const cookie = await v1Write(emu, "withdraw", body, { loginToken: null, apiKey: "v1-bill" });
    assert.equal(cookie.json.message, "Invalid or expired LinkedIn cookie");
    assert.equal(emu.ledger("v1-bill").credits, 2);
    assert.equal((await v1Write(emu, "withdraw", body, { loginToken: account, apiKey: "capped-v1" })).json.message, "Insufficient credits available");
    assert.equal(emu.ledger("capped-v1").credits, 0);
    const done = await v1Write(emu, "withdraw", body, { loginToken: account, apiKey: "v1-bill" });
    assert.equal(done.json.status, "success");
    assert.equal(emu.ledger("v1-bill").credits, 3);
    assertAppliedOnce(emu, target.id);
  });
});
