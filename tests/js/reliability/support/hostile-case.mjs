// One hostile-body case in a fresh Node process, so its WebAssembly memory
// is its own: `node hostile-case.mjs "<case name>"` prints one JSON line
// { name, ok, outcome, message, memoryBefore, memoryAfter } (bytes).
// Run by hostile-bodies.test.mjs; not a test file itself.

import { wasmMemoryBytes } from "./wasm-memory.mjs";
import { hostileCase, runHostileCase } from "./hostile-bodies.mjs";

const api = await import(new URL("../../../../pkg/entry/node.js", import.meta.url).href);
const entry = hostileCase(process.argv[2]);
let emulator = null;
if (entry.kind === "http") {
  const { startEmulator } = await import(new URL("../../../emulator/server.mjs", import.meta.url).href);
  emulator = await startEmulator({ seed: 1 });
}
try {
  const memoryBefore = wasmMemoryBytes();
  const verdict = await runHostileCase(api, entry, emulator);
  process.stdout.write(`${JSON.stringify({ name: entry.name, ...verdict, memoryBefore, memoryAfter: wasmMemoryBytes() })}\n`);
} finally {
  await emulator?.close();
}
