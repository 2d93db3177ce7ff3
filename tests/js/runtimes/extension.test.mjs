// An unpacked MV3 extension whose module service worker imports the package
// statically: it runs the suite on a message, and a read it is running
// survives the worker being killed (CDP ServiceWorker.stopAllWorkers) by
// resuming from the cursor it saved in chrome.storage.local.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assembleExtension } from "./extension/assemble.mjs";
import { launchWithExtension } from "./support/chromium.mjs";
import { startEmulatorProcess } from "./support/emulator-process.mjs";
import { bounded } from "./support/bounded.mjs";
import { checkCase, reportSuite, resetRecord } from "./support/results.mjs";

const RUNTIME = "mv3-extension";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, probe, { timeoutMs = 30000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function emulatorJson(emulator, path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  return (await fetch(`${emulator.url}/__emulator${path}`, init)).json();
}

test("an MV3 extension service worker runs the suite and resumes a killed read and a killed sync", async (t) => {
  resetRecord(RUNTIME);
  const root = mkdtempSync(join(tmpdir(), "linkedin-network-extension-"));
  const emulator = await startEmulatorProcess();
  let context;
  try {
    const extensionDir = assembleExtension(join(root, "extension"));
    await checkCase(t, RUNTIME, "package entry by export condition", () => {
      const exported = JSON.parse(readFileSync(join(extensionDir, "linkedin-network/package.json"), "utf8")).exports["."].default;
      const imported = /^import \* as api from "\.\/linkedin-network\/(.+)";$/m.exec(readFileSync(join(extensionDir, "sw.js"), "utf8"))?.[1];
      assert.equal(`./${imported}`, exported, "the worker must import what `default` names, statically");
      return `static import of ${exported} (the \`default\` condition)`;
    });

    context = await launchWithExtension(join(root, "profile"), extensionDir);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/harness.html`);
    const send = (message, ms = 15000) => bounded(page.evaluate((m) => chrome.runtime.sendMessage(m), message), ms, `message ${message.type}`);

    await reportSuite(t, RUNTIME, async () => {
      const answer = await send({ type: "run-suite", emulatorUrl: emulator.url }, 100000);
      if (!answer?.results) throw new Error(`the service worker did not run the suite: ${JSON.stringify(answer)}`);
      return answer.results;
    });

    await checkCase(t, RUNTIME, "worker killed mid-iterate resumes from its saved cursor", async () => {
      // Latency gives the read (15 ConnectSafely pages) time to be killed halfway.
      await emulatorJson(emulator, "/config", { latencyMs: 250 });
      const tag = `mv3-kill-${Date.now()}`;
      const { boot: firstBoot } = await send({ type: "start-run", emulatorUrl: emulator.url, tag });
      const saved = await waitFor("two saved pages", async () => {
        const { run } = await send({ type: "run-state" });
        return run.status === "running" && run.ids.length >= 20 ? run : null;
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.stopAllWorkers");
      await cdp.detach();
      // The next message starts a fresh worker, which resumes the run by itself.
      const done = await waitFor("the resumed run to end", async () => {
        const { run } = await send({ type: "run-state" });
        return run.status === "running" ? null : run;
      });
      await emulatorJson(emulator, "/config", { latencyMs: 0 });
      assert.equal(done.status, "done", done.error);
      const [first, resumed, ...more] = done.boots;
      assert.equal(first.boot, firstBoot);
      assert.ok(resumed && resumed.boot !== firstBoot, `no restarted worker resumed the run: ${JSON.stringify(done.boots)}`);
      assert.equal(more.length, 0, "resumed more than once");
      assert.ok(resumed.cursor && resumed.idsAtStart >= saved.ids.length && resumed.idsAtStart < 145,
        `resumed from ${resumed.idsAtStart} saved ids`);
      const truth = (await emulatorJson(emulator, `/data?account=acct-${tag}&resource=sentInvitations`)).sentInvitations.map((i) => i.id);
      assert.equal(new Set(done.ids).size, done.ids.length, "an id was delivered twice");
      assert.deepEqual(done.ids, truth, "the ids of both workers are not exactly the list");
      const starts = (await emulatorJson(emulator, "/requests")).filter((e) => e.apiKey === `key-${tag}` && e.query.startIndex === "0");
      assert.equal(starts.length, 1, "the restarted worker read the list from the start again");
      return `killed after ${saved.ids.length} ids; worker ${resumed.boot} resumed at id ${resumed.idsAtStart}; ${done.ids.length} ids exactly once`;
    });

    await checkCase(t, RUNTIME, "worker killed mid-sync syncs again from its stored state: every change once", async () => {
      const tag = `mv3-sync-${Date.now()}`;
      const account = `acct-${tag}`;
      const syncState = async () => (await send({ type: "sync-state" })).sync;
      await send({ type: "start-sync", emulatorUrl: emulator.url, tag });
      const baseline = await waitFor("the baseline sync", async () => ((await syncState()).status === "syncing" ? null : syncState()));
      assert.equal(baseline.status, "done", baseline.error);
      assert.equal(baseline.changes.baseline, true);
      const truth = (await emulatorJson(emulator, "/mutate", { account, addConnections: 3, acceptSent: 2, addSent: 4, withdrawSent: 1, addReceived: 2 })).changes;
      await emulatorJson(emulator, "/config", { latencyMs: 250 });
      const before = (await emulatorJson(emulator, "/requests")).filter((e) => e.apiKey === `key-${tag}`).length;
      const { boot: firstBoot } = await send({ type: "start-sync", emulatorUrl: emulator.url, tag });
      await waitFor("the sync's first requests", async () =>
        (await emulatorJson(emulator, "/requests")).filter((e) => e.apiKey === `key-${tag}`).length >= before + 2 ? true : null);
      const cdp = await context.newCDPSession(page);
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.stopAllWorkers");
      await cdp.detach();
      const done = await waitFor("the sync after the restart", async () => {
        const sync = await syncState();
        return sync.status === "syncing" ? null : sync;
      }, { timeoutMs: 60000 });
      await emulatorJson(emulator, "/config", { latencyMs: 0 });
      assert.equal(done.status, "done", done.error);
      assert.equal(done.boots.length, 2, `one killed sync and one restarted: ${JSON.stringify(done.boots)}`);
      assert.ok(done.boots[0].boot === firstBoot && done.boots[1].boot !== firstBoot);
      const ids = (list) => list.map((item) => item.id).sort();
      const { changes } = done;
      assert.equal(changes.baseline, false);
      assert.deepEqual(ids(changes.sentInvitations.added), ids(truth.sentInvitations.added), "new sent invitations");
      assert.deepEqual(ids(changes.sentInvitations.removed), ids(truth.sentInvitations.removed), "accepted and withdrawn");
      assert.deepEqual(ids(changes.receivedInvitations.added), ids(truth.receivedInvitations.added), "new received invitations");
      assert.deepEqual(changes.connections.added.map((c) => c.person.profileUrl).sort(), truth.connections.added.map((c) => c.person.canonicalUrl).sort());
      assert.deepEqual(changes.accepted.map((a) => a.invitation.id).sort(), truth.accepted.map((a) => a.invitation.id).sort(), "who accepted");
      return `killed mid-sync; worker ${done.boots[1].boot} synced again: ${changes.connections.added.length} connections, ${changes.accepted.length} accepted, ${changes.sentInvitations.added.length} sent, ${changes.sentInvitations.removed.length} removed — each once`;
    });
  } finally {
    await context?.close();
    await emulator.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
