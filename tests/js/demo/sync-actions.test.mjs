// The demo's Sync card, "Withdraw these" and the received invitations'
// buttons in headless Chromium, on the servers `make demo` starts: what the
// page shows is checked against the emulator — a sync's changes against the
// true diff of "Simulate an hour", every credit and request against the
// ledger, a withdrawal's preview against what it then spends, an accepted
// or ignored invitation against the emulator's data. Screenshots of each step.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { createClient } from "../../../pkg/entry/node.js";
import { OUTPUT, accountOf, assertNoProblems, config, ctx, emulator, page, reportedDays, rowCount, runFetch, useDemo } from "./support.mjs";

const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely"];
const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];

useDemo();

const ledger = () => emulator.ledger(config.apiKey);
const delta = (before) => {
  const now = ledger();
  return { credits: now.credits - before.credits, requests: now.requests - before.requests };
};

/** The package's price of reading `limit` items of a list from the start. */
function packageEstimate(provider, resource, limit) {
  const options = provider === "linkup-v1" ? { provider, apiKey: "k", loginToken: "t" } : { provider, apiKey: "k", accountId: "a" };
  return createClient(options)[resource].estimate({ offset: 0, limit: Math.max(1, limit) });
}

/** The emulator's lists as the provider shows them (linkup lists received CONNECTION invitations only). */
function truthOf(provider) {
  const truth = emulator.data(accountOf(provider, config));
  if (provider !== "connectsafely") truth.receivedInvitations = truth.receivedInvitations.filter((i) => i.linkupType === "CONNECTION");
  return truth;
}

function number(text) {
  return Number(text.replace(/[,\s]/g, ""));
}

/** "Spent on this page": { [kind | "total"]: {credits, requests} }. */
function readSpend() {
  return page.$$eval("#spend tbody tr, #spend tfoot tr", (rows) => Object.fromEntries(rows.map((row) => [row.dataset.kind ?? "total", {
    credits: Number(row.querySelector('[data-cell="credits"]').textContent.replace(/,/g, "")),
    requests: Number(row.querySelector('[data-cell="requests"]').textContent.replace(/,/g, "")),
  }])));
}

/** The sync's cost table: { sync, full, fetch } each {credits, requests} (null when hidden). */
function readSyncCost() {
  return page.$$eval("#sync-cost tbody tr", (rows) => Object.fromEntries(rows.map((row) => [row.dataset.row, row.hidden ? null : {
    credits: Number(row.querySelector('[data-cell="credits"]').textContent.replace(/,/g, "")),
    requests: Number(row.querySelector('[data-cell="requests"]').textContent.replace(/,/g, "")),
  }])));
}

/** The keys listed in each group of changes: { [group]: string[] }. */
function readChanges() {
  return page.$$eval("#sync-changes .change-group", (groups) => Object.fromEntries(groups.map((group) => [
    group.dataset.group, [...group.querySelectorAll("li[data-key]")].map((li) => li.dataset.key),
  ])));
}

async function pickProvider(provider) {
  await page.check(`input[name=provider][value="${provider}"]`);
}

/** Clicks a button and waits until the page is idle again with `status` matching `pattern`. */
async function clickAndWait(selector, statusSelector, pattern) {
  await page.click(selector);
  await page.waitForFunction(([status, source]) => document.body.dataset.busy === "false"
    && new RegExp(source).test(document.querySelector(status).textContent), [statusSelector, pattern.source]);
  return page.textContent(statusSelector);
}

const sync = () => clickAndWait("#sync", "#sync-status", /^Synced with |^Sync failed/);

test("the new controls are labelled and their status lines are live regions", async () => {
  const report = await page.evaluate(() => ({
    live: ["sync-status", "withdraw-status", "received-status"].map((id) => [document.getElementById(id).getAttribute("role"), document.getElementById(id).getAttribute("aria-live")]),
    alerts: ["sync-error", "withdraw-error", "received-error"].map((id) => document.getElementById(id).getAttribute("role")),
    buttons: ["simulate", "sync", "forget-state", "withdraw-preview"].map((id) => document.getElementById(id).textContent.trim().length > 0),
    unscoped: [...document.querySelectorAll("th")].filter((th) => !["col", "row"].includes(th.getAttribute("scope"))).length,
  }));
  for (const pair of report.live) assert.deepEqual(pair, ["status", "polite"]);
  assert.deepEqual(report.alerts, ["alert", "alert", "alert"]);
  assert.deepEqual(report.buttons, [true, true, true, true]);
  assert.equal(report.unscoped, 0);
  assert.equal(await page.isDisabled("#withdraw-preview"), true, "nothing to withdraw before a fetch");
  assertNoProblems();
});

