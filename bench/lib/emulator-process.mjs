// The provider emulator in its own process (its CLI), so its CPU work runs
// beside the measured client instead of on the client's event loop, and its
// memory stays out of the client's heap. Controlled over its HTTP API.

import { spawn } from "node:child_process";
import { NOW, ROOT, SEED } from "./common.mjs";

/** Starts the emulator CLI; resolves to `{ url, ledger(key), configure(config), stop() }`. */
export async function startEmulatorProcess({ latencyMs = 0, sizes = {} } = {}) {
  const args = [`${ROOT}tests/emulator/server.mjs`, "--port", "0", "--seed", String(SEED), "--now", NOW, "--latency-ms", String(latencyMs)];
  for (const [key, value] of Object.entries(sizes)) args.push(`--${key}`, String(value));
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  let url;
  try {
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the emulator did not start: ${stderr}`)), 20_000);
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        const match = /listening (http:\/\/\S+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code}: ${stderr}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const control = async (path, init) => {
    const response = await fetch(`${url}/__emulator/${path}`, init);
    if (!response.ok) throw new Error(`emulator ${path}: ${response.status}`);
    return response.json();
  };
  return {
    url,
    pid: child.pid,
    ledger: (apiKey) => control(`ledger?apiKey=${encodeURIComponent(apiKey)}`),
    configure: (config) => control("config", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(config) }),
    stop,
  };
}
