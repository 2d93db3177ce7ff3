// mutate(): the diff it returns is exactly what a re-read through every
// provider shows; accepted invitations become the head of connections; the
// clock and the ages move with advanceMs; versions count list changes; a bad
// spec changes nothing; the HTTP form answers the same.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { start, v2, NOW_MS } from "../test-support/helpers.mjs";
import { PROVIDERS, keyDiff, readKeys, truthKey, visibleTo } from "../test-support/readers.mjs";
import { RESOURCES } from "../data.mjs";

const SIZES = { connections: 60, sent: 35, received: 30 };
let emu;
before(async () => {
  emu = await start({ sizes: SIZES });
});
after(() => emu.close());

async function readAll(account) {
  const result = {};
  for (const provider of PROVIDERS) {
    result[provider] = {};
    for (const resource of RESOURCES) result[provider][resource] = await readKeys(emu, provider, resource, account);
  }
  return result;
}

describe("mutate", () => {
  it("returns exactly the changes every provider's re-read shows", async () => {
    const account = "acct-mut";
    const truth = emu.data(account);
    const beforeRead = await readAll(account);
    const sentId = truth.sentInvitations[7].id;
    const receivedId = truth.receivedInvitations.find((inv) => inv.type === "CONNECTION").id;
    const result = emu.mutate({
      account,
      withdrawSent: [sentId],
      acceptSent: 2,
      addSent: 3,
      removeReceived: 2,
      acceptReceived: [receivedId],
      addReceived: 1,
      addConnections: 2,
      removeConnections: [truth.connections[40].person.memberId],
    });
    assert.equal(result.account, account);
    const { changes } = result;
    assert.equal(changes.sentInvitations.added.length, 3);
    assert.equal(changes.sentInvitations.removed.length, 3);
    assert.ok(changes.sentInvitations.removed.some((inv) => inv.id === sentId));
    assert.equal(changes.receivedInvitations.added.length, 1);
    assert.equal(changes.receivedInvitations.removed.length, 3);
    assert.equal(changes.connections.added.length, 2 + 2 + 1, "two new, two accepted sent, one accepted received");
    assert.deepEqual(changes.connections.removed.map(truthKey), [truthKey(truth.connections[40])]);
    assert.equal(changes.accepted.length, 2);

    const afterRead = await readAll(account);
    for (const provider of PROVIDERS) {
      for (const resource of RESOURCES) {
        const [added, removed] = keyDiff(beforeRead[provider][resource], afterRead[provider][resource]);
        const expected = changes[resource];
        assert.deepEqual(added, visibleTo(provider, resource, expected.added).map(truthKey), `${provider} ${resource} added`);
        assert.deepEqual(
          new Set(removed),
          new Set(visibleTo(provider, resource, expected.removed).map(truthKey)),
          `${provider} ${resource} removed`,
        );
      }
      // New items are at the head, in the order the diff gives.
      assert.deepEqual(afterRead[provider].sentInvitations.slice(0, 3), changes.sentInvitations.added.map(truthKey));
    }
    // data() agrees with the providers.
    assert.deepEqual(emu.data(account, "sentInvitations").map(truthKey), afterRead["linkup-v2"].sentInvitations);
  });

  it("acceptSent moves the invitation's person to the head of connections, paired in accepted", async () => {
    const account = "acct-accept";
    const sent = emu.data(account, "sentInvitations");
    const ids = [sent[3].id, sent[10].id];
    const { changes } = emu.mutate({ account, acceptSent: ids });
    assert.deepEqual(changes.sentInvitations.removed.map((inv) => inv.id), ids);
    assert.deepEqual(changes.accepted.map((pair) => pair.invitation.id), ids);
    for (const pair of changes.accepted) assert.equal(pair.connection.person.canonicalUrl, pair.invitation.person.canonicalUrl);
    const connections = emu.data(account, "connections");
    // Accepted in the order named: the last one is the newest connection.
    assert.deepEqual(connections.slice(0, 2).map((c) => c.person.canonicalUrl), [sent[10].person.canonicalUrl, sent[3].person.canonicalUrl]);
    assert.equal(connections[0].ageDays, 0);
    assert.equal(connections[0].connectedOn, new Date(emu.clock()).toISOString().slice(0, 10));
    for (const provider of PROVIDERS) {
      const heads = (await readKeys(emu, provider, "connections", account)).slice(0, 2);
      assert.deepEqual(heads, [truthKey(connections[0]), truthKey(connections[1])], provider);
    }
  });

  it("is deterministic: the same seed and calls pick the same items", async () => {
    const twin = await start({ sizes: SIZES });
    try {
      const spec = { account: "acct-det", acceptSent: 3, withdrawSent: 2, removeReceived: 2, removeConnections: 4, addSent: 1 };
      const a = [emu.mutate(spec), emu.mutate(spec)];
      const b = [twin.mutate(spec), twin.mutate(spec)];
      assert.deepEqual(a, b);
      assert.notDeepEqual(a[0].changes.sentInvitations.removed, a[1].changes.sentInvitations.removed, "a second call picks anew");
    } finally {
      await twin.close();
    }
  });

  it("advanceMs moves the clock and ages every item; what is added is born at the new time", async () => {
    const local = await start({ sizes: SIZES });
    try {
      const account = "acct-time";
      const before = local.data(account);
      const result = local.mutate({ account, advanceMs: 3 * 86_400_000 + 5000, addSent: 1 });
      assert.equal(local.clock(), NOW_MS + 3 * 86_400_000 + 5000);
      assert.equal(result.now, new Date(local.clock()).toISOString());
      const after = local.data(account);
      assert.equal(after.sentInvitations[0].ageDays, 0);
      assert.deepEqual(after.sentInvitations.slice(1).map((inv) => inv.ageDays), before.sentInvitations.map((inv) => inv.ageDays + 3));
      // A connection's date does not move when the clock does.
      assert.deepEqual(after.connections.map((c) => c.connectedOn), before.connections.map((c) => c.connectedOn));
      const { json } = await v2(local, "list_sent", { count: 2 }, { account });
      assert.equal(json.data.invitations[1].sent_time_days, before.sentInvitations[0].ageDays + 3);
      assert.equal(json.metadata.timestamp, new Date(Math.floor(local.clock() / 1000) * 1000).toISOString().replace(".000Z", "Z"));
      local.reset();
      assert.equal(local.clock(), NOW_MS, "reset takes the advance back");
      assert.deepEqual(local.data(account), before);
    } finally {
      await local.close();
    }
  });

  it("versions count the changes of each list, from mutate, shift and actions", async () => {
    const account = "acct-ver";
    const v0 = emu.version(account);
    assert.deepEqual(v0, { sentInvitations: 0, receivedInvitations: 0, connections: 0 });
    const { versions } = emu.mutate({ account, addConnections: 1 });
    assert.deepEqual(versions, { ...v0, connections: 1 });
    emu.shift({ account, resource: "receivedInvitations" });
    assert.equal(emu.version(account, "receivedInvitations"), 1);
    const id = emu.data(account, "sentInvitations")[0].id;
    await v2(emu, "withdraw", { invitation_id: id }, { account });
    assert.equal(emu.version(account, "sentInvitations"), 1);
    emu.mutate({ account });
    assert.deepEqual(emu.version(account), { sentInvitations: 1, receivedInvitations: 1, connections: 1 }, "an empty mutate changes nothing");
  });

  it("a bad spec throws and changes nothing", () => {
    const account = "acct-bad";
    const before = emu.data(account);
    const clock = emu.clock();
    const bad = [
      { account, withdrawSent: ["1"] },
      { account, acceptSent: 1, withdrawSent: 1000 },
      { account, withdrawSent: [before.sentInvitations[0].id, before.sentInvitations[0].id] },
      { account, acceptSent: [Number(before.sentInvitations[0].id)] },
      { account, addSent: -1 },
      { account, advanceMs: 1000, removeConnections: ["nobody"] },
      { account, sideways: 1 },
    ];
    for (const spec of bad) assert.throws(() => emu.mutate(spec), TypeError, JSON.stringify(spec));
    assert.deepEqual(emu.data(account), before);
    assert.equal(emu.clock(), clock);
    assert.deepEqual(emu.version(account), { sentInvitations: 0, receivedInvitations: 0, connections: 0 });
  });
});

describe("HTTP control", () => {
  it("POST /__emulator/mutate answers as mutate(); GET /__emulator/version as version()", async () => {
    const twin = await start({ sizes: SIZES });
    try {
      const spec = { account: "acct-http", acceptSent: 1, addReceived: 2, removeConnections: 1 };
      const response = await fetch(`${emu.url}/__emulator/mutate`, { method: "POST", body: JSON.stringify(spec) });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), twin.mutate(spec));
      const version = await (await fetch(`${emu.url}/__emulator/version?account=acct-http&resource=receivedInvitations`)).json();
      assert.deepEqual(version, { account: "acct-http", resource: "receivedInvitations", version: 1 });
      const all = await (await fetch(`${emu.url}/__emulator/version?account=acct-http`)).json();
      assert.deepEqual(all, { account: "acct-http", versions: twin.version("acct-http") });
      const bad = await fetch(`${emu.url}/__emulator/mutate`, { method: "POST", body: JSON.stringify({ withdrawSent: ["42"] }) });
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).error, /42 is not in sentInvitations/);
    } finally {
      await twin.close();
    }
  });
});
