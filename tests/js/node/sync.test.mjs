// client.sync and diffSnapshots through the built package over real HTTP
// (SPEC §8), on each provider: a baseline, then changes at the incremental
// floor against the emulator's ledger (invitation lists too, where their
// totals prove it), a state refused for another account, and diffSnapshots
// over collected items.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNT, PROVIDERS, clientFor, diffSnapshots, ln, rejection, requestsOf, start, truthOf, truthUrls, urls } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const ids = (items) => items.map((item) => item.id);
const connectionCalls = (apiKey) => requestsOf(emu, apiKey).filter((entry) => entry.resource === "connections").length;

for (const provider of PROVIDERS) {
  describe(`sync on ${provider.id}`, () => {
    test("a baseline, then only the change, at the floor", async () => {
      const account = `acct-sync-${provider.id}`;
      const { apiKey, client } = clientFor(emu, provider, { account });
      const first = await client.sync();
      assert.equal(first.complete, true);
      assert.equal(first.stopReason, "end");
      assert.equal(first.changes.baseline, true);
      assert.deepEqual(urls(first.changes.connections.added), truthUrls(truthOf(emu, provider, "connections", account)));
      assert.equal(first.creditsUsed, emu.ledger(apiKey).credits);
      assert.match(first.state, /^lns1\./);
      assert.ok(!first.state.includes(apiKey) && !first.state.includes(account));
      assert.equal(typeof first.lastFullSyncAt, "string");
      JSON.parse(JSON.stringify(first.state));

      const newConnections = emu.shift({ account, resource: "connections", count: 3 });
      const newSent = emu.shift({ account, resource: "sentInvitations", count: 2 });
      const spent = emu.ledger(apiKey).credits;
      const callsBefore = connectionCalls(apiKey);
      const progress = [];
      const second = await client.sync({ state: first.state, onProgress: (event) => progress.push(event) });
      assert.equal(second.complete, true);
      assert.equal(second.changes.baseline, false);
      assert.deepEqual(urls(second.changes.connections.added), newConnections.map((item) => item.person.canonicalUrl));
      const listedSent = newSent.filter(provider.lists).map((item) => item.id);
      assert.deepEqual(ids(second.changes.sentInvitations.added), listedSent);
      assert.deepEqual(second.changes.sentInvitations.removed, []);
      assert.equal(second.creditsUsed, emu.ledger(apiKey).credits - spent, "credits as the ledger counts them");
      assert.equal(connectionCalls(apiKey) - callsBefore, 1, "three new connections: one call");
      assert.ok(progress.some((event) => event.resource === "connections"));
      assert.equal(second.lastFullSyncAt, first.lastFullSyncAt);
    });

    test("a state of another account is INVALID_INPUT naming state, nothing sent", async () => {
      const { client } = clientFor(emu, provider, { account: "acct-sync-a" });
      const { state } = await client.sync({ resources: ["receivedInvitations"] });
      const other = clientFor(emu, provider, { account: "acct-sync-b" });
      const error = await rejection(other.client.sync({ state }));
      assert.ok(error instanceof ln.LinkedInNetworkError);
      assert.equal(error.code, "INVALID_INPUT");
      assert.match(error.message, /^state /);
      assert.equal(error.provider, provider.id);
      assert.equal(requestsOf(emu, other.apiKey).length, 0);
    });
  });
}

