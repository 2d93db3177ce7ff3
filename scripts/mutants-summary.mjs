#!/usr/bin/env node
// Summarizes a cargo-mutants run (mutants.out/outcomes.json) per folder:
// caught, missed, timeout, unviable, and the share of viable mutants caught.
// Survivors judged equivalent are listed, with a reason each, in
// tests/mutants/equivalent.txt ("<mutant name>\t<reason>"); they are shown
// apart and do not count as caught.
// Usage: mutants-summary.mjs <batch>/mutants.out/outcomes.json... (each
// batch's files and tests are read from <batch>/batch.tsv beside it).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const outcomesPaths = process.argv.slice(2).filter((path) => existsSync(path));
const outcomes = outcomesPaths.flatMap((path) => JSON.parse(readFileSync(path, "utf8")).outcomes);
const batches = outcomesPaths.map((path) => {
  const tsv = join(dirname(dirname(path)), "batch.tsv");
  const [name, files, tests, date] = existsSync(tsv) ? readFileSync(tsv, "utf8").trim().split("\t") : [path, "?", "?", "?"];
  const count = JSON.parse(readFileSync(path, "utf8")).outcomes.filter((o) => o.scenario?.Mutant).length;
  return `| ${name} | \`${files}\` | --lib ${tests} | ${count} | ${date} |`;
});
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
  // src/providers/unipile/items.rs counts in src/providers: the folders.
  const parts = mutant.file.split("/");
  const folder = parts.length > 2 ? parts.slice(0, 2).join("/") : mutant.file;
  const row = folders.get(folder) ?? { caught: 0, missed: 0, timeout: 0, unviable: 0, equivalent: 0 };
  let kind = SUMMARY[outcome.summary] ?? "missed";
  if (kind === "missed" && equivalent.has(mutant.name)) kind = "equivalent";
  row[kind] += 1;
  folders.set(folder, row);
  if (kind === "missed") missed.push(mutant.name);
}

const lines = [];
lines.push("| batch | files | tests | mutants | run |");
lines.push("|---|---|---|---:|---|");
lines.push(...batches);
lines.push("");
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
