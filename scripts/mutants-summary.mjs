#!/usr/bin/env node
// Summarizes a cargo-mutants run (mutants.out/outcomes.json) per folder:
// caught, missed, timeout, unviable, and the share of viable mutants caught.
// Survivors judged equivalent are listed, with a reason each, in
// tests/mutants/equivalent.txt ("<mutant name>\t<reason>"); they are shown
// apart and do not count as caught. Usage: mutants-summary.mjs OUTCOMES.json
import { existsSync, readFileSync } from "node:fs";

const [outcomesPath] = process.argv.slice(2);
const { outcomes } = JSON.parse(readFileSync(outcomesPath, "utf8"));
const equivalentFile = new URL("../tests/mutants/equivalent.txt", import.meta.url);
const equivalent = new Map(
  existsSync(equivalentFile)
    ? readFileSync(equivalentFile, "utf8")
        .split("\n")
        .filter((line) => line.trim() && !line.startsWith("#"))
        .map((line) => line.split("\t"))
    : [],
);

const SUMMARY = { CaughtMutant: "caught", MissedMutant: "missed", Timeout: "timeout", Unviable: "unviable" };
const folders = new Map();
const missed = [];
for (const outcome of outcomes) {
  const mutant = outcome.scenario?.Mutant;
  if (!mutant) continue; // the baseline
  const folder = mutant.file.includes("/", 4) ? mutant.file.slice(0, mutant.file.lastIndexOf("/")) : mutant.file;
  const row = folders.get(folder) ?? { caught: 0, missed: 0, timeout: 0, unviable: 0, equivalent: 0 };
  let kind = SUMMARY[outcome.summary] ?? "missed";
  if (kind === "missed" && equivalent.has(mutant.name)) kind = "equivalent";
  row[kind] += 1;
  folders.set(folder, row);
  if (kind === "missed") missed.push(mutant.name);
}

const lines = [];
lines.push("| folder | caught | missed | timeout | unviable | equivalent | caught of viable |");
lines.push("|---|---:|---:|---:|---:|---:|---:|");
for (const [folder, row] of [...folders].sort()) {
  // A timeout is a mutant the tests stopped (an infinite loop): caught.
  const viable = row.caught + row.missed + row.timeout;
  const share = viable === 0 ? "–" : `${(((row.caught + row.timeout) / viable) * 100).toFixed(1)} %`;
  lines.push(`| ${folder} | ${row.caught} | ${row.missed} | ${row.timeout} | ${row.unviable} | ${row.equivalent} | ${share} |`);
}
lines.push("");
lines.push(`Missed (${missed.length}):`);
for (const name of missed) lines.push(`- ${name}`);
lines.push("");
lines.push(`Judged equivalent (${[...equivalent].length}), with reasons: tests/mutants/equivalent.txt`);
console.log(lines.join("\n"));