for (const provider of PROVIDERS) {
  test(`sync on ${provider.id} reports exactly the emulator's true diff`, async () => {
    const account = `acct-sync-truth-${provider.id}`;
    const { apiKey, client } = clientFor(emu, provider, { account });
    const first = await client.sync();
    const listed = (items) => items.filter(provider.lists);
    const { changes: truth } = emu.mutate({
      account, advanceMs: 3_600_000, withdrawSent: 2, acceptSent: 2, removeReceived: 1, addSent: 3, addReceived: 2, addConnections: 4,
    });
    const spent = emu.ledger(apiKey).credits;
    const second = await client.sync({ state: first.state });
    const { changes } = second;
    assert.equal(second.complete, true);
    assert.equal(second.creditsUsed, emu.ledger(apiKey).credits - spent);
    for (const resource of ["sentInvitations", "receivedInvitations"]) {
      assert.deepEqual(ids(changes[resource].added), listed(truth[resource].added).map((item) => item.id), `${resource} added`);
      assert.deepEqual(changes[resource].removed.map((entry) => entry.key), listed(truth[resource].removed).map((item) => item.id), `${resource} removed`);
    }
    for (const [index, gone] of changes.sentInvitations.removed.entries()) {
      const person = listed(truth.sentInvitations.removed)[index].person;
      assert.deepEqual({ name: gone.name, profileUrl: gone.profileUrl }, { name: person.name, profileUrl: person.canonicalUrl });
    }
    assert.deepEqual(urls(changes.connections.added), truthUrls(truth.connections.added));
    const acceptedIds = new Set(listed(truth.sentInvitations.removed).map((item) => item.id));
    assert.deepEqual(
      changes.accepted.map((pair) => [pair.invitation.key, pair.connection.person.profileUrl]),
      truth.accepted.filter((pair) => acceptedIds.has(pair.invitation.id)).map((pair) => [pair.invitation.id, pair.connection.person.canonicalUrl]),
    );
    // Removed connections: seen by a full sync only.
    const { changes: removal } = emu.mutate({ account, removeConnections: 2 });
    const head = await client.sync({ state: second.state });
    assert.deepEqual(head.changes.connections.removed, []);
    const full = await client.sync({ state: head.state, full: true });
    assert.deepEqual(full.changes.connections.removed.map((entry) => entry.key), truthUrls(removal.connections.removed));
    // A connection's key is its URL; the state keeps no member id beside it.
    assert.deepEqual(full.changes.connections.removed.map((entry) => [entry.id, entry.profileUrl]), truthUrls(removal.connections.removed).map((url) => [null, url]));
    assert.ok(full.lastFullSyncAt >= second.lastFullSyncAt);
  });
}

// The providers that bill credits and report a list's total (ConnectSafely and
// Unipile report none, cost no credits, and read invitation lists in full).
for (const provider of PROVIDERS.filter((entry) => entry.id.startsWith("linkup-"))) {
  test(`sync on ${provider.id}: new sent invitations and acceptances cost one call a list, by the ledger`, async () => {
    const account = `acct-sync-floor-${provider.id}`;
    const { apiKey, client } = clientFor(emu, provider, { account });
    let { state } = await client.sync();
    const listed = (items) => items.filter(provider.lists);
    for (let hour = 0; hour < 3; hour += 1) {
      const { changes: truth } = emu.mutate({ account, advanceMs: 3_600_000, addSent: 5, acceptSent: 2, addConnections: 3 });
      const spent = emu.ledger(apiKey).credits;
      const calls = requestsOf(emu, apiKey).length;
      const run = await client.sync({ state });
      state = run.state;
      assert.equal(run.complete, true);
      assert.equal(emu.ledger(apiKey).credits - spent, 3, "connections, sent, received: the floor of each");
      assert.equal(run.creditsUsed, 3);
      assert.equal(requestsOf(emu, apiKey).length - calls, 3);
      assert.deepEqual(run.warnings, []);
      const { changes } = run;
      assert.deepEqual(ids(changes.sentInvitations.added), listed(truth.sentInvitations.added).map((item) => item.id));
      const gone = listed(truth.sentInvitations.removed);
      assert.ok(gone.length > 0, "an acceptance the provider lists");
      assert.deepEqual(changes.sentInvitations.removed.map((entry) => entry.key), gone.map((item) => item.id));
      for (const [index, entry] of changes.sentInvitations.removed.entries()) {
        assert.deepEqual({ name: entry.name, profileUrl: entry.profileUrl }, { name: gone[index].person.name, profileUrl: gone[index].person.canonicalUrl });
      }
      assert.deepEqual(changes.accepted.map((pair) => pair.invitation.key).sort(), gone.map((item) => item.id).sort());
      assert.deepEqual(urls(changes.connections.added), truthUrls(truth.connections.added));
    }
    // A withdrawal in the middle: the total falls short, the list is read in full.
    const { changes: truth } = emu.mutate({ account, withdrawSent: 1 });
    const spent = emu.ledger(apiKey).credits;
    const run = await client.sync({ state });
    assert.ok(emu.ledger(apiKey).credits - spent > 3);
    assert.deepEqual(run.changes.sentInvitations.removed.map((entry) => entry.key), listed(truth.sentInvitations.removed).map((item) => item.id));
    assert.deepEqual(run.changes.accepted, []);
  });
}

