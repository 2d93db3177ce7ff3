// Reading whole lists through the built package over real HTTP: every sent
// invitation, received invitation and connection of the emulator's account,
// exactly once and in order, for each provider; the credits spent agree with
// the emulator's ledger and with the package's own estimate; normalized
// fields agree with the emulator's truth.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ACCOUNT, DAY_MS, NOW, PROVIDERS, RESOURCES, clientFor, identity, requestsOf, start, truthIdentity, truthOf,
} from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

/** The days a coarse relative text stands for: "2 weeks ago" is 14, "3 months ago" 90 (SPEC §2). */
function coarseDays(ageDays) {
  if (ageDays < 7) return { days: ageDays, precision: "day" };
  if (ageDays < 30) return { days: Math.floor(ageDays / 7) * 7, precision: "week" };
  if (ageDays < 365) return { days: Math.floor(ageDays / 30) * 30, precision: "month" };
  return { days: Math.floor(ageDays / 365) * 365, precision: "year" };
}

/** What `sentAt` must say for an invitation of `ageDays` sent as `text` by this provider. */
function expectedSentAt(provider, truth) {
  const text = truth.sentTime[provider.timeKey];
  // linkup-v2 sends the exact days (`sent_time_days`); the others a rounded phrase.
  const { days, precision } = provider.id === "linkup-v2" ? { days: truth.ageDays, precision: "day" } : coarseDays(truth.ageDays);
  return { text, days, at: new Date(Date.parse(NOW) - days * DAY_MS).toISOString(), precision, anchor: NOW };
}

function checkPerson(where, person, truth) {
  assert.equal(person.profileUrl, truth.canonicalUrl, `${where}: profileUrl`);
  assert.equal(person.publicIdentifier, truth.slug, `${where}: publicIdentifier`);
  assert.equal(person.name, truth.name, `${where}: name`);
  assert.equal(person.firstName, truth.firstName, `${where}: firstName`);
  assert.equal(person.lastName, truth.lastName, `${where}: lastName`);
  if (truth.slug === null) assert.equal(person.memberId, truth.memberId, `${where}: memberId of a member-id URL`);
}

/**
 * An instant the provider gave (`precision: "exact"`): within the day
 * `ageDays` before the anchor, and `days` counted from it.
 */
function checkExact(where, time, truth, text) {
  assert.equal(time.precision, "exact", `${where}: precision`);
  assert.equal(time.text, text, `${where}: text`);
  assert.equal(time.days, truth.ageDays, `${where}: days`);
  assert.equal(time.anchor, NOW, `${where}: anchor`);
  const at = Date.parse(time.at);
  const latest = Date.parse(NOW) - truth.ageDays * DAY_MS;
  assert.ok(at <= latest && at > latest - DAY_MS, `${where}: at ${time.at} is ${truth.ageDays} days before ${NOW}`);
}

function checkInvitation(provider, resource, item, truth, index) {
  const where = `${provider.id} ${resource}[${index}]`;
  assert.equal(typeof item.id, "string", `${where}: id is a string`);
  assert.equal(item.direction, resource === "sentInvitations" ? "sent" : "received", `${where}: direction`);
  assert.equal(item.type, provider.id === "connectsafely" ? truth.type : truth.linkupType, `${where}: type`);
  assert.equal(item.provider, provider.id, `${where}: provider`);
  assert.ok(item.urn === null || item.urn.endsWith(`:${truth.id}`), `${where}: urn ${item.urn} carries the id`);
  // A provider that gives instants may still send only the words for some items.
  if (provider.exactTimes && item.sentAt.precision === "exact") checkExact(`${where}: sentAt`, item.sentAt, truth, truth.sentTime[provider.timeKey]);
  else assert.deepEqual(item.sentAt, expectedSentAt(provider, truth), `${where}: sentAt`);
  checkPerson(where, item.person, truth.person);
}

function checkConnection(provider, item, truth, index) {
  const where = `${provider.id} connections[${index}]`;
  assert.equal(item.provider, provider.id, `${where}: provider`);
  checkPerson(where, item.person, truth.person);
  if (provider.id === "connectsafely") {
    // "Connected on Apr 25, 2026": an absolute day, counted from the anchor.
    assert.deepEqual(
      item.connectedAt,
      { text: truth.connectedText, days: truth.ageDays, at: `${truth.connectedOn}T00:00:00.000Z`, precision: "day", anchor: NOW },
      `${where}: connectedAt`,
    );
  } else if (provider.exactTimes) {
    checkExact(`${where}: connectedAt`, item.connectedAt, truth, item.connectedAt.text);
    assert.match(item.connectedAt.text, /^\d+$/, `${where}: connectedAt.text is the epoch as sent`);
  } else {
    assert.equal(item.connectedAt, null, `${where}: linkup sends no connection date`);
  }
}

