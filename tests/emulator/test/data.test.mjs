// The seeded data: exact ids, determinism, every URL and time form of NOTES,
// the same network behind every provider, per-account isolation, and size.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createNetwork } from "../data.mjs";
import { cs, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
let truth;
before(async () => {
  emu = await start();
  truth = emu.data("default");
});
after(() => emu.close());

const TWO_53 = 2n ** 53n;
const invitations = () => [...truth.sentInvitations, ...truth.receivedInvitations];
const people = () => [...invitations(), ...truth.connections].map((item) => item.person);
const allUrls = () => [...invitations(), ...truth.connections].flatMap((item) => Object.values(item.urls));

describe("invitation ids", () => {
  it("are unique 19-digit decimals above 2^53, none a multiple of 1024", () => {
    const ids = invitations().map((inv) => inv.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^7\d{18}$/);
      assert.ok(BigInt(id) > TWO_53);
      assert.notEqual(BigInt(id) % 1024n, 0n, `${id} would survive a double`);
      assert.notEqual(BigInt(Number(id)).toString(), id, "a JS number rounds it");
    }
  });

  it("arrive with every digit in the raw bodies of all three providers", async () => {
    const expected = truth.sentInvitations.map((inv) => inv.id);
    const v1Raw = (await v1(emu, "sentInvitations", { total_results: 145 }, { loginToken: "default" })).text;
    assert.deepEqual([...v1Raw.matchAll(/"invitation_id":(\d+),/g)].map((m) => m[1]), expected);
    const v2Raw = (await v2(emu, "list_sent", { count: 145 }, { account: "default" })).text;
    assert.deepEqual([...v2Raw.matchAll(/"entity_urn":"urn:li:invitation:(\d+)"/g)].map((m) => m[1]), expected);
    const csRaw = (await cs(emu, "sentInvitations", { startIndex: 0 })).text;
    assert.deepEqual([...csRaw.matchAll(/"invitationId":"(\d+)"/g)].map((m) => m[1]), expected.slice(0, 10));
  });
});

