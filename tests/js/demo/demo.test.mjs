// The demo in headless Chromium, on the servers `make demo` starts
// (startDemo from scripts/demo.mjs): every provider's run checked against the
// emulator's data and ledger, the chart against the invitations' ages, sorting,
// Cancel, and errors shown by their code. Any console or page error fails it.

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { createClient } from "../../../pkg/entry/node.js";
import { clientOptions } from "../../../www/js/providers.js";
import { OUTPUT, accountOf, assertNoProblems, config, ctx, emulator, exactSentIds, expectedWeeks, page, readCredits } from "./support.mjs";
import { reportedDays, rowCount, runFetch, useDemo } from "./support.mjs";

const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];
const MAX_ITEMS = 2000;

useDemo();

/** What the package itself prices reading the first MAX_ITEMS items of a list at (the page must show this). */
function packageEstimate(provider, resource) {
  // The options the page itself uses for this provider (each takes only its own credentials).
  return createClient(clientOptions(provider, config))[resource].estimate({ offset: 0, limit: MAX_ITEMS });
}

test("the page loads the package and prices the plan before fetching", async () => {
  const status = await page.textContent("#status");
  assert.match(status, /^Ready: reading up to 2,000 items of each list through LinkupAPI v2 costs at most \d+ credits\.$/);
  for (const provider of PROVIDERS) {
    await page.check(`input[name=provider][value="${provider}"]`);
    const credits = await readCredits(page);
    let sum = 0;
    for (const resource of RESOURCES) {
      const { credits: expected } = packageEstimate(provider, resource);
      assert.equal(credits[resource].estimate, expected, `${provider} ${resource} estimate`);
      sum += expected;
    }
    assert.equal(credits.total.estimate, sum);
  }
  assert.ok((await readCredits(page)).total.estimate === 0, "ConnectSafely is seat-billed");
  assertNoProblems();
});

test("the page's structure is accessible: labelled controls, scoped headers, live status, keyboard-operable", async () => {
  const report = await page.evaluate(() => ({
    unlabelled: [...document.querySelectorAll("input, select, textarea")].filter((c) => c.labels.length === 0 && !c.getAttribute("aria-label")).map((c) => c.outerHTML),
    unscoped: [...document.querySelectorAll("th")].filter((th) => !["col", "row"].includes(th.getAttribute("scope"))).map((th) => th.textContent),
    sortable: [...document.querySelectorAll("table.data thead th:not(.actions)")].map((th) => [th.getAttribute("aria-sort"), th.querySelector("button")?.type]),
    live: document.getElementById("status").getAttribute("aria-live"),
    alert: document.getElementById("error").getAttribute("role"),
    unnamedProgress: [...document.querySelectorAll("progress")].filter((p) => !p.getAttribute("aria-label")).length,
    lang: document.documentElement.lang,
  }));
  assert.deepEqual(report.unlabelled, []);
  assert.deepEqual(report.unscoped, []);
  assert.ok(report.sortable.length >= 12);
  for (const [sort, type] of report.sortable) assert.deepEqual([sort, type], ["none", "button"]);
  assert.equal(report.live, "polite");
  assert.equal(report.alert, "alert");
  assert.equal(report.unnamedProgress, 0);
  assert.equal(report.lang, "en");
  // Keyboard: from the provider radios, arrows pick another provider and the plan follows.
  await page.focus('input[name=provider][value="linkup-v2"]');
  await page.check('input[name=provider][value="linkup-v2"]');
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.isChecked('input[name=provider][value="linkup-v1"]'), true);
  assert.match(await page.textContent("#status"), /through LinkupAPI v1 costs at most/);
  assertNoProblems();
});

