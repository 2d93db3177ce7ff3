// The provider emulator in its own process (tests/emulator/process.mjs), so
// its CPU work runs beside the measured client instead of on the client's
// event loop, and its memory stays out of the client's heap.

import { startEmulatorProcess as start } from "../../tests/emulator/process.mjs";
import { NOW, SEED } from "./common.mjs";

/** Starts the emulator CLI; resolves to `{ url, pid, ledger(key), configure(config), mutate(spec), stop() }`. */
export async function startEmulatorProcess({ latencyMs = 0, sizes = {} } = {}) {
  const args = ["--seed", String(SEED), "--now", NOW, "--latency-ms", String(latencyMs)];
  for (const [key, value] of Object.entries(sizes)) args.push(`--${key}`, String(value));
  const emulator = await start(args, { startTimeoutMs: 20_000 });
  return {
    url: emulator.url,
    pid: emulator.pid,
    ledger: (apiKey) => emulator.control(`ledger?apiKey=${encodeURIComponent(apiKey)}`),
    configure: (config) =>
      emulator.control("config", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(config) }),
    mutate: (spec) =>
      emulator.control("mutate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(spec) }),
    stop: emulator.stop,
  };
}