for (const provider of PROVIDERS) {
  describe(`collect every item through ${provider.id}`, () => {
    for (const resource of RESOURCES) {
      test(`${resource}: the emulator's truth, in order, each once; credits = ledger = estimate`, async () => {
        const truth = truthOf(emu, provider, resource);
        assert.ok(truth.length > 0, "the emulator has items to read");
        const { apiKey, client } = clientFor(emu, provider);

        const result = await client[resource].collect();

        const got = result.items.map((item) => identity(resource, item));
        const want = truth.map((item) => truthIdentity(resource, item));
        assert.equal(new Set(got).size, got.length, "no item twice");
        assert.deepEqual(got, want, "exactly the emulator's items, in list order");
        assert.equal(result.complete, true);
        assert.equal(result.stopReason, "end");
        assert.equal(result.duplicatesDropped, 0);
        assert.equal(result.total, provider.hasTotal ? truth.length : null, "total");

        const ledger = emu.ledger(apiKey);
        const estimate = client[resource].estimate({ offset: 0, limit: truth.length });
        assert.equal(result.creditsUsed, ledger.credits, "creditsUsed = the emulator's ledger");
        assert.equal(result.requests, ledger.requests, "requests = the requests the emulator saw");
        assert.equal(requestsOf(emu, apiKey).length, result.requests);
        assert.equal(ledger.credits, estimate.credits, `credits spent = estimate({offset: 0, limit: ${truth.length}})`);

        result.items.forEach((item, index) => {
          if (resource === "connections") checkConnection(provider, item, truth[index], index);
          else checkInvitation(provider, resource, item, truth[index], index);
        });
      });
    }

    test("iterate yields the same items as collect, in order", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthOf(emu, provider, "sentInvitations");
      const ids = [];
      for await (const invitation of client.sentInvitations.iterate()) ids.push(invitation.id);
      assert.deepEqual(ids, truth.map((item) => item.id));
    });

    test("list of one range: the items of [offset, offset + limit), with the page's fields", async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const truth = truthOf(emu, provider, "connections");
      const page = await client.connections.list({ offset: 37, limit: 25 });
      assert.deepEqual(page.items.map((item) => item.person.profileUrl), truth.slice(37, 62).map((item) => item.person.canonicalUrl));
      assert.equal(page.offset, 37);
      assert.equal(page.hasMore, true);
      assert.equal(page.total, provider.hasTotal ? truth.length : null);
      assert.equal(typeof page.cursor, "string");
      assert.ok(page.cursor.length > 0 && page.cursor.length <= 1024, "a cursor of at most 1 KB");
      assert.ok(!page.cursor.includes(apiKey) && !page.cursor.includes("acct-node"), "the cursor holds no secret");
      const ledger = emu.ledger(apiKey);
      assert.equal(page.requests, ledger.requests);
      assert.equal(page.creditsUsed, ledger.credits);
      assert.equal(page.creditsUsed, client.connections.estimate({ offset: 37, limit: 25 }).credits);
    });
  });
}

describe("received invitations: types and accept tokens", () => {
  for (const provider of PROVIDERS) {
    test(`${provider.id}: acceptToken is the shared secret, type as the provider names it`, async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthOf(emu, provider, "receivedInvitations");
      const { items } = await client.receivedInvitations.collect();
      assert.equal(items.length, truth.length);
      items.forEach((item, index) => {
        assert.equal(item.acceptToken, truth[index].sharedSecret, `receivedInvitations[${index}].acceptToken`);
      });
      if (provider.id === "connectsafely") {
        assert.deepEqual([...new Set(items.map((item) => item.type))].sort(), ["CONNECTION", "EVENT", "MEMBER_FOLLOW", "NEWSLETTER", "ORGANIZATION"]);
      }
    });
  }

  for (const id of ["linkup-v2", "linkup-v1"]) {
    test(`${id}: invitationType ORGANIZATION lists exactly the organization invitations`, async () => {
      const provider = PROVIDERS.find((entry) => entry.id === id);
      const { client } = clientFor(emu, provider);
      const want = emu.data(ACCOUNT, "receivedInvitations").filter((item) => item.linkupType === "ORGANIZATION");
      const result = await client.receivedInvitations.collect({ invitationType: "ORGANIZATION" });
      assert.ok(want.length > 0);
      assert.deepEqual(result.items.map((item) => item.id), want.map((item) => item.id));
      assert.ok(result.items.every((item) => item.type === "ORGANIZATION"));
      assert.equal(result.complete, true);
    });
  }
});
