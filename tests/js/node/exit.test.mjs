// A Node process that imports the package, uses it and reaches the end of
// its script must exit by itself: no timer (the 25 s per-attempt timeout, a
// backoff) and no socket may be left holding the event loop. Each scenario
// runs in a child process; one still alive 15 s later has leaked something.
// A hang check, not a speed assertion.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PACKAGE_ENTRY, start } from "./support/harness.mjs";

const CHILD = fileURLToPath(new URL("./support/exit-child.mjs", import.meta.url));
const ALIVE_LIMIT_MS = 15_000;

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

function runChild(scenario) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, PACKAGE_ENTRY.href, scenario, emu.url], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let stillAlive = false;
    const watchdog = setTimeout(() => {
      stillAlive = true;
      child.kill("SIGKILL");
    }, ALIVE_LIMIT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(watchdog);
      resolve({ code, signal, stillAlive, stdout, stderr });
    });
  });
}

const SCENARIOS = {
  collect: { expect: { items: 145, complete: true } },
  retried: { setup: () => emu.inject({ type: "rate-limit", provider: "linkup-v2", apiKey: "exit-retried" }), expect: { items: 145, requests: 3 } },
  broken: { expect: { items: 3 } },
  aborted: { setup: () => emu.inject({ type: "hang", provider: "linkup-v2", apiKey: "exit-aborted" }), expect: { code: "ABORTED" } },
  failed: { expect: { code: "NOT_FOUND" } },
};

for (const [scenario, { setup, expect }] of Object.entries(SCENARIOS)) {
  test(`a process that ran "${scenario}" exits by itself`, { timeout: ALIVE_LIMIT_MS + 20_000 }, async () => {
    setup?.();
    const outcome = await runChild(scenario);
    assert.equal(outcome.stillAlive, false, `still alive ${ALIVE_LIMIT_MS / 1000} s after its script ended (stdout: ${outcome.stdout.trim()})`);
    assert.equal(outcome.code, 0, `exit code ${outcome.code} ${outcome.signal ?? ""}; stderr: ${outcome.stderr}`);
    assert.deepEqual(JSON.parse(outcome.stdout.trim()), expect, "the child did its work");
  });
}
