// The extension's service worker. It imports the package STATICALLY and has
// no top-level await (a module service worker that awaits at the top level
// dies at once). Messages: "run-suite" runs the shared suite; "start-run"
// starts a long read of sent invitations that saves its cursor and the ids
// delivered so far in chrome.storage.local; "run-state" reports it. When the
// worker is killed mid-read, the next start resumes from the saved cursor.
// "start-sync" runs client.sync from the state kept in chrome.storage.local
// and keeps the new state and the changes only once the sync returned; a
// worker killed mid-sync syncs again, from the state it still has, on start.

import * as api from "./linkedin-network/dist/default.js";
import { credentialsFor, runSuite } from "./suite/suite.mjs";

const BOOT = Math.random().toString(36).slice(2, 10);
let activeRun = null;

async function readRun() {
  return (await chrome.storage.local.get("run")).run ?? null;
}

function saveRun(run) {
  return chrome.storage.local.set({ run });
}

async function continueRun(run) {
  const { auth } = credentialsFor("connectsafely", run.tag);
  const client = api.createClient({
    provider: "connectsafely",
    ...auth,
    baseUrl: `${run.emulatorUrl}/linkedin`,
    retry: { baseDelayMs: 10 },
    concurrency: 1,
  });
  const delivered = [...run.ids];
  const boots = [...run.boots, { boot: BOOT, cursor: run.cursor, idsAtStart: run.ids.length }];
  await saveRun({ ...run, boots });
  let saving = Promise.resolve();
  const onProgress = (progress) => {
    // The cursor and the ids it follows are saved together, in one write.
    const snapshot = { ...run, boots, cursor: progress.cursor, ids: [...delivered] };
    saving = saving.then(() => saveRun(snapshot));
  };
  try {
    const options = { onProgress, ...(run.cursor ? { cursor: run.cursor } : {}) };
    for await (const invitation of client.sentInvitations.iterate(options)) delivered.push(invitation.id);
    await saving;
    await saveRun({ ...(await readRun()), status: "done", ids: delivered });
  } catch (error) {
    await saving;
    await saveRun({ ...(await readRun()), status: "failed", error: `${error.code ?? error.name}: ${error.message}` });
  }
}

function startRun(run) {
  activeRun ??= continueRun(run).finally(() => {
    activeRun = null;
  });
  return activeRun;
}

async function readSync() {
  return (await chrome.storage.local.get("sync")).sync ?? null;
}

let activeSync = null;
async function continueSync(sync) {
  const { auth } = credentialsFor("connectsafely", sync.tag);
  const client = api.createClient({ provider: "connectsafely", ...auth, baseUrl: `${sync.emulatorUrl}/linkedin`, retry: { baseDelayMs: 10 } });
  const boots = [...sync.boots, { boot: BOOT }];
  await chrome.storage.local.set({ sync: { ...sync, boots } });
  try {
    const result = await client.sync({ state: sync.state });
    // The state and what changed are stored together, once the sync returned.
    await chrome.storage.local.set({ sync: { ...sync, boots, status: "done", state: result.state, changes: result.changes } });
  } catch (error) {
    await chrome.storage.local.set({ sync: { ...sync, boots, status: "failed", error: `${error.code ?? error.name}: ${error.message}` } });
  }
}

function startSync(sync) {
  activeSync ??= continueSync(sync).finally(() => {
    activeSync = null;
  });
  return activeSync;
}

// A restarted worker picks up an unfinished run or sync by itself (no top-level await).
readRun().then((run) => {
  if (run?.status === "running") startRun(run);
});
readSync().then((sync) => {
  if (sync?.status === "syncing") startSync(sync);
});

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === "run-suite") {
    runSuite(api, { emulatorUrl: message.emulatorUrl, runtime: "mv3-extension", providers: message.providers }).then(
      (results) => sendResponse({ results }),
      (error) => sendResponse({ error: String(error?.stack ?? error) }),
    );
    return true;
  }
  if (message?.type === "start-run") {
    const run = { status: "running", tag: message.tag, emulatorUrl: message.emulatorUrl, cursor: null, ids: [], boots: [] };
    saveRun(run).then(() => {
      startRun(run);
      sendResponse({ boot: BOOT });
    });
    return true;
  }
  if (message?.type === "start-sync") {
    readSync().then(async (previous) => {
      const state = previous?.tag === message.tag ? (previous.state ?? null) : null;
      const sync = { status: "syncing", tag: message.tag, emulatorUrl: message.emulatorUrl, state, boots: [] };
      await chrome.storage.local.set({ sync });
      startSync(sync);
      sendResponse({ boot: BOOT });
    });
    return true;
  }
  if (message?.type === "sync-state") {
    readSync().then((sync) => sendResponse({ boot: BOOT, sync }));
    return true;
  }
  if (message?.type === "run-state") {
    readRun().then((run) => sendResponse({ boot: BOOT, run }));
    return true;
  }
  return false;
});
