// A list that grows at its head while it is read (the emulator's `shift`
// fault): 1,201 connections read whole, with 1, 5 or 40 new connections
// inserted before an early, a middle or a late request, for each provider.
// Never a duplicate, every connection present at the start delivered exactly
// once, the shift reported in `warnings`; linkup-v2/v1 re-read only the window
// around the disturbed page boundary, and what that repair cost (ledger minus
// the no-shift floor) is measured and printed. A shift too large to repair
// must say items may be missing.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator } from "../../emulator/server.mjs";
import { PROVIDERS, api, credentials, movingListProblems, printTable, readAll, repairs, truthKeys } from "./support/list-reads.mjs";

const RESOURCE = "connections";
// Requests of a whole read: linkup and Unipile 13 (100 a call), ConnectSafely 101 (12 a call).
const POINTS = { "linkup-v2": [1, 6, 11], "linkup-v1": [1, 6, 11], connectsafely: [1, 50, 95], unipile: [1, 6, 11] };
const COUNTS = [1, 5, 40];
const TOO_LARGE = 150; // over the 100 items the package repairs by re-reading

let emu;
const measured = [];
before(async () => {
  emu = await startEmulator({ seed: 1 });
});
after(async () => {
  printTable(
    "list-shift",
    "List shift during a read of 1,201 connections: what the repair cost (credits: ledger − no-shift floor)",
    ["provider", "inserted", "before request", "requests", "ledger", "floor (1,201)", "extra", "floor (final list)", "re-read windows (credits)", "duplicates dropped"],
    measured,
  );
  await emu.close();
});

let runs = 0;
async function shiftedRead(provider, count, afterRequests) {
  runs += 1;
  const { apiKey, account, auth } = credentials(provider, `shift-${provider}-${count}-${afterRequests}-${runs}`);
  const start = truthKeys(emu, provider, account, RESOURCE);
  emu.inject({ type: "shift", apiKey, resource: RESOURCE, after: afterRequests, count });
  const { result, keys } = await readAll(emu, provider, auth, RESOURCE);
  const final = truthKeys(emu, provider, account, RESOURCE);
  const log = emu.requests().filter((entry) => entry.apiKey === apiKey);
  const ledger = emu.ledger(apiKey);
  const floor = (limit) => api.estimateCredits({ provider, resource: RESOURCE, offset: 0, limit }).credits;
  assert.equal(log.filter((entry) => entry.fault === "shift").length, 1, "the shift happened once, during the read");
  assert.equal(final.length, start.length + count);
  assert.equal(result.complete, true, `complete: ${result.complete}, stopReason ${result.stopReason}`);
  assert.equal(result.requests, log.length, "requests = what the emulator saw");
  assert.equal(result.creditsUsed, ledger.credits, "creditsUsed = the ledger");
  const windows = repairs(result.warnings);
  measured.push([
    provider, count, `${afterRequests + 1} of ${log.length}`, result.requests, ledger.credits, floor(start.length),
    ledger.credits - floor(start.length), floor(final.length),
    windows.map((w) => `${w.from}–${w.to} (${w.credits})`).join(", ") || "none", result.duplicatesDropped,
  ]);
  return { start, final, result, keys, windows };
}

for (const provider of PROVIDERS) {
  describe(`${provider}: connections inserted at the head during a read`, () => {
    for (const count of COUNTS) {
      for (const afterRequests of POINTS[provider]) {
        test(`${count} inserted before request ${afterRequests + 1}`, async () => {
          const { start, final, result, keys, windows } = await shiftedRead(provider, count, afterRequests);
          assert.deepEqual(movingListProblems({ keys, everKnown: new Set(final), mustHave: start }), []);
          if (provider === "connectsafely") {
            // No total to compare: the shift shows as the items seen again (those read before it,
            // 12 a request, pushed back by `count`), dropped and reported.
            const seenAgain = Math.min(count, 12 * afterRequests);
            assert.equal(result.duplicatesDropped, seenAgain, "every connection pushed back onto a later page was dropped once");
            assert.ok(result.warnings.some((w) => w.startsWith(`${seenAgain} duplicate item(s) dropped: the list shifted`)), JSON.stringify(result.warnings));
          } else if (provider === "unipile") {
            // Its cursor expired with the change: read again from the head, what was delivered dropped.
            assert.ok(result.warnings.some((w) => /refused its cursor .*the list changed since it was issued/.test(w)), JSON.stringify(result.warnings));
            assert.ok(result.duplicatesDropped > 0, "what was delivered before the restart came again and was dropped");
          } else {
            assert.ok(result.warnings.some((w) => w.includes(`its total went from ${start.length} to ${start.length + count}`)), JSON.stringify(result.warnings));
            assert.ok(windows.length > 0, `no re-read reported: ${JSON.stringify(result.warnings)}`);
            for (const window of windows) {
              assert.ok(window.to - window.from + 1 <= 2 * count, `re-read ${window.from}–${window.to}: wider than the ${2 * count} items around the boundary`);
            }
          }
        });
      }
    }

    test(`${TOO_LARGE} inserted (too many to repair): no duplicate, and items possibly missing are reported`, async () => {
      const { start, final, result, keys } = await shiftedRead(provider, TOO_LARGE, POINTS[provider][1]);
      const problems = movingListProblems({ keys, everKnown: new Set(final), mustHave: start });
      const duplicates = problems.filter((problem) => problem.includes("more than once") || problem.includes("never in the list"));
      assert.deepEqual(duplicates, []);
      const saysMissing = result.warnings.some((w) => /items may be missing/.test(w));
      if (problems.length) assert.ok(saysMissing, `${problems.join("; ")}, and no warning says items may be missing: ${JSON.stringify(result.warnings)}`);
      if (provider === "connectsafely") assert.equal(result.duplicatesDropped, TOO_LARGE);
      // Read again from the head: any shift is repaired, nothing that was there is lost.
      else if (provider === "unipile") assert.deepEqual(problems, []);
      else assert.ok(saysMissing, `a shift of ${TOO_LARGE} is past what is repaired, and no warning says so: ${JSON.stringify(result.warnings)}`);
    });
  });
}
