// Cursors: a run stopped halfway (by maxItems, or by breaking out of
// iterate) resumes from its cursor with the rest of the list and nothing
// twice; the two runs together cost what their two ranges are priced at.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { LinkedInNetworkError, PROVIDERS, clientFor, drain, rejection, requestsOf, start, truthOf, truthUrls, urls } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());


for (const provider of PROVIDERS) {
  describe(`${provider.id}: resume from a cursor`, () => {
    test("break out of iterate after any item of a 2-page read, resume from its cursor: nothing repeated or skipped", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      // Two pages at every provider's grid (connections: 10 to 50 a call).
      const length = provider.id === "linkup-v2" ? 60 : 15;
      for (let stop = 1; stop <= length; stop += 1) {
        const iterator = client.connections.iterate({ maxItems: length });
        assert.equal(iterator.cursor, null, "no cursor before the first item");
        const taken = [];
        for await (const connection of iterator) {
          taken.push(connection.person.profileUrl);
          if (taken.length === stop) break;
        }
        const rest = stop < length ? urls((await client.connections.collect({ cursor: iterator.cursor, maxItems: length - stop })).items) : [];
        assert.deepEqual([...taken, ...rest], truth.slice(0, length), `stopped after item ${stop}`);
      }
    });

    test("page.next() continues each page; null at the end", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      const seen = [];
      let pages = 0;
      for (let page = await client.connections.list({ limit: 250 }); page !== null; page = await page.next()) {
        seen.push(...urls(page.items));
        pages += 1;
        assert.ok(!Object.keys(page).includes("next"), "next stays out of the page's JSON");
      }
      assert.deepEqual(seen, truth);
      assert.equal(pages, Math.ceil(truth.length / 250));
    });

    test("list({ cursor }) page after page: the whole list once, each page priced as planned", async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      const seen = [];
      let page = await client.connections.list({ limit: 100 });
      let spent = page.creditsUsed;
      seen.push(...urls(page.items));
      while (page.hasMore) {
        page = await client.connections.list({ cursor: page.cursor, limit: 100 });
        spent += page.creditsUsed;
        seen.push(...urls(page.items));
      }
      assert.deepEqual(seen, truth);
      assert.equal(spent, emu.ledger(apiKey).credits);
      const refused = await rejection(client.connections.list({ cursor: page.cursor, offset: 3 }));
      assert.ok(refused instanceof LinkedInNetworkError);
      assert.equal(refused.code, "INVALID_INPUT");
      assert.match(refused.message, /^offset cannot be given with a cursor/);
    });

    test("collect({ maxItems: 70 }) then collect({ cursor }): the rest, nothing twice", async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));

      const first = await client.connections.collect({ maxItems: 70 });
      assert.deepEqual(urls(first.items), truth.slice(0, 70));
      assert.equal(first.complete, false);
      assert.equal(first.stopReason, "maxItems");
      assert.ok(first.cursor.length <= 1024, "a cursor of at most 1 KB");
      assert.ok(!first.cursor.includes(apiKey), "the cursor holds no key");

      const rest = await client.connections.collect({ cursor: first.cursor });
      assert.deepEqual(urls(rest.items), truth.slice(70), "exactly the items after the first 70");
      assert.equal(rest.complete, true);
      assert.equal(rest.stopReason, "end");
      const all = [...urls(first.items), ...urls(rest.items)];
      assert.equal(new Set(all).size, truth.length, "every item once");

      const ledger = emu.ledger(apiKey);
      assert.equal(first.creditsUsed + rest.creditsUsed, ledger.credits);
      assert.equal(first.requests + rest.requests, ledger.requests);
      const priced =
        client.connections.estimate({ offset: 0, limit: 70 }).credits +
        client.connections.estimate({ offset: 70, limit: truth.length - 70 }).credits;
      assert.equal(ledger.credits, priced, "the two runs cost what their two ranges are priced at");
    });

    test("a resumed run's budgets count from the resume", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      const first = await client.connections.collect({ maxItems: 70 });
      const next = await client.connections.collect({ cursor: first.cursor, maxItems: 30 });
      assert.deepEqual(urls(next.items), truth.slice(70, 100));
      assert.equal(next.stopReason, "maxItems");
      const last = await client.connections.collect({ cursor: next.cursor, maxItems: 5 });
      assert.deepEqual(urls(last.items), truth.slice(100, 105));
    });

    test("iterate, break mid-way, resume from the last onProgress cursor", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      const breakAt = 250;
      const seen = [];
      const events = [];
      for await (const connection of client.connections.iterate({ onProgress: (progress) => events.push(progress) })) {
        seen.push(connection.person.profileUrl);
        if (seen.length === breakAt) break;
      }
      assert.deepEqual(seen, truth.slice(0, breakAt));
      assert.ok(events.length > 0, "progress was reported before the break");
      const last = events.at(-1);
      assert.ok(last.items > 0 && last.items <= breakAt, `the last progress counts items taken (${last.items})`);
      events.forEach((event, index) => {
        assert.equal(typeof event.cursor, "string");
        if (index > 0) assert.ok(event.items >= events[index - 1].items, "progress only grows");
      });

      const resumed = urls(await drain(client.connections.iterate({ cursor: last.cursor })));
      assert.deepEqual(resumed, truth.slice(last.items), "the resumed run starts right after the checkpoint");
      const once = [...seen.slice(0, last.items), ...resumed];
      assert.deepEqual(once, truth, "checkpointed items + resumed items = the list, each once");
    });

    test("iterate, break right after a page: the resumed run repeats nothing at all", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      // Pages need not be the same size (linkup-v1 reads one page before the
      // total is known): learn where the second page ends from a full pass.
      const boundaries = [];
      for await (const _connection of client.connections.iterate({ maxItems: 400, onProgress: (progress) => boundaries.push(progress.items) })) {
        // only the page boundaries matter here
      }
      const stopAt = boundaries[1];
      assert.ok(stopAt > boundaries[0], "two pages were reported");
      const seen = [];
      const events = [];
      for await (const connection of client.connections.iterate({ onProgress: (progress) => events.push(progress) })) {
        seen.push(connection.person.profileUrl);
        if (seen.length === stopAt) break;
      }
      const last = events.at(-1);
      assert.equal(last.items, seen.length, "breaking after a page's last item reports that page");
      const rest = await client.connections.collect({ cursor: last.cursor });
      assert.equal(rest.items.filter((item) => seen.includes(item.person.profileUrl)).length, 0, "nothing twice");
      assert.deepEqual([...seen, ...urls(rest.items)], truth);
      assert.equal(rest.complete, true);
    });

    test("a cursor from another list or provider is refused, nothing sent", async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const { cursor } = await client.sentInvitations.collect({ maxItems: 5 });
      const before = requestsOf(emu, apiKey).length;
      const wrongList = await rejection(client.connections.collect({ cursor }));
      assert.ok(wrongList instanceof LinkedInNetworkError);
      assert.equal(wrongList.code, "INVALID_INPUT");
      assert.match(wrongList.message, /cursor/);
      const other = PROVIDERS.find((entry) => entry.id !== provider.id);
      const { client: otherClient } = clientFor(emu, other);
      const wrongProvider = await rejection(otherClient.sentInvitations.collect({ cursor }));
      assert.equal(wrongProvider.code, "INVALID_INPUT");
      assert.match(wrongProvider.message, /cursor/);
      assert.equal(requestsOf(emu, apiKey).length, before);
    });
  });
}