for (const provider of PROVIDERS) {
  test(`Sync through ${provider}: a baseline, then an hour's changes exactly as the emulator made them, at the ledger's price`, async () => {
    await page.evaluate(() => localStorage.clear());
    await pickProvider(provider);
    assert.match(await page.textContent("#sync-state-note"), /^No state saved for /);

    let before = ledger();
    const spendBefore = await readSpend();
    assert.match(await sync(), /a baseline of every list/);
    const baselineCost = delta(before);
    assert.deepEqual((await readSyncCost()).sync, baselineCost, "the baseline's cost = ledger");
    assert.match(await page.textContent("#sync-changes .baseline"), /^A baseline/);
    const saved = await page.evaluate((p) => localStorage.getItem(`linkedin-network-demo:sync:${p}`), provider);
    assert.ok(saved && JSON.parse(saved).state.length > 0, "the state is in localStorage");
    for (const secret of [config.apiKey, config.loginToken, config.accountId]) assert.ok(!saved.includes(secret), "no secret stored");

    // Simulate an hour: the page's mutate answer is the truth the sync must report.
    const answer = page.waitForResponse((response) => response.url().endsWith("/__emulator/mutate"));
    await clickAndWait("#simulate", "#sync-status", /^An hour went by/);
    const { changes: truth } = await (await answer).json();
    assert.equal(truth.connections.added.length, 5, "3 new connections and 2 acceptances");
    assert.equal(truth.accepted.length, 2);

    before = ledger();
    await sync();
    const cost = delta(before);
    const shown = await readSyncCost();
    assert.deepEqual(shown.sync, cost, "the sync's credits and requests = ledger");

    const changes = await readChanges();
    assert.deepEqual(changes["connections-added"], truth.connections.added.map((c) => c.person.canonicalUrl), "new connections");
    assert.deepEqual(changes.accepted.sort(), truth.accepted.map((pair) => pair.invitation.id).sort(), "who accepted");
    assert.deepEqual(changes["sent-added"], truth.sentInvitations.added.map((i) => i.id), "new sent invitations");
    assert.deepEqual(changes["received-added"], [], "no new received invitation");
    const acceptedIds = new Set(truth.accepted.map((pair) => pair.invitation.id));
    assert.deepEqual(changes["sent-removed"], truth.sentInvitations.removed.filter((i) => !acceptedIds.has(i.id)).map((i) => i.id));

    // A full re-read, priced by estimate of each whole list as the emulator now holds it; the sync costs less.
    const lists = truthOf(provider);
    const full = RESOURCES.map((r) => packageEstimate(provider, r, lists[r].length));
    assert.deepEqual(shown.full, { credits: full.reduce((a, e) => a + e.credits, 0), requests: full.reduce((a, e) => a + e.requests, 0) });
    assert.ok(shown.sync.requests < shown.full.requests, "fewer requests than a full re-read");
    if (provider !== "connectsafely") assert.ok(shown.sync.credits * 4 < shown.full.credits, "far fewer credits than a full re-read");

    const spend = await readSpend();
    assert.equal(spend.sync.credits - spendBefore.sync.credits, baselineCost.credits + cost.credits);
    assert.equal(spend.total.credits, ledger().credits, "spent on this page = ledger");
    assert.equal(spend.total.requests, ledger().requests);
    if (provider === "linkup-v2") {
      await page.locator("section[aria-labelledby=sync-heading]").screenshot({ path: path.join(OUTPUT, "demo-sync.png") });
    }
    assertNoProblems();
  });
}