for (const provider of PROVIDERS) {
  test(`a fetch through ${provider} shows the emulator's network, its credits and its ages`, async () => {
    const exactIds = await exactSentIds(provider, emulator.url, config.accountId, config.apiKey);
    const before = emulator.ledger(config.apiKey);
    await runFetch(page, { provider });
    const ledger = emulator.ledger(config.apiKey);
    const truth = emulator.data(accountOf(provider, config));
    assert.equal(await page.isHidden("#error"), true, "no error box");

    // Row counts: everything the emulator holds (linkup lists received CONNECTION invitations only, its default filter).
    const received = provider === "connectsafely"
      ? truth.receivedInvitations
      : truth.receivedInvitations.filter((invitation) => invitation.linkupType === "CONNECTION");
    assert.equal(await rowCount(page, "sentInvitations"), truth.sentInvitations.length);
    assert.equal(await rowCount(page, "receivedInvitations"), received.length);
    assert.equal(await rowCount(page, "connections"), truth.connections.length);
    assert.equal(await page.textContent('[data-count="connections"]'), `(${truth.connections.length.toLocaleString("en-US")})`);

    // Names link to canonical profile URLs: exactly the emulator's people, in its order.
    const sentLinks = await page.$$eval("#table-sentInvitations tbody tr td:first-child a", (links) => links.map((a) => a.href));
    assert.deepEqual(sentLinks, truth.sentInvitations.map((invitation) => invitation.person.canonicalUrl));
    const connectionLinks = await page.$$eval("#table-connections tbody tr td:first-child a", (links) => links.map((a) => a.href));
    assert.deepEqual(connectionLinks, truth.connections.map((connection) => connection.person.canonicalUrl));

    // Ages: "today", "yesterday", "n days ago" (or weeks/months where the provider only says that).
    const ages = await page.$$eval("#table-sentInvitations tbody tr td:nth-child(4)", (cells) => cells.map((c) => c.textContent));
    const format = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
    ages.forEach((text, index) => {
      const invitation = truth.sentInvitations[index];
      const exact = exactIds.has(invitation.id);
      const days = reportedDays(provider, invitation.ageDays, exact);
      const [unit, size] = exact || provider === "linkup-v2" || days < 7 ? ["day", 1] : days < 30 ? ["week", 7] : ["month", 30];
      assert.equal(text, format.format(-Math.floor(days / size), unit), `age of sent invitation ${index}`);
    });
    const dates = await page.$$eval("#table-sentInvitations tbody time", (times) => times.map((t) => t.dateTime));
    assert.equal(dates.length, truth.sentInvitations.length, "every sent invitation has a date");

    // Credits and requests shown = what the emulator's ledger charged and counted for this run.
    const credits = await readCredits(page);
    assert.equal(credits.total.spent, ledger.credits - before.credits, "credits spent = ledger");
    assert.equal(credits.total.requests, ledger.requests - before.requests, "requests = ledger");
    for (const resource of RESOURCES) {
      assert.equal(credits[resource].result, "complete", `${resource} complete`);
      assert.equal(credits[resource].estimate, packageEstimate(provider, resource).credits);
      assert.ok(credits[resource].spent <= credits[resource].estimate, `${resource}: spent within the estimate`);
    }
    if (provider === "connectsafely" || provider === "unipile") assert.equal(credits.total.spent, 0);
    else assert.ok(credits.total.spent > 0);

    // The chart: one bar per week from 0, each the number of pending invitations that old.
    const bars = await page.$$eval("#chart svg g.bar", (groups) => groups.map((g) => ({
      week: Number(g.dataset.week), count: Number(g.dataset.count), stale: g.dataset.stale === "true",
      height: Number(g.querySelector("rect").getAttribute("height")),
    })));
    const weeks = expectedWeeks(provider, truth.sentInvitations, exactIds);
    while (weeks.length < 4) weeks.push(0);
    assert.deepEqual(bars.map((bar) => bar.count), weeks, "bar counts per week");
    assert.deepEqual(bars.map((bar) => bar.week), weeks.map((_, week) => week));
    assert.deepEqual(bars.map((bar) => bar.stale), weeks.map((_, week) => week >= 3), "stale from week 3");
    const tallest = Math.max(...weeks);
    for (const bar of bars) {
      assert.equal(bar.height > 0, bar.count > 0, `week ${bar.week} drawn iff it has invitations`);
      if (bar.count === tallest) assert.ok(bars.every((other) => other.height <= bar.height), "heights follow counts");
    }
    const staleCount = weeks.slice(3).reduce((a, b) => a + b, 0);
    assert.ok(staleCount > 0, "the seeded network has stale invitations");
    assert.equal(await page.$$eval("#stale-list li:not(.empty)", (items) => items.length), staleCount, "stale list");
    const staleLinks = await page.$$eval("#stale-list li a", (links) => links.map((a) => a.href));
    const staleTruth = truth.sentInvitations.filter((invitation) => reportedDays(provider, invitation.ageDays, exactIds.has(invitation.id)) >= 21);
    assert.deepEqual(new Set(staleLinks), new Set(staleTruth.map((invitation) => invitation.person.canonicalUrl)));
    assert.match(await page.textContent("#chart-summary"), new RegExp(`^${truth.sentInvitations.length} pending invitations .* ${staleCount} of them are stale`));

    assert.match(await page.textContent("#status"), /^Done in [\d.]+ s: [\d,]+ items through /);
    if (provider === "linkup-v2") {
      await page.screenshot({ path: path.join(OUTPUT, "demo-linkup-v2.png"), fullPage: true });
    }
    assertNoProblems();
  });
}

