// The fleet in Miniflare against the emulator over HTTP: FLEET_ACCOUNTS
// accounts (default 60) across the three providers, each with its own
// emulator key and account, mutated between FLEET_TICKS cron ticks. After the
// ticks every account's recorded changes equal the emulator's true diff —
// nothing lost, nothing twice — and the fleet paid exactly the floor.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startEmulator } from "../../../tests/emulator/server.mjs";
import { WASM_PATH } from "../../../tests/js/runtimes/support/package-link.mjs";
import { floorOf } from "./support/credits.mjs";
import { bundleFleet, startFleet } from "./support/fleet.mjs";
import { baselineOf, mismatches, mutateAll, population, register, registration } from "./support/population.mjs";
import { WEBHOOK_SECRET, startReceiver } from "./support/webhook-receiver.mjs";

const COUNT = Number(process.env.FLEET_ACCOUNTS ?? 60);
const TICKS = Number(process.env.FLEET_TICKS ?? 3);
const LIMIT = 1000;
const SIZES = { connections: 60, sent: 20, received: 8 };

let emu;
let bundle;
let fleet;
let receiver;
before(async () => {
  emu = await startEmulator({ seed: 1, now: "2026-04-26T10:35:00Z", sizes: SIZES });
  bundle = await bundleFleet();
  receiver = await startReceiver({ failFirst: 2 });
  const secretCredentials = JSON.stringify({ apiKey: "key-by-secret", accountId: "emu-by-secret" });
  fleet = await startFleet(bundle, { vars: { SUBREQUEST_LIMIT: String(LIMIT), BY_SECRET_CREDENTIALS: secretCredentials }, consumer: { maxBatchSize: 10 } });
});
after(async () => {
  await fleet?.close();
  await receiver?.close();
  await emu?.close();
  bundle?.app.remove();
});

test("wrangler deploy --dry-run bundles the Worker with the package's workerd entry and its .wasm", () => {
  const wasm = bundle.files.filter((file) => file.endsWith(".wasm"));
  assert.equal(wasm.length, 1, bundle.files.join(", "));
  assert.ok(readFileSync(join(bundle.outDir, wasm[0])).equals(readFileSync(WASM_PATH)), "the uploaded .wasm is pkg/dist's");
  const script = readFileSync(join(bundle.outDir, "index.js"), "utf8");
  assert.ok(script.includes(`from "./${wasm[0]}"`), "the bundle imports the .wasm as a module");
  // The package's `workerd` export condition names its built entry, pkg/dist/workerd.js.
  assert.match(script, /^\/\/ .*pkg\/dist\/workerd\.js$/m, "the bundle took the package's workerd entry");
  assert.match(bundle.dryRun, /env\.SYNC_QUEUE \(linkedin-fleet-sync\)\s+Queue/);
  assert.match(bundle.dryRun, /env\.DB \(linkedin-fleet\)\s+D1 Database/);
});

test(`${COUNT} accounts, ${TICKS} cron ticks: recorded changes = the true diff, credits = the floor`, { timeout: 170000 }, async (t) => {
  const accounts = population(emu, COUNT);
  const hooked = new Set(accounts.filter((_, index) => index % 10 === 0).map((account) => account.id));
  for (const account of accounts) {
    const webhook = hooked.has(account.id) ? { url: receiver.url, secret: WEBHOOK_SECRET } : undefined;
    await register(fleet, [account], { webhook });
  }
  let floor = 0;
  const timings = [];
  for (let tick = 0; tick < TICKS; tick += 1) {
    if (tick > 0) mutateAll(accounts, tick);
    for (const account of accounts) floor += floorOf(account, { first: tick === 0 });
    const started = Date.now();
    await fleet.tick();
    await fleet.idle();
    timings.push(Date.now() - started);
  }
  t.diagnostic(`tick wall times (ms): ${timings.join(", ")} for ${COUNT} accounts`);

  assert.deepEqual(await mismatches(fleet, accounts), [], "accounts whose recorded changes differ from the emulator's diff");
  const runs = await fleet.rows("SELECT outcome, count(*) AS n, sum(credits) AS credits, max(subrequests) AS peak FROM sync_runs GROUP BY outcome");
  assert.deepEqual(runs.map((row) => [row.outcome, row.n]), [["committed", COUNT * TICKS]], "one committed run per account and tick");
  assert.ok(runs[0].peak <= LIMIT, `a run used ${runs[0].peak} subrequests`);

  const ledgerTotal = accounts.reduce((sum, account) => sum + emu.ledger(account.apiKey).credits, 0);
  assert.equal(ledgerTotal, floor, "the emulator's ledgers against the sum of each account's floor");
  assert.equal(runs[0].credits, ledgerTotal, "the credits the fleet recorded");
  t.diagnostic(`credits: ${ledgerTotal} = Σ floor ${floor}`);

  // The webhook got every recorded change of its accounts (twice refused first: at least once), signed.
  assert.equal(receiver.stats.badSignatures, 0);
  assert.equal(receiver.stats.refused, 2);
  for (const id of hooked) {
    const ids = (await fleet.rows("SELECT id FROM changes WHERE account_id = ?1 ORDER BY seq", id)).map((row) => row.id);
    assert.deepEqual([...new Set(receiver.received.get(id))].sort(), [...ids].sort(), `webhook of ${id}`);
  }
});

