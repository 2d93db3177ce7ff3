// Actions through the built package over real HTTP (SPEC §9), on each
// provider of the emulator: withdraw, accept, ignore; a lost answer
// repeated is notPending and the emulator's action log shows the write
// applied once; withdrawStale's dry run prices what the run spends, and
// the run never withdraws an invitation younger than asked.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LinkedInNetworkError, PROVIDERS, clientFor, rejection, start } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

let accounts = 0;
/** A client on an account of its own: writes change that account's data only. */
function freshClient(provider, extra = {}) {
  accounts += 1;
  const account = `acct-actions-${process.pid}-${accounts}`;
  return { account, ...clientFor(emu, provider, { account, retry: { baseDelayMs: 10 }, ...extra }) };
}

const writesOf = (apiKey) => emu.actions().filter((entry) => entry.apiKey === apiKey);

for (const provider of PROVIDERS) {
  describe(`${provider.id} actions`, () => {
    test("withdraw, then again: withdrawn, then notPending; credits as the ledger charged", async () => {
      const { apiKey, account, client } = freshClient(provider);
      const [first] = (await client.sentInvitations.list({ limit: 10 })).items;
      const before = emu.ledger(apiKey).credits;
      const done = await client.sentInvitations.withdraw(first);
      assert.equal(done.outcome, "withdrawn");
      assert.deepEqual(done.invitation, { id: first.id, name: first.person.name, profileUrl: first.person.profileUrl });
      assert.equal(done.requests, 1);
      assert.equal(done.creditsUsed, emu.ledger(apiKey).credits - before);
      assert.ok(!emu.data(account, "sentInvitations").some((item) => item.id === first.id));
      const again = await client.sentInvitations.withdraw(first);
      assert.equal(again.outcome, "notPending");
      const applied = writesOf(apiKey).filter((entry) => entry.applied);
      assert.equal(applied.length, 1);
    });

    test("a cut answer: the repeat finds nothing pending; applied once, credits as charged", async () => {
      const { apiKey, client } = freshClient(provider);
      const [first] = (await client.sentInvitations.list({ limit: 10 })).items;
      const before = emu.ledger(apiKey).credits;
      emu.inject({ type: "cut", action: "withdraw", apiKey });
      const done = await client.sentInvitations.withdraw(first);
      assert.equal(done.outcome, "notPending");
      assert.equal(done.requests, 2);
      const writes = writesOf(apiKey);
      assert.equal(writes.length, 2);
      assert.equal(writes.filter((entry) => entry.applied).length, 1);
      assert.equal(done.creditsUsed, emu.ledger(apiKey).credits - before);
    });

    test("a 503 is retried and the write done once", async () => {
      const { apiKey, client } = freshClient(provider);
      const [first] = (await client.sentInvitations.list({ limit: 10 })).items;
      emu.inject({ type: "status", status: 503, action: "withdraw", apiKey });
      const done = await client.sentInvitations.withdraw(first);
      assert.equal(done.outcome, "withdrawn");
      assert.equal(writesOf(apiKey).filter((entry) => entry.applied).length, 1);
    });

    test("accept, and ignore where the provider has it", async () => {
      const { apiKey, client } = freshClient(provider);
      const [first, second] = (await client.receivedInvitations.list({ limit: 10 })).items;
      const accepted = await client.receivedInvitations.accept(first);
      assert.equal(accepted.outcome, "accepted");
      if (provider.ignores) {
        assert.equal((await client.receivedInvitations.ignore(second)).outcome, "ignored");
      } else {
        const error = await rejection(client.receivedInvitations.ignore(second));
        assert.ok(error instanceof LinkedInNetworkError);
        assert.equal(error.code, "INVALID_INPUT");
        assert.equal(error.provider, provider.id);
        assert.match(error.message, /"ignore"/);
      }
      assert.equal(writesOf(apiKey).length, provider.ignores ? 2 : 1, "nothing sent for a refused ignore");
    });

    test("withdrawStale: the dry run writes nothing and prices exactly what the run spends", async () => {
      const dry = freshClient(provider);
      const plan = await dry.client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 5, dryRun: true });
      assert.equal(writesOf(dry.apiKey).length, 0);
      assert.equal(plan.candidates.length, 5);
      assert.ok(plan.candidates.every((candidate) => candidate.days >= 21));
      assert.equal(plan.credits, emu.ledger(dry.apiKey).credits + 5 * (provider.hasCredits ? 1 : 0));

      const real = freshClient(provider);
      const events = [];
      const done = await real.client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 5, onProgress: (event) => events.push(event) });
      assert.equal(done.withdrawn, 5);
      assert.equal(done.creditsUsed, plan.credits);
      assert.equal(done.requests, plan.requests);
      assert.equal(done.creditsUsed, emu.ledger(real.apiKey).credits);
      assert.deepEqual(done.results.map((entry) => entry.invitation.id), plan.candidates.map((candidate) => candidate.invitation.id));
      assert.equal(done.stopReason, plan.leftOut > 0 ? "max" : "end");
      assert.match(done.warnings.join("\n"), /cannot be invited again for about three weeks/);
      assert.equal(events.at(-1).stopReason, done.stopReason);
      // Oldest first, by the emulator's own ages.
      const ages = new Map(emu.data(dry.account, "sentInvitations").map((item) => [item.id, item.ageDays]));
      const withdrawnAges = done.results.map((entry) => ages.get(entry.invitation.id));
      assert.ok(withdrawnAges.every((age) => age >= 21), `${withdrawnAges}`);
      assert.deepEqual(withdrawnAges, [...withdrawnAges].sort((a, b) => b - a));
    });
  });
}

test("an AUTH error stops withdrawStale cleanly and says what was done", async () => {
  const provider = PROVIDERS[0];
  const { apiKey, client } = freshClient(provider);
  emu.inject({ type: "provider-error", code: "INVALID_API_KEY", action: "withdraw", apiKey, after: 2 });
  const done = await client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 5 });
  assert.equal(done.stopReason, "auth");
  assert.equal(done.complete, false);
  assert.equal(done.withdrawn, 2);
  assert.equal(done.failed, 1);
  assert.ok(done.results[2].error instanceof LinkedInNetworkError);
  assert.equal(done.results[2].error.code, "AUTH");
  assert.equal(writesOf(apiKey).length, 3);
});