test("clicking (or pressing Enter on) a column header sorts the table and sets aria-sort", async () => {
  const header = (key) => `#table-sentInvitations th[data-key="${key}"]`;
  const column = (index) => page.$$eval(`#table-sentInvitations tbody tr td:nth-child(${index})`, (cells) => cells.map((c) => c.textContent));
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

  await page.click(`${header("name")} button`);
  assert.equal(await page.getAttribute(header("name"), "aria-sort"), "ascending");
  assert.equal(await page.getAttribute(header("age"), "aria-sort"), "none");
  const names = await column(1);
  assert.deepEqual(names, [...names].sort(collator.compare), "names ascending");

  await page.click(`${header("name")} button`);
  assert.equal(await page.getAttribute(header("name"), "aria-sort"), "descending");
  assert.deepEqual(await column(1), [...names].sort(collator.compare).reverse(), "names descending");

  await page.focus(`${header("sent")} button`);
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute(header("sent"), "aria-sort"), "ascending");
  assert.equal(await page.getAttribute(header("name"), "aria-sort"), "none");
  const dates = () => page.$$eval("#table-sentInvitations tbody time", (times) => times.map((t) => Date.parse(t.dateTime)));
  const ascending = await dates();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), "oldest first");
  await page.keyboard.press("Space");
  assert.equal(await page.getAttribute(header("sent"), "aria-sort"), "descending");
  const descending = await dates();
  assert.deepEqual(descending, [...ascending].sort((a, b) => b - a), "newest first");
  assert.equal(await rowCount(page, "sentInvitations"), 145, "sorting keeps every row");
  assertNoProblems();
});

test("a wrong API key is shown as AUTH, through every provider, and costs nothing", async () => {
  for (const provider of PROVIDERS) {
    const before = emulator.ledger(config.badApiKey);
    const seen = await ctx.allowingStatuses([401, 403], () => runFetch(page, { provider, badKey: true }));
    assert.ok(seen.length > 0, "the browser saw the refused requests");
    assert.equal(await page.textContent("#error .error-code"), "AUTH", provider);
    assert.notEqual((await page.textContent("#error .error-message")).trim(), "");
    assert.ok(!(await page.textContent("#error")).includes(config.badApiKey), "the key is not in the message");
    const credits = await readCredits(page);
    for (const resource of RESOURCES) assert.equal(credits[resource].result, "AUTH");
    assert.equal(credits.total.spent, 0);
    assert.equal(emulator.ledger(config.badApiKey).credits, before.credits);
    assert.equal(await rowCount(page, "sentInvitations"), 0);
    assert.match(await page.textContent("#status"), /^Failed with AUTH after/);
  }
  await page.screenshot({ path: path.join(OUTPUT, "demo-auth-error.png") });
  assertNoProblems();
});