for (const provider of ["linkup-v2", "linkup-v1"]) {
  test(`Withdraw these through ${provider}: the preview's credits are what it then spends, the views follow, a Sync reports them gone`, async () => {
    await pickProvider(provider);
    await runFetch(page, { provider });
    await sync(); // the state a later sync compares with
    const stale = truthOf(provider).sentInvitations.filter((i) => reportedDays(provider, i.ageDays) >= 21);
    assert.ok(stale.length > 100);

    let before = ledger();
    const spendBefore = await readSpend();
    await clickAndWait("#withdraw-preview", "#withdraw-status", /^Dry run done/);
    const dryRun = delta(before);
    const spendPreview = await readSpend();
    assert.deepEqual({ credits: spendPreview.preview.credits - spendBefore.preview.credits, requests: spendPreview.preview.requests - spendBefore.preview.requests }, dryRun, "the dry run's read, as shown = ledger");
    assert.equal(emulator.data(accountOf(provider, config), "sentInvitations").length, truthOf(provider).sentInvitations.length);
    const preview = {
      count: number(await page.textContent("#withdraw-preview-count")),
      credits: number(await page.textContent("#withdraw-preview-credits")),
      requests: number(await page.textContent("#withdraw-preview-requests")),
    };
    const who = await page.$$eval("#withdraw-candidates li", (items) => items.map((li) => li.dataset.id));
    assert.equal(preview.count, stale.length);
    assert.deepEqual(new Set(who), new Set(stale.map((i) => i.id)), "the preview lists exactly the stale invitations");
    assert.equal(await page.isVisible("#withdraw-confirm"), true);
    if (provider === "linkup-v2") {
      await page.locator("#withdraw-panel").scrollIntoViewIfNeeded();
      await page.locator("section[aria-labelledby=chart-heading]").screenshot({ path: path.join(OUTPUT, "demo-withdraw-preview.png") });
    }

    before = ledger();
    assert.match(await clickAndWait("#withdraw-confirm", "#withdraw-status", /^Withdrew|failed/), new RegExp(`^Withdrew ${stale.length} invitations`));
    assert.deepEqual(delta(before), { credits: preview.credits, requests: preview.requests }, "spent = previewed (ledger)");
    const spend = await readSpend();
    assert.equal(spend.action.credits - spendPreview.action.credits, preview.credits);
    assert.deepEqual(spend.total, ledger(), "spent on this page = ledger");

    // The views follow the emulator: no stale invitation left, the rest in the table.
    const left = truthOf(provider).sentInvitations;
    assert.ok(left.every((i) => reportedDays(provider, i.ageDays) < 21));
    assert.equal(await rowCount(page, "sentInvitations"), left.length);
    assert.equal(await page.textContent('[data-count="sentInvitations"]'), `(${left.length})`);
    assert.equal(await page.$$eval("#stale-list li:not(.empty)", (items) => items.length), 0);
    const bars = await page.$$eval("#chart svg g.bar", (groups) => groups.map((g) => Number(g.dataset.count)));
    assert.equal(bars.slice(3).reduce((a, b) => a + b, 0), 0, "no stale bar");
    assert.equal(bars.reduce((a, b) => a + b, 0), left.length);
    assert.equal(await page.isDisabled("#withdraw-preview"), true, "nothing left to withdraw");
    if (provider === "linkup-v2") {
      await page.locator("section[aria-labelledby=chart-heading]").screenshot({ path: path.join(OUTPUT, "demo-after-withdraw.png") });
    }

    await sync();
    const changes = await readChanges();
    assert.deepEqual(new Set(changes["sent-removed"]), new Set(stale.map((i) => i.id)), "the sync reports the withdrawn as gone");
    assert.deepEqual(changes["sent-added"], []);
    if (provider === "linkup-v2") {
      await page.locator("section[aria-labelledby=sync-heading]").screenshot({ path: path.join(OUTPUT, "demo-sync-after-withdraw.png") });
    }
    assertNoProblems();
  });
}

test("Accept removes the row (linkup-v2: no Ignore); Ignore on ConnectSafely; the credits are the ledger's", async () => {
  await runFetch(page, { provider: "linkup-v2" });
  assert.equal(await page.$$eval("#table-receivedInvitations button.ignore", (b) => b.length), 0, "linkup has no ignore");
  const rows = await page.$$eval("#table-receivedInvitations tbody tr", (trs) => trs.map((tr) => tr.dataset.id));
  const [first] = rows;
  const account = accountOf("linkup-v2", config);
  const person = emulator.data(account, "receivedInvitations").find((i) => i.id === first).person;
  const label = await page.getAttribute(`#table-receivedInvitations tr[data-id="${first}"] button.accept`, "aria-label");
  assert.equal(label, `Accept the invitation from ${person.name}`, "each button names whom it acts on");
  let before = ledger();
  assert.match(await clickAndWait(`#table-receivedInvitations tr[data-id="${first}"] button.accept`, "#received-status", /^Accepted|^Could not|no longer/), /^Accepted the invitation from /);
  assert.equal(await page.$$eval(`#table-receivedInvitations tr[data-id="${first}"]`, (trs) => trs.length), 0, "the row is gone");
  assert.equal(await rowCount(page, "receivedInvitations"), rows.length - 1);
  assert.ok(!emulator.data(account, "receivedInvitations").some((i) => i.id === first), "accepted in the emulator");
  assert.equal(emulator.data(account, "connections")[0].person.canonicalUrl, person.canonicalUrl, "they joined the connections");
  assert.deepEqual(delta(before), { credits: 1, requests: 1 }, "linkup-v2 bills 1 credit a success");
  assert.deepEqual((await readSpend()).total, ledger());

  await runFetch(page, { provider: "connectsafely" });
  const csRows = await page.$$eval("#table-receivedInvitations tbody tr", (trs) => trs.map((tr) => tr.dataset.id));
  assert.equal(await page.$$eval("#table-receivedInvitations button.ignore", (b) => b.length), csRows.length, "ConnectSafely has Ignore");
  const connections = emulator.data(accountOf("connectsafely", config), "connections").length;
  before = ledger();
  assert.match(await clickAndWait(`#table-receivedInvitations tr[data-id="${csRows[0]}"] button.ignore`, "#received-status", /^Ignored|^Could not|no longer/), /^Ignored the invitation from /);
  assert.equal(await rowCount(page, "receivedInvitations"), csRows.length - 1);
  assert.ok(!emulator.data(accountOf("connectsafely", config), "receivedInvitations").some((i) => i.id === csRows[0]));
  assert.equal(emulator.data(accountOf("connectsafely", config), "connections").length, connections, "an ignored one connects nobody");
  assert.equal(delta(before).credits, 0);
  assert.deepEqual((await readSpend()).total, ledger());
  assertNoProblems();
});
