// One fault on a withdraw, through the built package against the emulator,
// on every provider: the write is applied exactly once, the outcome is
// `withdrawn` when the fault came before the write and `notPending` when it
// came after (the repeat finds nothing pending), and the credits reported
// are the emulator ledger's.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PROVIDERS, clientFor, start } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

let accounts = 0;

/** [label, fault, the write made before the fault] */
const CELLS = [
  ["reset before the request", { type: "reset" }, false],
  ["429 without Retry-After", { type: "rate-limit" }, false],
  ["429 with Retry-After: 1", { type: "rate-limit", retryAfterSeconds: 1 }, false],
  ["503", { type: "status", status: 503 }, false],
  ["500 before the write", { type: "status", status: 500, apply: false }, false],
  ["500 after the write", { type: "status", status: 500, apply: true }, true],
  ["a hang once received, before the write", { type: "hang", apply: false }, false],
  ["a hang once received, after the write", { type: "hang", apply: true }, true],
  ["the answer cut short", { type: "cut" }, true],
  ["a truncated answer", { type: "truncated-json" }, true],
];

for (const provider of PROVIDERS) {
  describe(`${provider.id}: one fault on a withdraw`, () => {
    for (const [label, fault, appliedFirst] of CELLS) {
      test(label, async () => {
        accounts += 1;
        const account = `acct-faults-${process.pid}-${accounts}`;
        const { apiKey, client } = clientFor(emu, provider, { account, timeoutMs: 400, retry: { baseDelayMs: 10 } });
        const [first] = (await client.sentInvitations.list({ limit: 10 })).items;
        const before = emu.ledger(apiKey).credits;
        emu.inject({ ...fault, action: "withdraw", apiKey });
        const started = performance.now();
        const done = await client.sentInvitations.withdraw(first);
        const waited = performance.now() - started;

        assert.equal(done.outcome, appliedFirst ? "notPending" : "withdrawn");
        assert.equal(done.requests, 2);
        const writes = emu.actions().filter((entry) => entry.apiKey === apiKey);
        assert.equal(writes.length, 2, "one repeat, no more");
        assert.equal(writes.filter((entry) => entry.applied).length, 1, "applied exactly once");
        assert.equal(done.creditsUsed, emu.ledger(apiKey).credits - before, "reported = charged");
        assert.ok(!emu.data(account, "sentInvitations").some((item) => item.id === first.id));
        if (fault.retryAfterSeconds) assert.ok(waited >= 1000, `waited ${waited} ms for Retry-After`);
      });
    }

    test("a 400 is not repeated", async () => {
      accounts += 1;
      const { apiKey, client } = clientFor(emu, provider, { account: `acct-faults-${process.pid}-${accounts}` });
      const [first] = (await client.sentInvitations.list({ limit: 10 })).items;
      emu.inject({ type: "provider-error", code: "INVALID_PARAMS", status: 400, action: "withdraw", apiKey });
      await assert.rejects(client.sentInvitations.withdraw(first), (error) => error.code === "PROVIDER_ERROR" && error.provider === provider.id);
      assert.equal(emu.actions().filter((entry) => entry.apiKey === apiKey).length, 1);
    });
  });
}
