// The fault matrix: every fault the emulator can inject × each provider ×
// each runtime (Node, an MV3 extension service worker in Chromium, workerd
// via Miniflare), each cell checked against the outcome SPEC §5 assigns it
// (see matrix/rows.mjs and matrix/cell.mjs). The runtimes run side by side,
// each against its own emulator and a second one as the redirect target; the
// table is printed and saved to test-output/reliability/fault-matrix.txt.

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { startEmulatorProcess } from "../runtimes/support/emulator-process.mjs";
import { runMatrix } from "./matrix/dispatch.mjs";
import { formatTable } from "./matrix/table.mjs";
import { PROBE_MARK } from "./matrix/watch.mjs";
import { startExtensionRunner } from "./runners/extension.mjs";
import { startNodeRunner } from "./runners/node.mjs";
import { startWorkerdRunner } from "./runners/workerd.mjs";

const OUTPUT_DIR = fileURLToPath(new URL("../../../test-output/reliability/", import.meta.url));
const RUNNERS = [
  ["node", startNodeRunner],
  ["mv3-extension", startExtensionRunner],
  ["workerd", startWorkerdRunner],
];
// Any form of a canary (as is or URL-encoded) in a runtime's console or output.
const CANARY = /CANARY(\+|%2B)(key|acct)(\/|%2F)/i;
const results = [];

describe("fault matrix: faults × providers × runtimes", { concurrency: true }, () => {
  after(() => {
    const table = formatTable(results, RUNNERS.map(([runtime]) => runtime));
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(`${OUTPUT_DIR}fault-matrix.txt`, `${table}\n`);
    console.log(`\n${table}\n`);
  });

  for (const [runtime, start] of RUNNERS) {
    test(runtime, async () => {
      const emulator = await startEmulatorProcess();
      const elsewhere = await startEmulatorProcess();
      let runner;
      try {
        runner = await start();
        // The watch must be able to see what it looks for, in this runtime.
        assert.deepEqual(await runner.probe(), { rejectionSeen: true, consoleSeen: true }, "the watch missed a deliberate unhandled rejection or console line");
        const mine = await runMatrix(runner, { emulatorUrl: emulator.url, elsewhereUrl: elsewhere.url });
        results.push(...mine);
        const finished = await runner.finish();
        const rejections = finished.rejections.filter((text) => !text.includes(PROBE_MARK));
        const output = finished.output;
        const followed = await (await fetch(`${elsewhere.url}/__emulator/requests`)).json();
        const problems = mine.filter((r) => !r.ok).map((r) => `${r.row} [${r.provider}]: expected ${r.expected}, got ${r.outcome}: ${r.detail}`);
        if (rejections.length) problems.push(`${rejections.length} unhandled rejection(s) in ${runtime}: ${rejections.join(" | ").slice(0, 500)}`);
        if (CANARY.test(output)) problems.push(`a canary credential is in ${runtime}'s console or output`);
        if (followed.length) problems.push(`the redirect target (a second origin) received ${followed.length} request(s)`);
        assert.ok(mine.length > 0, "no cell ran");
        assert.deepEqual(problems, [], `${problems.length} problem(s) in ${runtime}`);
      } finally {
        await runner?.close();
        await emulator.stop();
        await elsewhere.stop();
      }
    });
  }
});
