// The provider emulator as a child process, so every runtime reaches it the
// same way: over HTTP on 127.0.0.1.

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("../../../emulator/server.mjs", import.meta.url));

/** Starts `server.mjs --port 0 ...args`; resolves to { url, stop() } once it listens. */
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
  try {
    const url = await new Promise((resolve, reject) => {
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
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
