// The extension's service worker. It imports the package STATICALLY and has
// no top-level await (a module service worker that awaits at the top level
// dies at once). Messages: "run-suite" runs the shared suite; "start-run"
// starts a long read of sent invitations that saves its cursor and the ids
// delivered so far in chrome.storage.local; "run-state" reports it. When the
// worker is killed mid-read, the next start resumes from the saved cursor.

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

// A restarted worker picks up an unfinished run by itself (no top-level await).
readRun().then((run) => {
  if (run?.status === "running") startRun(run);
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
  if (message?.type === "run-state") {
    readRun().then((run) => sendResponse({ boot: BOOT, run }));
    return true;
  }
  return false;
});
