// The same end state under faults, on the free plan's limit: 50 subrequests
// an invocation, two messages a batch (25 each, so a first sync of a longer
// list stops on its budget and re-enqueues itself), with 429 / 5xx / hang /
// reset faults, messages delivered twice, a consumer that dies mid-batch and
// invocations the platform cuts at its subrequest limit. Then the error →
// queue table: RATE_LIMITED waits retryAfterMs, AUTH and INSUFFICIENT_CREDITS
// stop the account without a retry.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startEmulator } from "../../../tests/emulator/server.mjs";
import { bundleFleet, startFleet } from "./support/fleet.mjs";
import { mismatches, mutateAll, population, register } from "./support/population.mjs";

const SIZES = { connections: 300, sent: 30, received: 10 };

let emu;
let bundle;
let fleet;
before(async () => {
  emu = await startEmulator({ seed: 2, now: "2026-04-26T10:35:00Z", sizes: SIZES });
  bundle = await bundleFleet();
  fleet = await startFleet(bundle, {
    chaos: true,
    vars: { SUBREQUEST_LIMIT: "50", RETRY_BASE_SECONDS: "0", PROVIDER_TIMEOUT_MS: "1500", CHAOS_CRASHES: "3", CHAOS_CUTS: "3", CHAOS_CUT_AT: "6" },
    consumer: { maxBatchSize: 2, maxBatchTimeout: 0.2, maxRetries: 20 },
  });
});
after(async () => {
  await fleet?.close();
  await emu?.close();
  bundle?.app.remove();
});

function injectFaults(accounts, round) {
  const key = (index) => accounts[(index + round) % accounts.length].apiKey;
  emu.inject([
    { type: "rate-limit", apiKey: key(0), retryAfterSeconds: 1, times: 3 },
    { type: "status", status: 503, apiKey: key(1), times: 3 },
    { type: "status", status: 500, apiKey: key(2), times: 2 },
    { type: "hang", apiKey: key(3), times: 1 },
    { type: "reset", apiKey: key(4), times: 2 },
    { type: "status", status: 502, apiKey: key(5), after: 3, times: 3 },
  ]);
}

test("faults, redeliveries, a crash mid-batch and cut invocations: the same end state as without them", { timeout: 170000 }, async (t) => {
  const accounts = population(emu, 12, { prefix: "f" });
  await register(fleet, accounts);
  const queue = await fleet.mf.getQueueProducer("SYNC_QUEUE");
  for (let tick = 0; tick < 3; tick += 1) {
    if (tick > 0) mutateAll(accounts, tick);
    injectFaults(accounts, tick);
    await fleet.tick();
    // Delivered twice: the same account ids again, as Queues may redeliver them.
    await queue.sendBatch(accounts.slice(0, 6).map((account) => ({ body: { accountId: account.id } })));
    await fleet.idle({ timeoutMs: 150000 });
  }
  // Delivered twice at once: both copies of a pair share a batch and start from the same version.
  mutateAll(accounts, 3);
  for (const account of accounts.slice(0, 3)) {
    await queue.sendBatch([{ body: { accountId: account.id } }, { body: { accountId: account.id } }]);
    await fleet.idle({ quietMs: 800 });
  }
  await fleet.tick();
  await fleet.idle({ timeoutMs: 60000 });

  assert.deepEqual(await mismatches(fleet, accounts), [], "recorded changes against the emulator's diff");
  assert.deepEqual(emu.pendingFaults(), [], "every injected fault was met");
  const faulted = new Set(emu.requests().filter((entry) => entry.fault).map((entry) => entry.fault));
  assert.deepEqual([...faulted].sort(), ["hang", "rate-limit", "reset", "status"]);
  const chaos = Object.fromEntries((await fleet.rows("SELECT kind, count(*) AS n FROM chaos_events GROUP BY kind")).map((row) => [row.kind, row.n]));
  assert.deepEqual(chaos, { crash: 3, cut: 3 }, "the consumer died mid-batch 3 times and 3 invocations were cut");
  const logs = fleet.output.join("");
  assert.ok(logs.includes("fleet: "), "the Worker's console lines were captured");
  for (const account of accounts) {
    assert.ok(!logs.includes(account.apiKey) && !logs.includes(account.emuAccount), "a credential in a log line");
  }
  const outcomes = Object.fromEntries((await fleet.rows("SELECT outcome, count(*) AS n FROM sync_runs GROUP BY outcome")).map((row) => [row.outcome, row.n]));
  const budgetStops = (await fleet.rows("SELECT count(*) AS n FROM sync_runs WHERE outcome = 'committed' AND complete = 0"))[0].n;
  const codes = (await fleet.rows("SELECT DISTINCT error_code FROM sync_runs WHERE error_code IS NOT NULL")).map((row) => row.error_code).sort();
  const peak = (await fleet.rows("SELECT max(subrequests) AS peak FROM sync_runs"))[0].peak;
  t.diagnostic(`chaos ${JSON.stringify(chaos)}; runs by outcome ${JSON.stringify(outcomes)}; ${budgetStops} stopped on the budget and re-enqueued; error codes ${codes.join(", ")}; peak ${peak} subrequests of a 25 slice`);
  assert.ok(budgetStops > 0, "some first syncs stopped on the free plan's budget");
  assert.ok(outcomes.stale >= 3, "one copy of each pair found the version moved and wrote nothing");
  assert.ok(outcomes.retry > 0, "faults were retried through the queue");
  assert.ok(codes.includes("RATE_LIMITED") && codes.includes("NETWORK"), `codes ${codes}`);
  assert.ok(peak <= 25);
  const statuses = await fleet.rows("SELECT status, count(*) AS n FROM accounts GROUP BY status");
  assert.deepEqual(statuses.map((row) => [row.status, row.n]), [["active", 12]]);
});

