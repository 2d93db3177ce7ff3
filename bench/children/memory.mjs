// One memory sample, in a fresh `node --expose-gc` process: the WebAssembly
// memory and the JS heap after ready(), while iterating `count` connections
// from the emulator at argv[2] without keeping them, and after (post-gc).
// argv: url provider count. Prints one JSON line.

import { baseUrl, credentials } from "../lib/common.mjs";
import { loadPackage } from "../lib/package.mjs";

const [url, provider, countText] = process.argv.slice(2);
const count = Number(countText);
if (typeof global.gc !== "function") throw new Error("run with --expose-gc");

function snapshot(exports, collect) {
  if (collect) {
    global.gc();
    global.gc();
  }
  const usage = process.memoryUsage();
  return { wasmMemory: exports.memory.buffer.byteLength, heapUsed: usage.heapUsed, external: usage.external, rss: usage.rss };
}

const { api, exports } = await loadPackage();
const start = snapshot(exports, true);
const client = api.createClient({ provider, baseUrl: baseUrl(provider, url), ...credentials(provider, `memory-${provider}`) });
let items = 0;
let peakHeapUsed = 0;
let last = null;
const began = performance.now();
for await (const item of client.connections.iterate({ maxItems: count })) {
  items += 1;
  last = item;
  if (items % 1000 === 0) peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
}
const seconds = (performance.now() - began) / 1000;
last = null;
const end = snapshot(exports, true);
console.log(JSON.stringify({ provider, items, seconds, start, end, peakHeapUsedSampled: peakHeapUsed, kept: last }));
