// Surviving a panic in workerd (SPEC §5): wrangler bundles a Worker against
// the panic-test build through its `workerd` entry, Miniflare runs it, and
// within one Worker instance the raw __panicForTests traps; then a pure
// function, the client made before the panic, a fresh client and a later
// request all work against the emulator. Complements panic.test.mjs (Node).

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { bounded } from "../runtimes/support/bounded.mjs";
import { startEmulatorProcess } from "../runtimes/support/emulator-process.mjs";
import { startBundledWorker } from "./runners/workerd.mjs";

const PANIC_BUILD = fileURLToPath(new URL("../../../target/pkg-panic-test/", import.meta.url));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** A temp app whose node_modules/linkedin-network is the panic-test build. */
function appWithPanicBuild() {
  const dir = mkdtempSync(join(tmpdir(), "linkedin-network-panic-workerd-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PANIC_BUILD, join(dir, "node_modules", "linkedin-network"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

test("workerd: after a panic the same Worker instance keeps working", async (t) => {
  const emulator = await startEmulatorProcess();
  let worker;
  try {
    worker = await startBundledWorker({ link: appWithPanicBuild(), workerDir: here("./worker/"), config: "panic.wrangler.jsonc", script: "panic-worker.js" });
    const wasm = readdirSync(worker.outDir).filter((file) => file.endsWith(".wasm"));
    assert.equal(wasm.length, 1, `upload: ${readdirSync(worker.outDir).join(", ")}`);
    assert.ok(readFileSync(join(worker.outDir, wasm[0])).equals(readFileSync(join(PANIC_BUILD, "dist", "linkedin_network_bg.wasm"))), "the bundled .wasm is not the panic-test build's");
    const bundle = readFileSync(join(worker.outDir, "panic-worker.js"), "utf8");
    assert.match(bundle, /^\/\/ .*pkg-panic-test\/dist\/workerd\.js$/m, "the bundle did not take the panic build's `workerd` entry");
    // The glue ships minified (no function names to count): wrangler's bundle
    // names each module it holds once, in a comment.
    assert.equal(bundle.match(/^\/\/ .*pkg-panic-test\/dist\/linkedin_network\.js$/gm)?.length, 1, "the glue must be bundled once: the raw import and the entry share it");

    const apiKey = `panic-workerd-${Date.now()}`;
    const account = `acct-${apiKey}`;
    const query = new URLSearchParams({ emulator: emulator.url, apiKey, account });
    const get = async (path) => {
      const response = await bounded(worker.miniflare.dispatchFetch(`http://worker${path}?${query}`), 30000, `the Worker's ${path}`);
      const answer = await response.json();
      assert.equal(response.status, 200, `${answer.error}\n${answer.stack}`);
      return answer;
    };
    const truth = async (resource) => (await (await fetch(`${emulator.url}/__emulator/data?account=${encodeURIComponent(account)}&resource=${resource}`)).json())[resource].map((row) => row.id);

    const steps = await get("/panic");
    const sent = await truth("sentInvitations");
    const expected = {
      before: sent.slice(0, 5),
      parseResponse: sent.slice(0, 10),
      planRequests: [12, 12, 6],
      clientFromBefore: sent.slice(0, 5),
      estimate: { credits: 5, requests: 3, upstreamCalls: 3 },
      createClient: sent.slice(5, 10),
      createClientAgain: sent.slice(5, 10),
    };
    for (const name of ["panic1", "panic2", "panic3"]) {
      await t.test(`__panicForTests traps (${name})`, () => {
        assert.deepEqual({ threw: steps[name].threw, runtimeError: steps[name].runtimeError }, { threw: true, runtimeError: true }, JSON.stringify(steps[name]));
      });
    }
    for (const [name, value] of Object.entries(expected)) {
      const first = ["parseResponse", "clientFromBefore", "createClient"].includes(name);
      await t.test(`${name}${first ? ", the first call after a panic" : ""}`, () => {
        assert.equal(steps[name].error, undefined, `${name} threw ${steps[name].error}`);
        assert.deepEqual(steps[name].value, value);
      });
    }
    await t.test("a later request to the same Worker instance", async () => {
      assert.deepEqual((await get("/again")).again, sent.slice(0, 10));
    });
  } finally {
    await worker?.close();
    await emulator.stop();
  }
});