describe("determinism", () => {
  const requests = [
    (e) => v2(e, "list_invitations", { count: 26 }),
    (e) => v1(e, "sentInvitations", { start_page: 3, end_page: 5 }),
    (e) => v1(e, "receivedInvitations", { total_results: 30 }),
    (e) => cs(e, "connections", { startIndex: 500, limit: 12 }),
    (e) => cs(e, "receivedInvitations", { startIndex: 10 }),
  ];

  it("the same seed and clock give byte-identical bodies; another seed does not", async () => {
    const twin = await start();
    const other = await start({ seed: 2 });
    try {
      for (const request of requests) {
        const [a, b, c] = await Promise.all([request(emu), request(twin), request(other)]);
        assert.equal(a.text, b.text);
        assert.notEqual(a.text, c.text);
      }
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it("every account's generated data is identical", () => {
    const other = emu.data("someone-else");
    assert.deepEqual(other.sentInvitations, truth.sentInvitations);
    assert.deepEqual(other.connections, truth.connections);
  });
});

describe("people", () => {
  it("have non-ASCII names, emoji headlines, and some only a first name", () => {
    const everyone = people();
    assert.ok(everyone.some((p) => /[À-ÿ]/.test(p.firstName + p.lastName)), "accents");
    assert.ok(everyone.some((p) => /\p{Script=Han}/u.test(p.firstName + p.lastName)), "CJK");
    assert.ok(everyone.some((p) => /\p{Extended_Pictographic}/u.test(p.headline ?? "")), "emoji");
    const firstOnly = everyone.filter((p) => p.lastName === null);
    assert.ok(firstOnly.length > 0);
    for (const p of firstOnly) assert.equal(p.name, p.firstName);
  });

  it("each has a unique canonical profile URL (slug or member id)", () => {
    const canonical = people().map((p) => p.canonicalUrl);
    assert.equal(new Set(canonical).size, canonical.length);
    assert.ok(people().some((p) => p.slug === null), "member-id-only profiles exist");
  });

  it("show every profile-URL form of NOTES", () => {
    const urls = allUrls();
    const forms = {
      trailingSlash: /\/in\/[^/?]+\/$/,
      noSlash: /\/in\/[^/?]+$/,
      uk: /^https:\/\/uk\.linkedin\.com\/in\//,
      fr: /^https:\/\/fr\.linkedin\.com\/in\//,
      trackingQuery: /\?trk=/,
      percentEncoded: /\/in\/[^/?]*%[0-9A-F]{2}/,
      rawNonAscii: /\/in\/[^/?]*[^\x00-\x7f]/,
      memberId: /\/in\/ACoAA[A-Za-z0-9]+\/?$/,
    };
    for (const [form, pattern] of Object.entries(forms)) assert.ok(urls.some((u) => pattern.test(u)), form);
    assert.ok(!urls.some((u) => /%[0-9a-f][a-f]|%[a-f][0-9a-f]/.test(u)), "percent-encoding is upper-case");
  });

  it("URLs decode to the person's slug or member id", () => {
    for (const item of [...invitations(), ...truth.connections]) {
      for (const url of Object.values(item.urls)) {
        const segment = decodeURIComponent(new URL(url).pathname.split("/")[2]);
        assert.equal(segment, item.person.slug ?? item.person.memberId, url);
      }
    }
  });
});

describe("times", () => {
  it("sent invitations are newest first, 0 to about 120 days, some over three weeks", () => {
    const ages = truth.sentInvitations.map((inv) => inv.ageDays);
    assert.equal(ages[0], 0);
    assert.ok(ages.every((age, i) => i === 0 || age >= ages[i - 1]));
    assert.ok(ages.at(-1) >= 100 && ages.at(-1) <= 120);
    assert.ok(ages.filter((age) => age > 21).length > 50);
  });

  it("every relative-time form of NOTES appears, each from the stored age", async () => {
    const v1Texts = new Set(invitations().map((inv) => inv.sentTime.linkupV1));
    for (const text of ["Sent today", "Sent yesterday", "2 days ago", "1 week ago", "2 weeks ago", "1 month ago", "3 months ago"]) {
      assert.ok(v1Texts.has(text), text);
    }
    const csTexts = new Set(invitations().map((inv) => inv.sentTime.connectsafely));
    for (const text of ["2 days ago", "2 weeks ago", "1 month ago"]) assert.ok(csTexts.has(text), text);
    const v2Res = await v2(emu, "list_sent", { count: 145 }, { account: "default" });
    v2Res.json.data.invitations.forEach((inv, i) => {
      assert.equal(inv.sent_time, `${truth.sentInvitations[i].ageDays}d`);
      assert.equal(inv.sent_time_days, truth.sentInvitations[i].ageDays);
    });
    const v1Res = await v1(emu, "sentInvitations", { total_results: 145 }, { loginToken: "default" });
    v1Res.json.data.invitations.forEach((inv, i) => assert.equal(inv.sent_time, truth.sentInvitations[i].sentTime.linkupV1));
  });

  it("connections carry absolute dates on the emulator's clock", async () => {
    const res = await cs(emu, "connections", { startIndex: 1190, limit: 11 });
    res.json.connections.forEach((c, i) => {
      const expected = truth.connections[1190 + i];
      assert.equal(c.connectedDate, expected.connectedText);
      const day = new Date(Date.parse(truth.now) - expected.ageDays * 86400000).toISOString().slice(0, 10);
      assert.equal(expected.connectedOn, day);
    });
    assert.ok(truth.connections.at(-1).ageDays > 3000, "years back");
  });
});

describe("received invitations", () => {
  it("mix CONNECTION with ORGANIZATION, NEWSLETTER, EVENT and MEMBER_FOLLOW", () => {
    const counts = {};
    for (const inv of truth.receivedInvitations) counts[inv.type] = (counts[inv.type] ?? 0) + 1;
    assert.deepEqual(counts, { CONNECTION: 19, ORGANIZATION: 3, NEWSLETTER: 2, EVENT: 1, MEMBER_FOLLOW: 1 });
    for (const inv of truth.receivedInvitations) {
      if (["ORGANIZATION", "NEWSLETTER", "EVENT"].includes(inv.type)) assert.ok(inv.person.companyName);
      assert.match(inv.sharedSecret, /^[A-Za-z0-9]{8}$/);
    }
    assert.equal(truth.receivedInvitations.find((inv) => inv.type === "NEWSLETTER").linkupType, "CONTENT_SERIES");
  });
});

describe("one network behind every provider", () => {
  it("the same account key sees the same people and ids through each provider", async () => {
    const own = emu.data("acct-x");
    const v2Items = (await v2(emu, "list_connections", { count: 12 }, { account: "acct-x" })).json.data.connections;
    const v1Items = (await v1(emu, "connections", { total_results: 12 }, { loginToken: "acct-x" })).json.data.connections;
    const csItems = (await cs(emu, "connections", { limit: 12, accountId: "acct-x" })).json.connections;
    own.connections.slice(0, 12).forEach((c, i) => {
      assert.equal(v2Items[i].profile_url, c.urls.linkupV2);
      assert.equal(v1Items[i].profile_url, c.urls.linkupV1);
      assert.equal(csItems[i].profileUrl, c.urls.connectsafely);
      assert.equal(v2Items[i].name, c.person.name);
      assert.equal(csItems[i].firstName, c.person.firstName);
    });
  });

  it("withdrawing through one provider removes the invitation from all of them", async () => {
    const [first] = emu.data("acct-w", "sentInvitations");
    assert.equal((await v2(emu, "withdraw", { invitation_id: first.id }, { account: "acct-w" })).status, 200);
    const csRes = await cs(emu, "sentInvitations", { accountId: "acct-w" });
    assert.notEqual(csRes.json.invitations[0].invitationId, first.id);
    assert.equal(emu.data("acct-w", "sentInvitations").length, 144);
    assert.equal(emu.data("acct-v", "sentInvitations").length, 145, "other accounts untouched");
  });
});

describe("size", () => {
  it("lists of 100,000 items are generated and served in under a second each", async () => {
    const big = await start({ sizes: { connections: 100_000, sent: 100_000, received: 100_000 } });
    // Each first read of a list generates it.
    const timed = async (request) => {
      const began = Date.now();
      const res = await request();
      assert.ok(Date.now() - began < 1000, `took ${Date.now() - began} ms`);
      return res;
    };
    try {
      const last = await timed(() => v2(big, "list_connections", { count: 10, offset: 99_995 }));
      assert.equal(last.json.data.total_available_results, 100_000);
      assert.equal(last.json.data.connections.length, 5);
      const page = await timed(() => v1(big, "sentInvitations", { start_page: 10_000 }));
      assert.equal(page.json.data.invitations.length, 10);
      const received = await timed(() => cs(big, "receivedInvitations", { startIndex: 99_990 }));
      assert.equal(received.json.count, 10);
    } finally {
      await big.close();
    }
  });

  it("100,000 generated ids are unique, exact and ordered newest first", () => {
    const list = createNetwork({ seed: 3, sizes: { sent: 100_000 } }).account("a").list("sentInvitations");
    assert.equal(list.length, 100_000);
    const ids = new Set(list.map((item) => item.idText));
    assert.equal(ids.size, 100_000);
    for (let i = 1; i < list.length; i += 1) {
      assert.ok(list[i].id < list[i - 1].id);
      assert.ok(list[i].ageDays >= list[i - 1].ageDays);
      assert.notEqual(list[i].id % 1024n, 0n);
    }
  });
});