async function runsOf(id) {
  return fleet.rows("SELECT outcome, error_code, started_at, finished_at FROM sync_runs WHERE account_id = ?1 ORDER BY id", id);
}

test("RATE_LIMITED retries after retryAfterMs; AUTH → needs-credentials and INSUFFICIENT_CREDITS → paused, without a retry", { timeout: 60000 }, async () => {
  const [limited, denied, broke] = population(emu, 3, { prefix: "e" }).map((account, index) => ({ ...account, provider: "linkup-v2", index }));
  await register(fleet, [limited, denied, broke]);
  emu.inject([
    { type: "rate-limit", apiKey: limited.apiKey, retryAfterSeconds: 2, times: 2 },
    { type: "provider-error", code: "INVALID_API_KEY", apiKey: denied.apiKey, times: 1 },
    { type: "provider-error", code: "INSUFFICIENT_CREDITS", apiKey: broke.apiKey, times: 1 },
  ]);
  await fleet.tick();
  await fleet.idle({ timeoutMs: 50000 });

  const [retried, committed] = await runsOf(limited.id);
  assert.deepEqual([retried.outcome, retried.error_code, committed.outcome], ["retry", "RATE_LIMITED", "committed"]);
  assert.ok(committed.started_at - retried.finished_at >= 1900, `retried after ${committed.started_at - retried.finished_at} ms`);
  assert.deepEqual((await runsOf(denied.id)).map((run) => [run.outcome, run.error_code]), [["needs-credentials", "AUTH"]]);
  assert.deepEqual((await runsOf(broke.id)).map((run) => [run.outcome, run.error_code]), [["paused", "INSUFFICIENT_CREDITS"]]);
  assert.equal((await fleet.api("GET", `/accounts/${denied.id}`)).body.status, "needs-credentials");
  assert.equal((await fleet.api("GET", `/accounts/${broke.id}`)).body.status, "paused");

  // Stopped accounts are not enqueued until fixed: new credentials, a resume.
  await fleet.tick();
  await fleet.idle();
  assert.equal((await runsOf(denied.id)).length, 1);
  const field = { accountId: denied.emuAccount };
  assert.equal((await fleet.api("PUT", `/accounts/${denied.id}/credentials`, { credentials: { apiKey: `${denied.apiKey}-new`, ...field } })).status, 200);
  assert.equal((await fleet.api("POST", `/accounts/${broke.id}/resume`)).status, 200);
  await fleet.tick();
  await fleet.idle();
  assert.equal((await runsOf(denied.id)).at(-1).outcome, "committed");
  assert.equal((await runsOf(broke.id)).at(-1).outcome, "committed");
  assert.deepEqual(await mismatches(fleet, [denied, broke]), []);
});