test("a first sync larger than a Worker's 50 requests goes on over several syncs (ConnectSafely)", async () => {
  const provider = PROVIDERS.find((entry) => entry.id === "connectsafely");
  const account = "acct-sync-worker";
  const { apiKey, client } = clientFor(emu, provider, { account });
  let state = null;
  const added = [];
  let syncs = 0;
  for (;;) {
    const before = requestsOf(emu, apiKey).length;
    const run = await client.sync({ state, maxRequests: 45 });
    syncs += 1;
    assert.ok(requestsOf(emu, apiKey).length - before <= 45, "within the budget");
    assert.equal(run.requests, requestsOf(emu, apiKey).length - before);
    added.push(...urls(run.changes.connections.added));
    state = run.state;
    if (run.complete) break;
    assert.equal(run.stopReason, "maxRequests");
    assert.ok(syncs < 6);
  }
  assert.ok(syncs >= 3, `${syncs} syncs`);
  assert.deepEqual(added, truthUrls(truthOf(emu, provider, "connections", account)));
  const next = await client.sync({ state, maxRequests: 45 });
  assert.deepEqual(next.changes.connections.added, []);
});

test("diffSnapshots compares two collected readings", async () => {
  const provider = PROVIDERS[0];
  const account = "acct-sync-diff";
  const { client } = clientFor(emu, provider, { account });
  const before = (await client.sentInvitations.collect()).items;
  const added = emu.shift({ account, resource: "sentInvitations", count: 4 }).filter(provider.lists);
  const after = (await client.sentInvitations.collect()).items;
  const changes = diffSnapshots({ provider: provider.id, before, after });
  assert.deepEqual(ids(changes.sentInvitations.added), added.map((item) => item.id));
  assert.ok(changes.sentInvitations.added.every((item) => after.includes(item)), "the caller's own objects");
  assert.deepEqual(changes.connections, { added: [], removed: [] });
  const reversed = diffSnapshots({ provider: provider.id, before: { sentInvitations: after }, after: { sentInvitations: before } });
  assert.deepEqual(reversed.sentInvitations.removed.map((entry) => entry.key), added.map((item) => item.id));
  const accepted = diffSnapshots({
    provider: provider.id,
    before: [before[0]],
    after: { connections: [{ kind: "connection", person: { ...before[0].person }, connectedAt: null, provider: provider.id }], sentInvitations: [] },
  });
  assert.equal(accepted.accepted.length, 1);
  assert.equal(accepted.accepted[0].invitation.key, before[0].id);
  assert.equal(accepted.accepted[0].connection, accepted.connections.added[0]);
  assert.throws(() => diffSnapshots({ provider: provider.id, before: [{ kind: "connection" }] }), (error) => error.code === "INVALID_INPUT" && /^before\[0\]\.provider/.test(error.message));
});

test("sync options are checked before anything is sent", async () => {
  const { apiKey, client } = clientFor(emu, PROVIDERS[1], { account: ACCOUNT });
  const error = await rejection(client.sync({ maxCredit: 3 }));
  assert.equal(error.code, "INVALID_INPUT");
  assert.match(error.message, /maxCredit/);
  assert.equal(requestsOf(emu, apiKey).length, 0);
});
