// The provider conformance suite over HTTP: every provider of the harness
// (PROVIDERS) against the emulator, with no per-provider code but the
// harness's entry (how a client is pointed at the emulator, what it lists).
// The native suite (tests/conformance.rs) runs the same rules in-process.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  PROVIDERS, RESOURCES, clientFor, estimateCredits, identity, rejection, requestsOf, start, truthIdentity, truthOf,
} from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const RANGES = [[0, 1], [0, 10], [0, 137], [5, 20], [13, 100], [40, 100]];
const MODEL_KEYS = {
  invitation: ["kind", "id", "urn", "direction", "type", "state", "message", "sentAt", "person", "acceptToken", "providerType", "provider"],
  connection: ["kind", "person", "connectedAt", "provider"],
};
const PERSON_KEYS = ["name", "firstName", "lastName", "headline", "profileUrl", "publicIdentifier", "memberId", "memberUrn", "pictureUrl", "organization"];
const TIME_KEYS = ["text", "days", "at", "precision", "anchor"];

const sorted = (keys) => [...keys].sort();
const want = (provider, resource) => truthOf(emu, provider, resource).map((item) => truthIdentity(resource, item));
const got = (resource, items) => items.map((item) => identity(resource, item));

function spent(emu, apiKey, result) {
  const ledger = emu.ledger(apiKey);
  return { credits: result.creditsUsed, ledgerCredits: ledger.credits, requests: result.requests, ledgerRequests: ledger.requests, logged: requestsOf(emu, apiKey).length };
}

function priced(estimate) {
  return { credits: estimate.credits, ledgerCredits: estimate.credits, requests: estimate.requests, ledgerRequests: estimate.requests, logged: estimate.requests };
}

