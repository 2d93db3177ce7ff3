// Faults on writes: `apply` decides whether the change was made before the
// fault, so a test can build the ambiguous cases (the answer lost after the
// write happened) and prove from the action log that a retry never applied
// it twice.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { start, v2 } from "../test-support/helpers.mjs";
import { abortedAfter, actionsFor, assertAppliedOnce, csRespond, isPending, respondBody, v1Write } from "../test-support/writes.mjs";

let emu;
before(async () => {
  emu = await start({ sizes: { connections: 20, sent: 20, received: 26 } });
});
after(() => emu.close());

const sentAt = (account, index) => emu.data(account, "sentInvitations")[index];
const withdrawV2 = (account, id, init = {}) => v2(emu, "withdraw", { invitation_id: id }, { account, apiKey: account, ...init });

describe("apply on a faulted write", () => {
  it("hang with apply: true — the withdrawal happened, billed; the retry is not pending", async () => {
    const account = "f-hang-applied";
    const target = sentAt(account, 1);
    emu.inject({ type: "hang", provider: "linkup-v2", action: "withdraw", apply: true });
    assert.equal(await abortedAfter(withdrawV2(account, target.id, { signal: AbortSignal.timeout(200) })), "TimeoutError");
    assert.ok(!isPending(emu, account, "sentInvitations", target.id));
    assert.equal(emu.ledger(account).credits, 1);
    const retry = await withdrawV2(account, target.id);
    assert.equal(retry.status, 400);
    assert.deepEqual(actionsFor(emu, target.id), [
      { provider: "linkup-v2", action: "withdraw", applied: true, outcome: "withdrawn", credits: 1, fault: "hang" },
      { provider: "linkup-v2", action: "withdraw", applied: false, outcome: "notPending", credits: 0, fault: null },
    ]);
  });

  it("hang without apply — nothing happened; the retry applies once", async () => {
    const account = "f-hang";
    const target = sentAt(account, 2);
    emu.inject({ type: "hang", provider: "linkup-v2", action: "withdraw" });
    assert.equal(await abortedAfter(withdrawV2(account, target.id, { signal: AbortSignal.timeout(200) })), "TimeoutError");
    assert.ok(isPending(emu, account, "sentInvitations", target.id));
    assert.equal(emu.ledger(account).credits, 0);
    assert.equal((await withdrawV2(account, target.id)).status, 200);
    assertAppliedOnce(emu, target.id);
    assert.equal(emu.ledger(account).credits, 1);
  });

  it("cut applies by default (the answer was on its way); apply: false does not", async () => {
    const account = "f-cut";
    const [one, two] = [sentAt(account, 3), sentAt(account, 4)];
    emu.inject([
      { type: "cut", provider: "linkup-v2", action: "withdraw", account },
      { type: "cut", provider: "linkup-v2", action: "withdraw", account, apply: false },
    ]);
    assert.equal(await abortedAfter(withdrawV2(account, one.id)), "TypeError");
    assert.equal(await abortedAfter(withdrawV2(account, two.id)), "TypeError");
    assert.ok(!isPending(emu, account, "sentInvitations", one.id));
    assert.ok(isPending(emu, account, "sentInvitations", two.id));
    assert.equal(emu.ledger(account).credits, 1);
  });

  it("a rate-limit is not applied by default, or applied when asked; linkup-v1 bills its 429", async () => {
    const account = "f-429";
    const [one, two] = [sentAt(account, 5), sentAt(account, 6)];
    emu.inject([
      { type: "rate-limit", provider: "linkup-v1", action: "withdraw", retryAfterSeconds: 1 },
      { type: "rate-limit", provider: "linkup-v1", action: "withdraw", apply: true },
    ]);
    const options = { loginToken: account, apiKey: account };
    assert.equal((await v1Write(emu, "withdraw", { invitation_id: one.id }, options)).status, 429);
    assert.equal((await v1Write(emu, "withdraw", { invitation_id: two.id }, options)).status, 429);
    assert.ok(isPending(emu, account, "sentInvitations", one.id));
    assert.ok(!isPending(emu, account, "sentInvitations", two.id));
    assert.equal(emu.ledger(account).credits, 2, "one for each answer, applied or not");
    assert.deepEqual(actionsFor(emu, two.id).map((e) => [e.applied, e.credits, e.fault]), [[true, 1, "rate-limit"]]);
  });

  it("reset with apply: true on a ConnectSafely accept; the retry is not pending", async () => {
    const accountId = "f-reset";
    const target = emu.data(accountId, "receivedInvitations")[0];
    emu.inject({ type: "reset", provider: "connectsafely", action: "accept", apply: true });
    const body = respondBody(target, "ACCEPT", { accountId });
    assert.equal(await abortedAfter(csRespond(emu, body)), "TypeError");
    assert.ok(!isPending(emu, accountId, "receivedInvitations", target.id));
    assert.equal((await csRespond(emu, body)).status, 400);
    assertAppliedOnce(emu, target.id);
  });

  it("a fault on a list never touches the data; a shift fault on a write shifts, then applies", async () => {
    const account = "f-shift";
    const target = sentAt(account, 0);
    emu.inject({ type: "shift", provider: "linkup-v2", action: "withdraw", count: 2 });
    assert.equal((await withdrawV2(account, target.id)).status, 200);
    const sent = emu.data(account, "sentInvitations");
    assert.equal(sent.length, 20 + 2 - 1);
    assert.ok(!sent.some((inv) => inv.id === target.id));
    assertAppliedOnce(emu, target.id);
  });
});

describe("action log", () => {
  it("GET /__emulator/actions answers what emu.actions() does; reset clears it", async () => {
    const local = await start();
    try {
      const [first] = local.data("acct-1", "sentInvitations");
      await v2(local, "withdraw", { invitation_id: first.id });
      const http = await (await fetch(`${local.url}/__emulator/actions`)).json();
      assert.deepEqual(http, local.actions());
      assert.equal(http.length, 1);
      const [entry] = http;
      assert.deepEqual(Object.keys(entry).sort(), ["account", "action", "apiKey", "applied", "at", "credits", "fault", "invitationId", "outcome", "provider", "status"]);
      assert.equal(entry.at, "2026-04-26T10:35:00.000Z");
      assert.equal(entry.status, 200);
      local.reset();
      assert.deepEqual(local.actions(), []);
    } finally {
      await local.close();
    }
  });

  it("apply must be a boolean", () => {
    assert.throws(() => emu.inject({ type: "hang", apply: "yes" }), /apply must be true or false/);
  });
});
