// Memory: the WebAssembly memory and the JS heap (post-gc) after iterating
// a long connections list without keeping it, beside the same figures right
// after start-up. A fresh `node --expose-gc` process per provider; the
// emulator runs in its own process so its data is not in the heap measured.
// A control per provider makes the same requests by plain fetch + JSON.parse:
// what Node's fetch alone keeps per request.

import { execFileSync } from "node:child_process";
import { QUICK, ROOT } from "../lib/common.mjs";
import { startEmulatorProcess } from "../lib/emulator-process.mjs";

const ITEMS = QUICK ? 2_000 : 100_000;
// ConnectSafely reads 12 a call (11 new ones after the first: each read
// overlaps the last item delivered): 110,000 connections are 10,000 requests.
const ITEMS_OF = { connectsafely: QUICK ? 2_000 : 110_000 };
const PROVIDERS = QUICK ? ["linkup-v2"] : ["linkup-v2", "linkup-v1", "connectsafely"];

export async function runMemory() {
  const emulator = await startEmulatorProcess({ sizes: { connections: Math.max(ITEMS, ...Object.values(ITEMS_OF)) } });
  const rows = [];
  try {
    for (const provider of PROVIDERS) {
      for (const mode of ["package", "fetch"]) {
        const line = execFileSync(process.execPath, ["--expose-gc", `${ROOT}bench/children/memory.mjs`, emulator.url, provider, String(ITEMS_OF[provider] ?? ITEMS), mode], { encoding: "utf8", maxBuffer: 1 << 20 });
        rows.push(JSON.parse(line.trim().split("\n").pop()));
      }
    }
  } finally {
    await emulator.stop();
  }
  return { items: ITEMS, rows };
}
