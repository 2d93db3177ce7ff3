// Hostile response bodies: deeply nested, truncated at every 7th byte, wrong
// types, 100,000-digit ids, 10 MB strings, the largest valid body under the
// 16 MiB cap (through parseResponse), and bodies over the cap with and without
// a Content-Length (through a client over HTTP). Each is a typed error — or,
// for a huge but valid body, the correct result — and never INTERNAL. Each
// runs in a fresh process, so the WebAssembly memory it needed is its own
// (memory only grows: the reading after is the case's peak), printed and held
// to a stated bound. Then every case twice in one process: the second round
// must not grow the memory at all.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { HOSTILE_CASES, runHostileCase } from "./support/hostile-bodies.mjs";
import { printTable } from "./support/list-reads.mjs";
import { MIB, wasmMemoryBytes } from "./support/wasm-memory.mjs";

/** Every hostile body: four times the 16 MiB cap. */
const HOSTILE_BOUND = 64 * MIB;
/** A valid body the package accepts must be readable inside a Worker (128 MB per isolate, JS heap included). */
const VALID_BODY_BOUND = 128 * MIB;
const boundOf = (entry) => (entry.big ? VALID_BODY_BOUND : HOSTILE_BOUND);
const CHILD = fileURLToPath(new URL("./support/hostile-case.mjs", import.meta.url));
const mib = (bytes) => (bytes / MIB).toFixed(2);

function inFreshProcess(name) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, name], { timeout: 100000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${name}: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1)));
    });
  });
}

const rows = [];
after(() => {
  printTable(
    "hostile-bodies",
    `Hostile bodies: outcome and WebAssembly memory (MiB) of a fresh instance; bounds ${mib(HOSTILE_BOUND)} (hostile), ${mib(VALID_BODY_BOUND)} (valid body under the cap)`,
    ["case", "outcome", "memory before", "memory after", "bound"],
    rows,
  );
});

describe("each hostile body alone: a typed error or the right result, memory bounded", { concurrency: 2 }, () => {
  for (const entry of HOSTILE_CASES) {
    test(entry.name, async () => {
      const result = await inFreshProcess(entry.name);
      rows.push([entry.name, result.outcome, mib(result.memoryBefore), mib(result.memoryAfter), mib(boundOf(entry))]);
      assert.ok(result.ok, `${result.outcome}: ${result.message}`);
      assert.ok(result.memoryAfter < boundOf(entry), `WebAssembly memory grew to ${mib(result.memoryAfter)} MiB, over the ${mib(boundOf(entry))} MiB bound`);
    });
  }
});

test("every hostile body twice in one instance: the second round grows nothing", async () => {
  const api = await import(new URL("../../../pkg/entry/node.js", import.meta.url).href);
  const { startEmulator } = await import(new URL("../../emulator/server.mjs", import.meta.url).href);
  const emulator = await startEmulator({ seed: 1 });
  try {
    // Outcomes are held to their expectation above; here only the memory counts.
    const round = async () => {
      for (const entry of HOSTILE_CASES) await runHostileCase(api, entry, emulator);
      return wasmMemoryBytes();
    };
    const first = await round();
    const second = await round();
    rows.push(["(all cases, one instance) round 1 → round 2", "as above", mib(first), mib(second), "no growth"]);
    assert.equal(second, first, `the second round grew the memory from ${mib(first)} to ${mib(second)} MiB`);
  } finally {
    await emulator.close();
  }
});
