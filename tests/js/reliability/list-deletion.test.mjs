// A list that loses items while it is read: invitations withdrawn during a
// read of 1,000 sent invitations, for each provider. The withdrawals (through
// ConnectSafely's withdraw endpoint, another API key, no credits) remove
// invitations already delivered from the head of the list just before a given
// request is sent, which moves every later invitation one place up per
// withdrawal: without a repair, as many invitations slip across the next page
// boundary unseen. Expected: never a duplicate; every invitation still pending
// delivered exactly once — or, where the run cannot know, a warning that items
// may be missing; and the change reported in `warnings`.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator } from "../../emulator/server.mjs";
import { PROVIDERS, api, credentials, movingListProblems, printTable, readAll, repairs, truthKeys } from "./support/list-reads.mjs";

const RESOURCE = "sentInvitations";
const SIZE = 1000;
// Requests of a whole read: linkup and Unipile 10 (100 a call), ConnectSafely 100 (10 a call).
const POINTS = { "linkup-v2": [1, 5, 8], "linkup-v1": [1, 5, 8], connectsafely: [1, 50, 90], unipile: [1, 5, 8] };
/** The providers whose answers carry the list's total (the others notice a change otherwise). */
const WITH_TOTAL = new Set(["linkup-v2", "linkup-v1"]);
const COUNTS = [1, 5];

let emu;
const measured = [];
before(async () => {
  emu = await startEmulator({ seed: 1, sizes: { sent: SIZE } });
});
after(async () => {
  printTable(
    "list-deletion",
    `Invitations withdrawn from the head during a read of ${SIZE.toLocaleString("en")} sent invitations`,
    ["provider", "withdrawn", "before request", "requests", "ledger", "floor", "extra", "re-read windows (credits)", "missed", "warnings about the change"],
    measured,
  );
  await emu.close();
});

/** Withdraws the first `count` pending invitations of `account` (ConnectSafely, its own key: no credits). */
async function withdrawHead(account, count) {
  for (const invitation of emu.data(account, RESOURCE).slice(0, count)) {
    const response = await fetch(`${emu.url}/linkedin/invitations/withdraw?accountId=${encodeURIComponent(account)}`, {
      method: "POST",
      headers: { authorization: "Bearer withdraw-key", "content-type": "application/json" },
      body: JSON.stringify({ profileId: invitation.person.memberId, invitationId: invitation.id }),
    });
    assert.equal(response.status, 200, await response.text());
  }
}

/** The global fetch, withdrawing before the request after the first `afterRequests` is sent. */
function withdrawingFetch(account, count, afterRequests) {
  let sent = 0;
  return async (url, init) => {
    sent += 1;
    if (sent === afterRequests + 1) await withdrawHead(account, count);
    return fetch(url, init);
  };
}

let runs = 0;
for (const provider of PROVIDERS) {
  describe(`${provider}: sent invitations withdrawn during a read`, () => {
    for (const count of COUNTS) {
      for (const afterRequests of POINTS[provider]) {
        test(`${count} withdrawn from the head before request ${afterRequests + 1}`, async () => {
          runs += 1;
          const { apiKey, account, auth } = credentials(provider, `withdraw-${provider}-${count}-${afterRequests}-${runs}`);
          const start = truthKeys(emu, provider, account, RESOURCE);
          const { result, keys } = await readAll(emu, provider, auth, RESOURCE, { fetch: withdrawingFetch(account, count, afterRequests) });
          const pending = truthKeys(emu, provider, account, RESOURCE);
          assert.equal(pending.length, start.length - count, "the withdrawals happened during the read");
          const log = emu.requests().filter((entry) => entry.apiKey === apiKey);
          const ledger = emu.ledger(apiKey);
          const floor = api.estimateCredits({ provider, resource: RESOURCE, offset: 0, limit: start.length }).credits;
          const problems = movingListProblems({ keys, everKnown: new Set(start), mustHave: pending });
          const missed = pending.filter((key) => !keys.includes(key)).length;
          const changed = result.warnings.filter((w) => /changed while it was read|shifted|may be missing/.test(w));
          const windows = repairs(result.warnings);
          measured.push([
            provider, count, `${afterRequests + 1} of ${log.length}`, result.requests, ledger.credits, floor, ledger.credits - floor,
            windows.map((w) => `${w.from}–${w.to} (${w.credits})`).join(", ") || "none", missed, changed.length ? changed.join(" / ").slice(0, 110) : "none",
          ]);

          assert.equal(result.complete, true);
          assert.equal(result.creditsUsed, ledger.credits, "creditsUsed = the ledger");
          assert.equal(result.requests, log.length, "requests = what the emulator saw");
          const saysMissing = result.warnings.some((w) => /may be missing/.test(w));
          assert.deepEqual(saysMissing ? problems.filter((p) => !p.includes("never delivered")) : problems, [],
            `${provider}: warnings ${JSON.stringify(result.warnings)}`);
          assert.ok(changed.length > 0, `${count} invitation(s) withdrawn during the read, and no warning says the list changed: ${JSON.stringify(result.warnings)}`);
          if (provider === "unipile") {
            // Its cursor expired with the change: the chain was read again from the head, nothing missed.
            assert.ok(result.warnings.some((w) => /refused its cursor/.test(w)), JSON.stringify(result.warnings));
            assert.equal(missed, 0);
          } else if (WITH_TOTAL.has(provider)) {
            assert.ok(result.warnings.some((w) => w.includes(`its total went from ${start.length} to ${pending.length}`)), JSON.stringify(result.warnings));
            assert.ok(windows.length > 0, "no re-read of the window the withdrawal disturbed");
          }
        });
      }
    }
  });
}