test("GET /accounts/:id/changes pages through what D1 holds; the API needs the token; D1 holds no plain credential", async () => {
  const [account] = await fleet.rows("SELECT id, credentials FROM accounts ORDER BY id LIMIT 1");
  assert.ok(account, "the fleet test registered accounts first");
  const stored = await fleet.rows("SELECT seq, id FROM changes WHERE account_id = ?1 ORDER BY seq", account.id);
  const paged = [];
  let since = 0;
  for (;;) {
    const { status, body } = await fleet.api("GET", `/accounts/${account.id}/changes?since=${since}&limit=7`);
    assert.equal(status, 200);
    if (body.changes.length === 0) break;
    paged.push(...body.changes.map((change) => [change.seq, change.id]));
    since = body.cursor;
  }
  assert.deepEqual(paged, stored.map((row) => [row.seq, row.id]));
  assert.equal((await fleet.api("GET", `/accounts/${account.id}/changes`, undefined, { token: "wrong" })).status, 401);
  assert.equal((await fleet.api("GET", `/accounts/${account.id}`)).body.status, "active");
  assert.doesNotMatch(account.credentials, /key-|emu-/, "credentials are sealed");
  const all = JSON.stringify(await fleet.rows("SELECT * FROM accounts")) + JSON.stringify(await fleet.rows("SELECT * FROM sync_state"));
  assert.doesNotMatch(all, /key-a0|emu-a0|whsec/, "no API key, account key or webhook secret in D1 in clear");
});

test("credentials by Worker secret name: registered without them, synced with them; a bad registration is refused", async () => {
  const [account] = population(emu, 1, { prefix: "s" });
  Object.assign(account, { id: "fleet-by-secret", provider: "linkup-v2", apiKey: "key-by-secret", emuAccount: "emu-by-secret" });
  const { credentials, ...rest } = registration(account);
  assert.equal(credentials.apiKey, "key-by-secret");
  const created = await fleet.api("POST", "/accounts", { ...rest, credentialsSecret: "BY_SECRET_CREDENTIALS" });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal((await fleet.api("POST", "/accounts", { ...rest, id: "fleet-unset-secret", credentialsSecret: "NOT_SET" })).status, 201);
  account.baseline = baselineOf(account);
  const [stored] = await fleet.rows("SELECT credentials, credentials_secret FROM accounts WHERE id = ?1", account.id);
  assert.deepEqual(stored, { credentials: null, credentials_secret: "BY_SECRET_CREDENTIALS" });
  await fleet.tick();
  await fleet.idle();
  assert.deepEqual(await mismatches(fleet, [account]), []);
  assert.ok(emu.ledger("key-by-secret").requests > 0);
  const unset = (await fleet.api("GET", "/accounts/fleet-unset-secret")).body;
  assert.deepEqual([unset.status, unset.lastErrorCode, unset.syncing], ["needs-credentials", "CREDENTIALS_UNREADABLE", false]);

  assert.equal((await fleet.api("POST", "/accounts", { ...rest, credentialsSecret: "BY_SECRET_CREDENTIALS" })).status, 409);
  const refused = await fleet.api("POST", "/accounts", { ...rest, id: "fleet-no-key", credentials: { accountId: "x" } });
  assert.deepEqual([refused.status, refused.body.error], [400, "credentials need apiKey and accountId for linkup-v2"]);
  assert.equal((await fleet.api("POST", "/accounts", { ...rest, id: "fleet-bad", provider: "unipile" })).status, 400);
});