for (const provider of PROVIDERS) {
  describe(`conformance: ${provider.id}`, () => {
    for (const resource of ["sentInvitations", "connections"]) {
      test(`${resource}: estimate = what list and collect spend, and the ledger agrees`, async () => {
        const truth = want(provider, resource);
        for (const [offset, limit] of RANGES) {
          const estimate = estimateCredits({ provider: provider.id, resource, offset, limit });
          const listed = clientFor(emu, provider);
          const page = await listed.client[resource].list({ offset, limit });
          assert.deepEqual(got(resource, page.items), truth.slice(offset, offset + limit), `list [${offset}, +${limit})`);
          assert.deepEqual(spent(emu, listed.apiKey, page), priced(estimate), `list [${offset}, +${limit})`);
          const collected = clientFor(emu, provider);
          const result = await collected.client[resource].collect({ offset, maxItems: limit });
          assert.deepEqual(got(resource, result.items), truth.slice(offset, offset + limit), `collect from ${offset}, maxItems ${limit}`);
          assert.deepEqual(spent(emu, collected.apiKey, result), priced(estimate), `collect from ${offset}, maxItems ${limit}`);
        }
      });
    }

    test("every model key is present, ids are exact strings, on every list", async () => {
      const { client } = clientFor(emu, provider);
      for (const resource of RESOURCES) {
        const result = await client[resource].collect({ maxItems: 300 });
        assert.ok(result.items.length > 0, resource);
        assert.deepEqual(got(resource, result.items), want(provider, resource).slice(0, 300), resource);
        for (const item of result.items) {
          assert.deepEqual(sorted(Object.keys(item)), sorted(MODEL_KEYS[item.kind]), `${resource} item keys`);
          assert.deepEqual(sorted(Object.keys(item.person)), sorted(PERSON_KEYS), `${resource} person keys`);
          const time = item.sentAt ?? item.connectedAt;
          if (time) assert.deepEqual(sorted(Object.keys(time)), sorted(TIME_KEYS), `${resource} time keys`);
          if (item.kind === "invitation") assert.match(item.id, /^\d{19}$/);
          assert.equal(item.provider, provider.id);
        }
      }
    });

    test("errors per SPEC §5: auth, not found, rate limit retried, 5xx retried, bad bodies", async () => {
      const cases = [
        [{ type: "provider-error", code: "INVALID_API_KEY" }, "AUTH", false],
        [{ type: "rate-limit", times: 5 }, "RATE_LIMITED", true],
        [{ type: "status", status: 500, times: 5 }, "PROVIDER_ERROR", true],
        [{ type: "status", status: 503, times: 5 }, "PROVIDER_ERROR", true],
        [{ type: "malformed-json" }, "BAD_RESPONSE", false],
        [{ type: "truncated-json" }, "BAD_RESPONSE", false],
        [{ type: "wrong-type", field: "list" }, "BAD_RESPONSE", false],
        [{ type: "wrong-type", field: "headline" }, "BAD_RESPONSE", false],
      ];
      for (const [fault, code, retried] of cases) {
        const { apiKey, client } = clientFor(emu, provider, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
        emu.inject({ ...fault, provider: provider.id, apiKey });
        const error = await rejection(client.sentInvitations.list({ limit: 5 }));
        const where = `${provider.id} ${JSON.stringify(fault)}: ${error.message}`;
        assert.equal(error.code, code, where);
        assert.equal(error.provider, provider.id, where);
        assert.equal(error.retryable, retried, where);
        assert.equal(error.attempts, retried ? 3 : 1, where);
        assert.equal(requestsOf(emu, apiKey).length, error.attempts, where);
        emu.clearFaults();
      }
    });

    test("an account the provider does not know is NOT_FOUND (AUTH where the account is a session), sent once", async () => {
      const strict = await start({ accounts: ["acct-known"], loginTokens: ["acct-known"] });
      try {
        const { apiKey, client } = clientFor(strict, provider, { account: "acct-unknown" });
        const error = await rejection(client.connections.list({ limit: 5 }));
        assert.ok(["NOT_FOUND", "AUTH"].includes(error.code), `${provider.id}: ${error.code} ${error.message}`);
        assert.equal(error.retryable, false);
        assert.equal(requestsOf(strict, apiKey).length, 1);
        assert.ok(!error.message.includes("acct-unknown") && !JSON.stringify(error).includes(apiKey), "no secret in the error");
      } finally {
        await strict.close();
      }
    });

    test("budgets: maxRequests and maxCredits are never passed, even with faults", async () => {
      for (const budget of [{ maxRequests: 1 }, { maxRequests: 3 }, { maxCredits: 0 }, { maxCredits: 2 }, { maxRequests: 4, maxCredits: 1 }]) {
        const { apiKey, client } = clientFor(emu, provider, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
        emu.inject({ type: "status", status: 503, provider: provider.id, apiKey, after: 1 });
        const result = await client.connections.collect(budget);
        const ledger = emu.ledger(apiKey);
        const where = `${provider.id} ${JSON.stringify(budget)}`;
        if (budget.maxRequests !== undefined) assert.ok(ledger.requests <= budget.maxRequests, `${where}: ${ledger.requests} requests`);
        if (budget.maxCredits !== undefined) assert.ok(ledger.credits <= budget.maxCredits, `${where}: ${ledger.credits} credits`);
        assert.equal(result.requests, ledger.requests, where);
        // A free provider is not stopped by credits: it reads the whole list.
        if (result.complete) assert.deepEqual(got("connections", result.items), want(provider, "connections"), where);
        else assert.ok(["maxRequests", "maxCredits"].includes(result.stopReason), `${where}: ${result.stopReason}`);
        emu.clearFaults();
      }
    });

    test("cursors resume exactly: the list in pieces, and iterate broken after any item", async () => {
      const truth = want(provider, "connections");
      for (const piece of [7, 100, 137]) {
        const { client } = clientFor(emu, provider);
        const seen = [];
        let cursor;
        for (let round = 0; round < 200; round += 1) {
          const result = await client.connections.collect({ maxItems: piece, ...(cursor ? { cursor } : {}) });
          seen.push(...got("connections", result.items));
          cursor = result.cursor;
          if (result.complete || result.items.length === 0) break;
        }
        assert.deepEqual(seen, truth, `pieces of ${piece}`);
      }
      for (const stopAfter of [1, 99, 101]) {
        const { client } = clientFor(emu, provider);
        const iterator = client.sentInvitations.iterate();
        const seen = [];
        for await (const item of iterator) {
          seen.push(item.id);
          if (seen.length === stopAfter) break;
        }
        const rest = await client.sentInvitations.collect({ cursor: iterator.cursor });
        assert.deepEqual([...seen, ...got("sentInvitations", rest.items)], want(provider, "sentInvitations"), `broken after ${stopAfter}`);
      }
    });

    test("a list that shifts while it is read loses and repeats nothing, and says so", async () => {
      for (const after of [1, 3]) {
        const account = `acct-shift-${provider.id}-${after}`;
        const { apiKey, client } = clientFor(emu, provider, { account });
        const before = new Set(want(provider, "connections").slice(0));
        emu.inject({ type: "shift", count: 2, provider: provider.id, apiKey, resource: "connections", after });
        const result = await client.connections.collect();
        const seen = got("connections", result.items);
        assert.equal(new Set(seen).size, seen.length, `${provider.id}: nothing twice`);
        const lost = [...before].filter((key) => !seen.includes(key));
        assert.deepEqual(lost, [], `${provider.id}: nothing that was there is lost`);
        assert.ok(result.warnings.some((warning) => /changed|shifted/.test(warning)), `${provider.id}: ${JSON.stringify(result.warnings)}`);
      }
    });

    test('invitationType "CONNECTION" is accepted wherever the list holds only connections', async () => {
      for (const resource of ["sentInvitations", "receivedInvitations"]) {
        const listed = truthOf(emu, provider, resource);
        if (!listed.every((item) => item.type === "CONNECTION")) continue;
        const { client } = clientFor(emu, provider);
        const result = await client[resource].collect({ invitationType: "CONNECTION" });
        assert.deepEqual(got(resource, result.items), want(provider, resource), `${provider.id} ${resource}`);
        const page = await client[resource].list({ limit: 5, invitationType: "connection" });
        assert.equal(page.items.length, 5);
        assert.equal(estimateCredits({ provider: provider.id, resource, offset: 0, limit: 5, invitationType: "CONNECTION" }).requests, page.requests);
      }
    });
  });
}

test("every provider of the harness is a registered provider, and every registered provider is in the harness", async () => {
  const error = await rejection(Promise.resolve().then(() => estimateCredits({ provider: "no-such-provider", resource: "connections", offset: 0, limit: 1 })));
  const registered = [...error.message.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(sorted(PROVIDERS.map((provider) => provider.id)), sorted(registered));
});

