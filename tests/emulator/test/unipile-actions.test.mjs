// Unipile writes: cancel a sent invitation, accept or decline a received
// one; applied once, then 404 errors/resource_not_found; no credits.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { start } from "../test-support/helpers.mjs";
import { readKeys } from "../test-support/readers.mjs";
import { abortedAfter, actionsFor, assertAppliedOnce, isPending, unipileCancel, unipileHandle } from "../test-support/writes.mjs";

let emu;
before(async () => {
  emu = await start({ sizes: { connections: 20, sent: 20, received: 26 } });
});
after(() => emu.close());

const people = (account) => emu.data(account, "receivedInvitations").filter((inv) => inv.type === "CONNECTION");
const handleBody = (inv, account, action) => ({ provider: "LINKEDIN", shared_secret: inv.sharedSecret, account_id: account, action });

describe("unipile writes", () => {
  it("DELETE invite/sent/{id} cancels once; again is 404 resource_not_found; a malformed id 400 invalid_invitation_id", async () => {
    const account = "u-cancel";
    const target = emu.data(account, "sentInvitations")[6];
    const first = await unipileCancel(emu, target.id, account, { apiKey: "u-cancel" });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { object: "InvitationCanceled" });
    for (const provider of ["unipile", "linkup-v2", "connectsafely"]) {
      assert.ok(!(await readKeys(emu, provider, "sentInvitations", account)).includes(target.id), provider);
    }
    const again = await unipileCancel(emu, target.id, account, { apiKey: "u-cancel" });
    assert.equal(again.status, 404);
    assert.equal(again.json.type, "errors/resource_not_found");
    const malformed = await unipileCancel(emu, "not-an-id", account, { apiKey: "u-cancel" });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json.type, "errors/invalid_invitation_id");
    assert.deepEqual(emu.ledger("u-cancel"), { credits: 0, requests: 3 });
    assert.deepEqual(actionsFor(emu, target.id).map((e) => [e.provider, e.action, e.applied, e.outcome, e.credits]), [
      ["unipile", "withdraw", true, "withdrawn", 0],
      ["unipile", "withdraw", false, "notPending", 0],
    ]);
  });

  it("POST invite/received/{id} accept: ACCEPTED, the person heads connections; again 404", async () => {
    const account = "u-accept";
    const target = people(account)[2];
    const first = await unipileHandle(emu, target.id, handleBody(target, account, "accept"));
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { object: "UserInvitationHandled", status: "ACCEPTED" });
    assert.ok(!isPending(emu, account, "receivedInvitations", target.id));
    assert.equal(emu.data(account, "connections")[0].person.canonicalUrl, target.person.canonicalUrl);
    const again = await unipileHandle(emu, target.id, handleBody(target, account, "accept"));
    assert.equal(again.status, 404);
    assert.equal(again.json.type, "errors/resource_not_found");
    assertAppliedOnce(emu, target.id);
  });

  it("decline: DECLINED, leaves the list, no connection", async () => {
    const account = "u-decline";
    const target = people(account)[0];
    const connections = emu.data(account, "connections");
    const res = await unipileHandle(emu, target.id, handleBody(target, account, "decline"));
    assert.deepEqual(res.json, { object: "UserInvitationHandled", status: "DECLINED" });
    assert.ok(!isPending(emu, account, "receivedInvitations", target.id));
    assert.deepEqual(emu.data(account, "connections"), connections);
    assert.deepEqual(actionsFor(emu, target.id).map((e) => [e.action, e.outcome]), [["ignore", "ignored"]]);
  });

  it("checks provider, action, shared_secret and account_id; nothing changes on a refusal", async () => {
    const account = "u-bad";
    const target = people(account)[1];
    const good = handleBody(target, account, "accept");
    const cases = [
      [{ ...good, provider: "TWITTER" }, 400, "errors/invalid_parameters"],
      [{ ...good, action: "maybe" }, 400, "errors/invalid_parameters"],
      [{ ...good, shared_secret: undefined }, 400, "errors/invalid_parameters"],
      [{ ...good, shared_secret: "wrong" }, 400, "errors/invalid_parameters"],
      [{ ...good, account_id: undefined }, 400, "errors/invalid_parameters"],
    ];
    for (const [body, status, type] of cases) {
      const res = await unipileHandle(emu, target.id, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.json.type, type);
    }
    assert.ok(isPending(emu, account, "receivedInvitations", target.id));
  });

  it("a hang after the write (apply: true): the retry is 404, applied once", async () => {
    const account = "u-hang";
    const target = emu.data(account, "sentInvitations")[0];
    emu.inject({ type: "hang", provider: "unipile", action: "withdraw", apply: true });
    assert.equal(await abortedAfter(unipileCancel(emu, target.id, account, { signal: AbortSignal.timeout(200) })), "TimeoutError");
    assert.equal((await unipileCancel(emu, target.id, account)).status, 404);
    assertAppliedOnce(emu, target.id);
  });
});
