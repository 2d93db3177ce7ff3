// The emulator in its own process, for tests that need it outside their own
// event loop (browsers, Workers and benchmarks reach it over HTTP): starts
// `server.mjs --port 0 ...args` and resolves once it prints where it listens.

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("./server.mjs", import.meta.url));

/**
 * Resolves to `{ url, pid, control(path, init), stop() }`: `control` calls
 * the HTTP control API (`/__emulator/<path>`) and returns its JSON.
 */
export async function startEmulatorProcess(args = [], { startTimeoutMs = 15000 } = {}) {
  const child = spawn(process.execPath, [SERVER, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
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
      const timer = setTimeout(() => reject(new Error(`the emulator did not start in ${startTimeoutMs} ms: ${stderr}`)), startTimeoutMs);
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
  return { url, pid: child.pid, control, stop };
}
