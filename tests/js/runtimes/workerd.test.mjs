// Cloudflare Workers: wrangler bundles two Workers that import the package
// (its `workerd` condition, the .wasm as a module) and Miniflare runs the
// very upload in workerd: one runs the suite, one shows the free plan's
// 50-subrequest budget stopping a read cleanly.

import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { startEmulatorProcess } from "./support/emulator-process.mjs";
import { appWithPackage, WASM_PATH } from "./support/package-link.mjs";
import { bounded } from "./support/bounded.mjs";
import { checkCase, reportSuite, resetRecord } from "./support/results.mjs";
import { wranglerDryRun } from "./support/wrangler.mjs";

const RUNTIME = "workerd";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const WORKERS = [
  { name: "suite", config: "wrangler.jsonc", script: "suite-worker.js" },
  { name: "budget", config: "budget.wrangler.jsonc", script: "budget-worker.js" },
];

function assertBundledWithWasm(outDir, script) {
  const files = readdirSync(outDir);
  const wasmFiles = files.filter((file) => file.endsWith(".wasm"));
  assert.equal(wasmFiles.length, 1, `upload files: ${files.join(", ")}`);
  assert.ok(readFileSync(join(outDir, wasmFiles[0])).equals(readFileSync(WASM_PATH)), "the uploaded .wasm differs from pkg/dist's");
  const bundle = readFileSync(join(outDir, script), "utf8");
  assert.ok(bundle.includes(`from "./${wasmFiles[0]}"`), "the bundle does not import the .wasm as a module");
  assert.match(bundle, /^\/\/ .*pkg\/dist\/workerd\.js$/m, "the bundle did not take the `workerd` entry");
  assert.doesNotMatch(bundle, /pkg\/dist\/(node|default)\.js$/m, "the bundle took another runtime's entry");
  return `${script} imports ${wasmFiles[0].replace(/^[0-9a-f]{40}-/, "<hash>-")} (identical to pkg/dist), dist/workerd.js`;
}

test("workerd (Miniflare) runs wrangler's bundles: the suite, and a 50-subrequest budget", async (t) => {
  resetRecord(RUNTIME);
  const app = appWithPackage("workerd");
  const emulator = await startEmulatorProcess();
  let miniflare;
  try {
    cpSync(here("./worker/"), join(app.dir, "worker"), { recursive: true });
    cpSync(here("./suite/"), join(app.dir, "suite"), { recursive: true });
    for (const { config } of WORKERS) cpSync(here(`./worker/${config}`), join(app.dir, config));

    const bundled = [];
    for (const worker of WORKERS) {
      const outDir = join(app.dir, `upload-${worker.name}`);
      const ok = await checkCase(t, RUNTIME, `wrangler deploy --dry-run bundles the wasm (${worker.name} Worker)`, async () => {
        await wranglerDryRun(app.dir, worker.config, outDir);
        return assertBundledWithWasm(outDir, worker.script);
      });
      if (ok) bundled.push({ ...worker, outDir });
    }
    assert.equal(bundled.length, WORKERS.length, "wrangler could not bundle every Worker");

    miniflare = new Miniflare({
      cf: false,
      workers: bundled.map(({ name, outDir, script }) => ({
        name,
        modules: true,
        modulesRoot: outDir,
        scriptPath: join(outDir, script),
        modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
        compatibilityDate: "2026-04-01",
      })),
    });
    await bounded(miniflare.ready, 30000, "Miniflare start-up");

    // A Worker that throws at start-up makes its fetch hang: every call is bounded.
    await reportSuite(t, RUNTIME, async () => {
      const suiteWorker = await miniflare.getWorker("suite");
      const answer = await suiteWorker.fetch(`http://worker/suite?emulator=${encodeURIComponent(emulator.url)}`);
      if (answer.status !== 200) throw new Error(`the suite Worker answered ${answer.status}: ${await answer.text()}`);
      return answer.json();
    });

    await checkCase(t, RUNTIME, "maxRequests: 50 on the free plan stops cleanly, the next request resumes [connectsafely]", async () => {
      const apiKey = `key-workerd-budget-${Date.now()}`;
      const accountId = `acct-workerd-budget-${Date.now()}`;
      const budgetWorker = await bounded(miniflare.getWorker("budget"), 30000, "the budget Worker");
      const seen = async () => (await (await fetch(`${emulator.url}/__emulator/requests`)).json()).filter((e) => e.apiKey === apiKey).length;
      const read = async (cursor) => {
        const query = new URLSearchParams({ emulator: emulator.url, apiKey, accountId, ...(cursor ? { cursor } : {}) });
        const response = await bounded(budgetWorker.fetch(`http://worker/?${query}`), 60000, "the budget Worker");
        const result = await response.json();
        assert.equal(response.status, 200, result.error);
        assert.equal(result.complete, false);
        assert.equal(result.stopReason, "maxRequests");
        assert.equal(result.requests, 50);
        return result;
      };
      const truth = (await (await fetch(`${emulator.url}/__emulator/data?account=${accountId}&resource=connections`)).json()).connections
        .map((connection) => connection.person.canonicalUrl);
      const first = await read();
      assert.equal(await seen(), 50, "requests the emulator saw for the first Worker request");
      assert.ok(first.profileUrls.length > 0 && first.profileUrls.length < truth.length);
      assert.deepEqual(first.profileUrls, truth.slice(0, first.profileUrls.length), "the connections read before the stop are not the list's head");
      const second = await read(first.cursor);
      assert.equal(await seen(), 100, "requests the emulator saw after the second Worker request");
      const both = [...first.profileUrls, ...second.profileUrls];
      assert.deepEqual(both, truth.slice(0, both.length), "the second request did not continue exactly where the first stopped");
      return `complete: false, stopReason: maxRequests, requests: 50 = emulator's count, ${first.profileUrls.length} of ${truth.length} exact; ` +
        `resumed from the cursor: ${second.profileUrls.length} more, 50 more requests`;
    });
  } finally {
    await miniflare?.dispose();
    await emulator.stop();
    app.remove();
  }
});