test("a 429 from the emulator is retried: the run completes and says so", async () => {
  emulator.clearLog();
  const before = emulator.ledger(config.apiKey);
  const seen = await ctx.allowingStatuses([429], () => runFetch(page, { provider: "linkup-v2", fault429: true }));
  assert.deepEqual(seen, ["429"]);
  const log = emulator.requests().filter((entry) => entry.resource === "sentInvitations");
  assert.equal(log[0].status, 429, "the first request for sent invitations was rate-limited");
  assert.equal(log[0].fault, "rate-limit");
  assert.equal(emulator.pendingFaults().length, 0, "the fault was used");

  assert.equal(await page.isHidden("#error"), true);
  const credits = await readCredits(page);
  assert.equal(credits.sentInvitations.retries, 1);
  assert.match(credits.sentInvitations.result, /^complete, 1 retry after HTTP 429$/);
  assert.equal(credits.receivedInvitations.retries, 0);
  assert.match(await page.textContent("#status"), /1 request was retried\.$/);
  assert.equal(await rowCount(page, "sentInvitations"), 145);
  const ledger = emulator.ledger(config.apiKey);
  assert.equal(credits.total.spent, ledger.credits - before.credits, "the 429 cost nothing");
  assert.equal(credits.total.requests, ledger.requests - before.requests, "the retry is counted");
  assert.equal(credits.sentInvitations.requests, log.length);
  assertNoProblems();
});

test("progress bars fill as pages arrive, against the list's total", async () => {
  emulator.configure({ latencyMs: 300 });
  try {
    await page.check('input[name=provider][value="linkup-v2"]');
    await page.setChecked("#bad-key", false);
    await page.setChecked("#fault-429", false);
    await page.click("#run");
    const bar = '#credits tr[data-resource="connections"] progress';
    // Part-way: the bar's maximum is the total the provider reported, its value the items so far.
    await page.waitForFunction((selector) => {
      const progress = document.querySelector(selector);
      return progress.max === 1201 && progress.value > 0 && progress.value < 1201;
    }, bar);
    assert.match(await page.textContent('#credits tr[data-resource="connections"] .progress-text'), /^[1-9][\d,]* of 1,201$/);
    await page.waitForSelector("body[data-running=false] #credits[data-state]", { state: "attached" });
    assert.equal(await page.getAttribute(bar, "value"), "1201");
  } finally {
    emulator.configure({ latencyMs: 0 });
  }
  assertNoProblems();
});

test("Cancel aborts the run: ABORTED is shown and no request is sent after it", async () => {
  emulator.configure({ latencyMs: 600 });
  try {
    emulator.clearLog();
    await page.check('input[name=provider][value="connectsafely"]');
    await page.setChecked("#bad-key", false);
    await page.setChecked("#fault-429", false);
    await page.click("#run");
    // Progress shows while pages arrive: ConnectSafely gives no total, so the bar is indeterminate and counts up.
    const connections = '#credits tr[data-resource="connections"]';
    await page.waitForFunction((row) => /^[1-9][\d,]* so far$/.test(document.querySelector(`${row} .progress-text`).textContent), connections);
    assert.equal(await page.getAttribute(`${connections} progress`, "value"), null, "indeterminate without a total");
    assert.match(await page.textContent("#status"), /^Fetching from ConnectSafely… [1-9][\d,]* items so far\.$/);
    assert.equal(await page.getAttribute("body", "data-running"), "true");
    assert.equal(await page.isDisabled("#run"), true, "Fetch is disabled during a run");
    await page.click("#cancel");
    await page.waitForSelector("body[data-running=false] #credits[data-state]", { state: "attached" });

    assert.equal(await page.textContent("#error .error-code"), "ABORTED");
    const credits = await readCredits(page);
    for (const resource of RESOURCES) assert.equal(credits[resource].result, "ABORTED", resource);
    assert.match(await page.textContent("#status"), /^Cancelled after/);
    assert.equal(await rowCount(page, "connections"), 0);
    assert.equal(await page.isEnabled("#run"), true, "Fetch is enabled again");
    assert.equal(await page.isDisabled("#cancel"), true);

    const sent = emulator.requests().length;
    assert.ok(sent < 20, `a full ConnectSafely run needs 119 requests; ${sent} were sent`);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than two answers
    assert.equal(emulator.requests().length, sent, "no request after Cancel");
  } finally {
    emulator.configure({ latencyMs: 0 });
  }
  assertNoProblems();
});
