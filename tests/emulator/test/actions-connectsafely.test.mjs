// ConnectSafely writes: withdraw by profile, respond ACCEPT / IGNORE with
// every required field, 400 {success: false, error} when nothing is pending,
// no credits (seat-billed).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { csWithdraw, start } from "../test-support/helpers.mjs";
import { readKeys } from "../test-support/readers.mjs";
import { actionsFor, assertAppliedOnce, csRespond, isPending, respondBody } from "../test-support/writes.mjs";

let emu;
before(async () => {
  emu = await start({ sizes: { connections: 30, sent: 25, received: 26 } });
});
after(() => emu.close());

describe("ConnectSafely writes", () => {
  it("withdraw applies once; a second answers 400 {success: false, error}", async () => {
    const accountId = "cs-w";
    const target = emu.data(accountId, "sentInvitations")[4];
    const profileId = target.person.slug ?? target.person.memberId;
    const first = await csWithdraw(emu, { profileId, invitationId: target.id, accountId }, { apiKey: "cs-w" });
    assert.equal(first.status, 200);
    assert.equal(first.json.invitationId, target.id);
    assert.equal(first.json.accountId, accountId);
    assert.ok(!isPending(emu, accountId, "sentInvitations", target.id));
    const second = await csWithdraw(emu, { profileId, invitationId: target.id, accountId }, { apiKey: "cs-w" });
    assert.equal(second.status, 400);
    assert.deepEqual(second.json, { success: false, error: "No pending invitation found for this profile" });
    assert.deepEqual(emu.ledger("cs-w"), { credits: 0, requests: 2 });
    assert.deepEqual(
      actionsFor(emu, target.id).map((e) => [e.provider, e.action, e.applied, e.outcome]),
      [["connectsafely", "withdraw", true, "withdrawn"], ["connectsafely", "withdraw", false, "notPending"]],
    );
  });

  it("respond ACCEPT: leaves the received list, the person heads connections; again is not pending", async () => {
    const accountId = "cs-a";
    const target = emu.data(accountId, "receivedInvitations").find((inv) => inv.type === "CONNECTION");
    const body = respondBody(target, "ACCEPT", { profileId: target.person.memberId, accountId });
    const first = await csRespond(emu, body);
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { success: true, message: "Invitation accepted successfully", accountId });
    assert.ok(!(await readKeys(emu, "connectsafely", "receivedInvitations", accountId)).includes(target.id));
    const [head] = emu.data(accountId, "connections");
    assert.equal(head.person.canonicalUrl, target.person.canonicalUrl);
    const again = await csRespond(emu, body);
    assert.equal(again.status, 400);
    assert.deepEqual(again.json, { success: false, error: "No pending invitation found with this id" });
    assertAppliedOnce(emu, target.id);
  });

  it("respond IGNORE: leaves the received list, no connection", async () => {
    const accountId = "cs-i";
    const target = emu.data(accountId, "receivedInvitations").find((inv) => inv.type === "ORGANIZATION");
    const connections = emu.data(accountId, "connections");
    const res = await csRespond(emu, respondBody(target, "IGNORE", { accountId }));
    assert.equal(res.status, 200);
    assert.equal(res.json.message, "Invitation ignored successfully");
    assert.ok(!isPending(emu, accountId, "receivedInvitations", target.id));
    assert.deepEqual(emu.data(accountId, "connections"), connections);
    assert.deepEqual(actionsFor(emu, target.id).map((e) => [e.action, e.applied, e.outcome]), [["ignore", true, "ignored"]]);
  });

  it("every documented field is required; a wrong token or action is 400; nothing changes", async () => {
    const accountId = "cs-bad";
    const target = emu.data(accountId, "receivedInvitations")[0];
    const full = respondBody(target, "ACCEPT", { accountId });
    for (const name of ["invitationId", "validationToken", "linkedInInvitationType", "firstName", "lastName"]) {
      const { [name]: _, ...body } = full;
      const res = await csRespond(emu, body);
      assert.equal(res.status, 400, name);
      assert.deepEqual(res.json, { success: false, error: `${name} is required` });
    }
    assert.equal((await csRespond(emu, { ...full, action: "MAYBE" })).status, 400);
    const wrong = await csRespond(emu, { ...full, validationToken: "nope" });
    assert.equal(wrong.status, 400);
    assert.match(wrong.json.error, /validationToken/);
    assert.ok(isPending(emu, accountId, "receivedInvitations", target.id));
    assert.equal(emu.ledger("key-1").credits, 0);
  });
});
