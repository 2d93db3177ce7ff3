// Why a run ended reaches the caller of `iterate`, whose `for await` loop ends
// the same way at the list's end and at a budget: the last onProgress event
// carries `stopReason`, every event before it `null`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { PROVIDERS, clientFor, start, truthOf, truthUrls, urls } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());


async function iterateWithEvents(list, options) {
  const seen = [];
  const events = [];
  for await (const item of list.iterate({ ...options, onProgress: (progress) => events.push(progress) })) {
    seen.push(item.person.profileUrl);
  }
  return { seen, events };
}

function assertOnlyLastHasReason(events, reason) {
  assert.ok(events.length > 1, `several events (${events.length})`);
  assert.equal(events.at(-1).stopReason, reason);
  events.slice(0, -1).forEach((event, index) => assert.equal(event.stopReason, null, `event ${index} is mid-run`));
}

// A budget each provider spends: credits on LinkupAPI, requests on ConnectSafely and Unipile (free).
const BUDGETS = {
  "linkup-v2": { maxCredits: 3 },
  "linkup-v1": { maxCredits: 12 },
  connectsafely: { maxRequests: 4 },
  unipile: { maxRequests: 4 },
};

for (const provider of PROVIDERS) {
  describe(`${provider.id}: the last progress event says why the run stopped`, () => {
    test("read to the end: stopReason 'end' once, after the last item", async () => {
      const { client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "sentInvitations"));
      const { seen, events } = await iterateWithEvents(client.sentInvitations, {});
      assert.deepEqual(seen, truth);
      assertOnlyLastHasReason(events, "end");
      assert.equal(events.at(-1).items, truth.length);
    });

    test("stopped by a budget: the loop ends, the last event names the budget, its cursor resumes", async () => {
      const { apiKey, client } = clientFor(emu, provider);
      const truth = truthUrls(truthOf(emu, provider, "connections"));
      const budget = BUDGETS[provider.id];
      const { seen, events } = await iterateWithEvents(client.connections, budget);
      assert.ok(seen.length > 0 && seen.length < truth.length, `a part of the list (${seen.length} of ${truth.length})`);
      assert.deepEqual(seen, truth.slice(0, seen.length));
      const [budgetName, limit] = Object.entries(budget)[0];
      assertOnlyLastHasReason(events, budgetName);
      const last = events.at(-1);
      assert.equal(last.items, seen.length);
      const ledger = emu.ledger(apiKey);
      assert.equal(last.creditsUsed, ledger.credits, "credits as the provider counted them");
      assert.equal(last.requests, ledger.requests, "requests as the provider counted them");
      assert.ok((budgetName === "maxCredits" ? ledger.credits : ledger.requests) <= limit, "within the budget");

      const rest = await client.connections.collect({ cursor: last.cursor });
      assert.deepEqual([...seen, ...urls(rest.items)], truth, "the cursor of the last event resumes exactly");
    });

    test("a loop left with break ends without a reason; collect's last event matches its result", async () => {
      const { client } = clientFor(emu, provider);
      const events = [];
      // Leave on the first item after a page was reported.
      for await (const _item of client.connections.iterate({ onProgress: (progress) => events.push(progress) })) {
        if (events.length > 0) break;
      }
      assert.equal(events.length, 1);
      assert.ok(events.every((event) => event.stopReason === null), "nothing ended the run but the caller");

      const collected = [];
      const result = await client.connections.collect({ maxItems: 30, onProgress: (progress) => collected.push(progress) });
      assert.equal(result.stopReason, "maxItems");
      assert.equal(collected.at(-1).stopReason, "maxItems");
      assert.equal(collected.at(-1).cursor, result.cursor);
      assert.ok(collected.slice(0, -1).every((event) => event.stopReason === null));
    });
  });
}
