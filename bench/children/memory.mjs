// One memory sample, in a fresh `node --expose-gc` process: the WebAssembly
// memory and the JS heap after ready(), then after reading `count`
// connections from the emulator without keeping them (post-gc).
// argv: url provider count mode. mode "package": the package's iterate;
// "fetch": the control, the same requests by plain fetch + JSON.parse (what
// Node's fetch alone retains). Prints one JSON line.

import { baseUrl, credentials } from "../lib/common.mjs";
import { loadPackage } from "../lib/package.mjs";

const [url, provider, countText, mode = "package"] = process.argv.slice(2);
const count = Number(countText);
if (typeof global.gc !== "function") throw new Error("run with --expose-gc");

// gc, then a few macrotasks so FinalizationRegistry callbacks (undici's,
// wasm-bindgen's) run and what they release is collected too.
async function snapshot(exports) {
  for (let round = 0; round < 5; round += 1) {
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  global.gc();
  const usage = process.memoryUsage();
  return { wasmMemory: exports.memory.buffer.byteLength, heapUsed: usage.heapUsed, external: usage.external, rss: usage.rss };
}

const { api, exports } = await loadPackage();
const auth = { baseUrl: baseUrl(provider, url), ...credentials(provider, `memory-${provider}-${mode}`) };
let items = 0;
let requests = 0;
let peakHeapUsed = 0;
// A snapshot after the first tenth: what each further request keeps is
// (end − warm) / requests since, free of one-off costs (undici, JIT, buffers).
const warmItems = Math.floor(count / 10);
let warm = null;
let warmRequests = 0;
// A snapshot at every tenth: a leak is a slope across them, a one-off step is not.
const trace = [];
const sample = async () => {
  if (items % 1000 === 0) peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
  if (items > 0 && items % warmItems === 0) {
    const taken = await snapshot(exports);
    trace.push({ items, requests, wasmMemory: taken.wasmMemory, heapUsed: taken.heapUsed });
    if (items === warmItems) {
      warm = taken;
      warmRequests = requests;
    }
  }
};

async function viaPackage() {
  const client = api.createClient({ provider, ...auth });
  for await (const item of client.connections.iterate({ maxItems: count, onProgress: (progress) => (requests = progress.requests) })) {
    if (item) items += 1;
    await sample();
  }
}

async function viaFetch() {
  const key = provider === "connectsafely" ? null : "data";
  // planRequests takes at most 10,000 items at a time, and offsets stop at
  // 100,000: past that the control reads the same pages again.
  const calls = [];
  const planned = Math.min(count, 100_000);
  for (let offset = 0; offset < planned; offset += 10_000) calls.push(...api.planRequests({ provider, resource: "connections", offset, limit: Math.min(10_000, planned - offset) }));
  for (let next = 0; items < count; next += 1) {
    const call = calls[next % calls.length];
    const request = api.buildRequest({ provider, resource: "connections", offset: call.offset, limit: call.count, ...auth });
    const controller = new AbortController();
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined, signal: controller.signal, redirect: "manual" });
    const page = JSON.parse(await response.text());
    requests += 1;
    if ((key ? page[key] : page).connections.length === 0) break;
    for (let index = Math.min((key ? page[key] : page).connections.length, count - items); index > 0; index -= 1) {
      items += 1;
      await sample();
    }
  }
}

const start = await snapshot(exports);
const began = performance.now();
await (mode === "fetch" ? viaFetch() : viaPackage());
const seconds = (performance.now() - began) / 1000;
const end = await snapshot(exports);
const base = warm ?? start;
const perRequest = (field) => Math.round((end[field] - base[field]) / Math.max(1, requests - (warm ? warmRequests : 0)));
// The least-squares slope of a field over the tenths (bytes per request): a
// leak is a steady slope; one snapshot's noise (±100 KB of JS heap) moves it little.
const slope = (field) => {
  const points = [...trace, { requests, [field]: end[field] }];
  const meanX = points.reduce((sum, p) => sum + p.requests, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p[field], 0) / points.length;
  const over = points.reduce((sum, p) => sum + (p.requests - meanX) * (p[field] - meanY), 0);
  const under = points.reduce((sum, p) => sum + (p.requests - meanX) ** 2, 0);
  return under > 0 ? Math.round((over / under) * 10) / 10 : null;
};
console.log(JSON.stringify({ provider, mode, items, requests, seconds, start, warm, end, peakHeapUsedSampled: peakHeapUsed, trace, heapBytesPerRequest: perRequest("heapUsed"), wasmBytesPerRequest: perRequest("wasmMemory"), heapSlopePerRequest: slope("heapUsed"), wasmSlopePerRequest: slope("wasmMemory") }));
