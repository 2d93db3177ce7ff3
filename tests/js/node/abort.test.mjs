// An AbortSignal ends a call stuck on a server that never answers: list,
// collect and iterate reject with ABORTED soon after the abort, far inside
// the 25 s per-attempt timeout (each test's own timeout bounds "soon").

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LinkedInNetworkError, PROVIDERS, clientFor, drain, rejection, requestsOf, start, truthOf } from "./support/harness.mjs";

// Far below the client's 25 s timeout, so only the abort can end the call in time.
const BOUND = { timeout: 10_000 };
const ABORT_AFTER_MS = 200;

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

/**
 * A signal aborted ~200 ms after the emulator received the hanging request
 * of `apiKey` (not after a fixed time: on a loaded machine the request may
 * not have left yet, and the test is about aborting a request in flight).
 */
function abortDuringHang(apiKey) {
  const controller = new AbortController();
  let timer = null;
  const poll = setInterval(() => {
    if (timer === null && requestsOf(emu, apiKey).some((entry) => entry.fault === "hang")) {
      clearInterval(poll);
      timer = setTimeout(() => controller.abort(), ABORT_AFTER_MS);
    }
  }, 5);
  return {
    signal: controller.signal,
    done: () => {
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
    },
  };
}

function assertAborted(error) {
  assert.ok(error instanceof LinkedInNetworkError, `a LinkedInNetworkError, got ${error}`);
  assert.equal(error.code, "ABORTED", error.message);
  assert.equal(error.retryable, false);
}

for (const provider of PROVIDERS) {
  describe(`${provider.id}: abort during a hang`, () => {
    test("list", BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider);
      emu.inject({ type: "hang", provider: provider.id, apiKey });
      const { signal, done } = abortDuringHang(apiKey);
      const error = await rejection(client.sentInvitations.list({ limit: 10, signal }));
      done();
      assertAborted(error);
      assert.equal(signal.aborted, true, "it ended because of the abort");
      const log = requestsOf(emu, apiKey);
      assert.equal(log.length, 1, "the hanging request was not retried");
      assert.equal(log[0].fault, "hang");
      assert.equal(log[0].status, null, "the emulator never answered it");
    });

    test("collect", BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider);
      emu.inject({ type: "hang", provider: provider.id, apiKey });
      const { signal, done } = abortDuringHang(apiKey);
      const error = await rejection(client.connections.collect({ maxItems: 100, signal }));
      done();
      assertAborted(error);
      assert.equal(signal.aborted, true);
      assert.equal(emu.ledger(apiKey).credits, 0);
    });

    test("iterate: items of the pages before the hang arrive, then ABORTED", BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider, { concurrency: 1 });
      // The first request answers; the next one hangs.
      emu.inject({ type: "hang", provider: provider.id, apiKey, after: 1 });
      const { signal, done } = abortDuringHang(apiKey);
      const received = [];
      const error = await rejection((async () => {
        for await (const connection of client.connections.iterate({ signal })) received.push(connection.person.profileUrl);
      })());
      done();
      assertAborted(error);
      const truth = truthOf(emu, provider, "connections");
      assert.ok(received.length > 0, "the first page was delivered");
      assert.deepEqual(received, truth.slice(0, received.length).map((item) => item.person.canonicalUrl), "in order, nothing skipped");
      assert.equal(signal.aborted, true);
    });

    test("an already-aborted signal: ABORTED, nothing sent", BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const signal = AbortSignal.abort();
      assertAborted(await rejection(client.sentInvitations.list({ signal })));
      assertAborted(await rejection(client.sentInvitations.collect({ signal })));
      assertAborted(await rejection(drain(client.sentInvitations.iterate({ signal }))));
      assert.equal(requestsOf(emu, apiKey).length, 0);
    });
  });
}

test("after an aborted call the same client still works", BOUND, async () => {
  const provider = PROVIDERS[0];
  const { apiKey, client } = clientFor(emu, provider);
  emu.inject({ type: "hang", provider: provider.id, apiKey });
  const { signal, done } = abortDuringHang(apiKey);
  assertAborted(await rejection(client.sentInvitations.list({ limit: 10, signal })));
  done();
  const page = await client.sentInvitations.list({ limit: 10 });
  assert.deepEqual(page.items.map((item) => item.id), truthOf(emu, provider, "sentInvitations").slice(0, 10).map((item) => item.id));
});

describe("what an abort carries", () => {
  for (const provider of PROVIDERS) {
    test(`${provider.id}: AbortSignal.timeout() ends as TIMEOUT with the TimeoutError as cause`, BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider);
      emu.inject({ type: "hang", provider: provider.id, apiKey });
      const signal = AbortSignal.timeout(300);
      const error = await rejection(client.sentInvitations.collect({ maxItems: 20, signal }));
      assert.ok(error instanceof LinkedInNetworkError, `a LinkedInNetworkError, got ${error}`);
      assert.equal(error.code, "TIMEOUT", error.message);
      assert.equal(error.provider, provider.id);
      assert.equal(error.cause, signal.reason);
      assert.equal(error.cause.name, "TimeoutError");
    });

    test(`${provider.id}: abort(reason) ends as ABORTED with that reason as cause`, BOUND, async () => {
      const { apiKey, client } = clientFor(emu, provider);
      emu.inject({ type: "hang", provider: provider.id, apiKey });
      const { signal, done } = abortDuringHang(apiKey);
      const error = await rejection(drain(client.connections.iterate({ signal })));
      done();
      assertAborted(error);
      assert.equal(error.cause, signal.reason, "the signal's reason");
      assert.equal(error.cause.name, "AbortError");
    });
  }

  test("a refused connection is NETWORK with the runtime's error as cause", BOUND, async () => {
    const { createClient } = await import("./support/harness.mjs");
    // A port nothing listens on: connection refused.
    const client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a", baseUrl: "http://127.0.0.1:9", retry: { maxAttempts: 1 } });
    const error = await rejection(client.connections.list());
    assert.equal(error.code, "NETWORK", error.message);
    assert.ok(error.cause instanceof Error, `cause: ${error.cause}`);
    assert.match(`${error.cause.name}: ${error.cause.message}`, /TypeError: fetch failed/);
  });
});
