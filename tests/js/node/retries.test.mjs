// A 429 (with and without Retry-After) is retried and the run still reads
// every item; the retry is counted in `requests`; the refused request costs
// nothing, so the ledger is what a run without the fault spends.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PROVIDERS, clientFor, identity, requestsOf, start, truthIdentity, truthOf } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const RESOURCE = "sentInvitations";
const QUICK = { retry: { baseDelayMs: 10 } };

/** What a run without any fault costs, with its own key. */
async function cleanRun(provider) {
  const { apiKey, client } = clientFor(emu, provider, QUICK);
  const result = await client[RESOURCE].collect();
  return { result, ledger: emu.ledger(apiKey) };
}

for (const provider of PROVIDERS) {
  describe(`${provider.id}: a 429 then success`, () => {
    for (const retryAfterSeconds of [1, undefined]) {
      const label = retryAfterSeconds === undefined ? "without Retry-After" : `with Retry-After: ${retryAfterSeconds}`;
      test(label, async () => {
        const clean = await cleanRun(provider);
        const { apiKey, client } = clientFor(emu, provider, QUICK);
        emu.inject({ type: "rate-limit", provider: provider.id, apiKey, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });

        const started = performance.now();
        const result = await client[RESOURCE].collect();
        const waited = performance.now() - started;

        const truth = truthOf(emu, provider, RESOURCE);
        assert.deepEqual(result.items.map((item) => identity(RESOURCE, item)), truth.map((item) => truthIdentity(RESOURCE, item)));
        assert.equal(result.complete, true);
        assert.equal(result.stopReason, "end");

        const log = requestsOf(emu, apiKey);
        assert.equal(log[0].status, 429, "the first request met the fault");
        assert.equal(log[0].fault, "rate-limit");
        assert.equal(log[0].credits, 0, "a 429 is not charged");
        assert.equal(emu.pendingFaults().length, 0, "the fault was used");
        assert.equal(result.requests, clean.result.requests + 1, "requests counts the retry");
        assert.equal(result.requests, log.length);

        const ledger = emu.ledger(apiKey);
        assert.equal(ledger.credits, clean.ledger.credits, "the fault changed nothing in the ledger's credits");
        assert.equal(ledger.requests, clean.ledger.requests + 1);
        assert.equal(result.creditsUsed, clean.result.creditsUsed);
        if (retryAfterSeconds !== undefined) {
          // A lower bound only: the client must not come back before the provider said it may.
          assert.ok(waited >= retryAfterSeconds * 1000 - 50, `waited ${waited.toFixed(0)} ms, Retry-After said ${retryAfterSeconds} s`);
        }
      });
    }

    test("list: the same 429 then success, on one page", async () => {
      const { apiKey, client } = clientFor(emu, provider, QUICK);
      emu.inject({ type: "rate-limit", provider: provider.id, apiKey });
      const page = await client[RESOURCE].list({ offset: 0, limit: 10 });
      const truth = truthOf(emu, provider, RESOURCE).slice(0, 10);
      assert.deepEqual(page.items.map((item) => item.id), truth.map((item) => item.id));
      assert.equal(page.requests, 2);
      assert.equal(emu.ledger(apiKey).credits, page.creditsUsed);
      assert.equal(page.creditsUsed, client[RESOURCE].estimate({ offset: 0, limit: 10 }).credits);
    });

    test("429 on every attempt: RATE_LIMITED after maxAttempts, nothing charged", async () => {
      const { apiKey, client } = clientFor(emu, provider, { retry: { maxAttempts: 2, baseDelayMs: 10 } });
      emu.inject({ type: "rate-limit", provider: provider.id, apiKey, times: 2 });
      const error = await client[RESOURCE].list({ limit: 10 }).then(
        () => assert.fail("expected RATE_LIMITED"),
        (thrown) => thrown,
      );
      assert.equal(error.code, "RATE_LIMITED");
      assert.equal(error.status, 429);
      assert.equal(error.retryable, true);
      assert.equal(error.attempts, 2);
      assert.equal(requestsOf(emu, apiKey).length, 2);
      assert.equal(emu.ledger(apiKey).credits, 0);
    });
  });
}

test("linkup-v1: its HTTP-200 'Rate limit exceeded' answer is retried too", async () => {
  const provider = PROVIDERS.find((entry) => entry.id === "linkup-v1");
  const { apiKey, client } = clientFor(emu, provider, QUICK);
  emu.inject({ type: "v1-rate-limit-200", apiKey });
  const page = await client.connections.list({ offset: 0, limit: 10 });
  const truth = truthOf(emu, provider, "connections").slice(0, 10);
  assert.deepEqual(page.items.map((item) => item.person.profileUrl), truth.map((item) => item.person.canonicalUrl));
  assert.equal(page.requests, 2);
  const log = requestsOf(emu, apiKey);
  assert.deepEqual(log.map((entry) => [entry.status, entry.fault]), [[200, "v1-rate-limit-200"], [200, null]]);
  assert.equal(emu.ledger(apiKey).credits, 1);
});
