// What the numbers were measured on: CPU model, cores, memory, load, Node,
// rustc, and the date; the package build they measured (git commit).

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { ROOT } from "./common.mjs";

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: "utf8", cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function cpuModel() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? "unknown";
}

export function describeMachine() {
  return {
    date: new Date().toISOString(),
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    rustc: run("rustc", ["--version"]),
    commit: run("git", ["rev-parse", "--short", "HEAD"]),
    dirty: Boolean(run("git", ["status", "--porcelain", "--", "src", "pkg", "Cargo.toml"])),
  };
}
