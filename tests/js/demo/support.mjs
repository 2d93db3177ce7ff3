// Helpers of the demo's browser test: the demo's own servers (startDemo, as
// `make demo` starts them), headless Chromium with a console guard, and the
// oracle that turns the emulator's data into what the page must show.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startDemo } from "../../../scripts/demo.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const OUTPUT = path.join(ROOT, "test-output", "demo");

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The demo a test file opened with `useDemo`, its page, emulator and config:
// live bindings, set by its `before` hook. One demo a process (node --test
// runs each file in a process of its own).
export let ctx;
export let page;
export let emulator;
export let config;

/** Opens the demo (`openDemo`) before this file's tests and closes it after them. */
export function useDemo() {
  before(async () => {
    ctx = await openDemo();
    ({ page } = ctx);
    emulator = ctx.demo.emulator;
    config = ctx.demo.config;
  });
  after(async () => {
    await ctx?.close();
  });
}

/** Fails if the page logged a console or page error. */
export function assertNoProblems() {
  assert.deepEqual(ctx.problems, [], "the page logged errors");
}

/**
 * Starts the demo's servers and opens the page. Every console error and page
 * error is a problem, except "Failed to load resource" for an emulator
 * answer whose status a test expects (Chromium logs each non-2xx fetch).
 */
export async function openDemo() {
  await mkdir(OUTPUT, { recursive: true });
  const demo = await startDemo({ port: 0, latencyMs: 0 });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  const expected = new Set();
  const expectedSeen = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    const status = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(text)?.[1];
    if (status && expected.has(status) && message.location().url.startsWith(demo.emulatorUrl)) {
      expectedSeen.push(status);
      return;
    }
    problems.push(`console error: ${text} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error}`));
  await page.goto(demo.url);
  await page.waitForSelector("body[data-ready=true]");
  return {
    demo,
    page,
    problems,
    /** Runs `body` with failed loads of these HTTP statuses from the emulator allowed; returns the statuses seen. */
    async allowingStatuses(statuses, body) {
      for (const status of statuses) expected.add(String(status));
      expectedSeen.length = 0;
      try {
        await body();
        return [...expectedSeen];
      } finally {
        expected.clear();
      }
    },
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** Picks the provider and toggles, clicks Fetch, waits for the run to end. */
export async function runFetch(page, { provider, badKey = false, fault429 = false, maxItems = 2000 }) {
  await page.check(`input[name=provider][value="${provider}"]`);
  await page.fill("#max-items", String(maxItems));
  await page.setChecked("#bad-key", badKey);
  await page.setChecked("#fault-429", fault429);
  await page.click("#run");
  await page.waitForSelector("body[data-running=false] #credits[data-state]", { state: "attached" });
}

/** Numbers shown in the credits table: { [resource | "total"]: {estimate, spent, requests, result, retries} }. */
export function readCredits(page) {
  return page.$$eval("#credits tbody tr, #credits tfoot tr", (rows) => Object.fromEntries(rows.map((row) => {
    const number = (name) => {
      const text = row.querySelector(`[data-cell="${name}"]`).textContent.replace(/[≤,\s]/g, "");
      return text === "" || text === "—" ? null : Number(text);
    };
    return [row.dataset.resource ?? "total", {
      estimate: number("estimate"),
      spent: number("spent"),
      requests: number("requests"),
      result: row.querySelector('[data-cell="result"]').textContent,
      retries: row.dataset.retries === undefined ? null : Number(row.dataset.retries),
    }];
  })));
}

export function rowCount(page, resource) {
  return page.$$eval(`#table-${resource} tbody tr`, (rows) => rows.length);
}

/** The emulator's account key of the demo's credentials for `provider`. */
export function accountOf(provider, config) {
  return provider === "linkup-v1" ? config.loginToken : config.accountId;
}

/**
 * The days a provider reports for an invitation `ageDays` old, as the
 * emulator's README documents its texts: linkup-v2 exact ("5d" + days);
 * linkup-v1 and ConnectSafely "n days ago" under a week, "n weeks ago"
 * (⌊d/7⌋) under 30 days, then "n months ago" (⌊d/30⌋, 30 days a month);
 * Unipile exact where it sends an instant (`exact`), else linkup-v1's words.
 */
export function reportedDays(provider, ageDays, exact = false) {
  // An instant (Unipile's `parsed_datetime`) gives the whole days exactly.
  if (exact || provider === "linkup-v2" || ageDays < 7) return ageDays;
  if (ageDays < 30) return 7 * Math.floor(ageDays / 7);
  if (ageDays < 365) return 30 * Math.floor(ageDays / 30);
  return 365 * Math.floor(ageDays / 365);
}

/** Pending sent invitations per week of age, from the emulator's truth. */
export function expectedWeeks(provider, sentTruth, exactIds = new Set()) {
  const counts = [];
  for (const invitation of sentTruth) {
    if (invitation.state !== "PENDING") continue;
    const week = Math.floor(reportedDays(provider, invitation.ageDays, exactIds.has(invitation.id)) / 7);
    while (counts.length <= week) counts.push(0);
    counts[week] += 1;
  }
  return counts;
}

/**
 * The ids of the sent invitations `provider` answers with an instant
 * (Unipile's `parsed_datetime`), read from the emulator's own answer (call
 * it before reading the ledger a run is measured by). Empty elsewhere.
 */
export async function exactSentIds(provider, emulatorUrl, accountId, apiKey) {
  if (provider !== "unipile") return new Set();
  const ids = new Set();
  let cursor = null;
  do {
    const url = new URL(`${emulatorUrl}/api/v1/users/invite/sent`);
    url.searchParams.set("account_id", accountId);
    url.searchParams.set("limit", "100");
    if (cursor) url.searchParams.set("cursor", cursor);
    const body = await (await fetch(url, { headers: { "x-api-key": apiKey } })).json();
    for (const item of body.items) if (item.parsed_datetime) ids.add(item.id);
    cursor = body.cursor;
  } while (cursor);
  return ids;
}
