#!/usr/bin/env node
// Summarizes cargo-mutants batches (mutants.out/outcomes.json) per folder:
// caught, missed, timeout, unviable, and the share of viable mutants caught.
// - A survivor caught when the batch's survivors were run again after tests
//   were added (<batch>/recheck/, MUTANTS_RECHECK=1) counts as caught, in its
//   own column.
// - Survivors judged equivalent are listed with a reason each in
//   tests/mutants/equivalent.txt ("<mutant name>\t<reason>"); they are shown
//   apart and do not count as caught.
// - Survivors whose code was deleted since (dead code the mutant exposed) are
//   listed in tests/mutants/removed.txt ("<mutant name>\t<commit and why>");
//   they are no longer viable.
// Mutants are matched by file and mutation, not line: lines move as tests and
// fixes land.
// Usage: mutants-summary.mjs <batch>/mutants.out/outcomes.json... (each
// batch's files and tests are read from <batch>/batch.tsv beside it).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const read = (path) => JSON.parse(readFileSync(path, "utf8")).outcomes;
const key = (name) => name.replace(/:\d+:\d+: /, ": ");
const listed = (file) => {
  const url = new URL(`../tests/mutants/${file}`, import.meta.url);
  if (!existsSync(url)) return new Map();
  return new Map(
    readFileSync(url, "utf8")
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("#"))
      .map((line) => line.split("\t"))
      .map(([name, reason]) => [key(name), reason]),
  );
};
const equivalent = listed("equivalent.txt");
const removed = listed("removed.txt");

const paths = process.argv.slice(2).filter((path) => existsSync(path));
const batches = [];
// What the recheck (longer timeout, tests added since) said of a survivor.
const rechecked = new Map();
const outcomes = [];
for (const path of paths) {
  const dir = dirname(dirname(path));
  const tsv = join(dir, "batch.tsv");
  const [name, files, tests, date] = existsSync(tsv) ? readFileSync(tsv, "utf8").trim().split("\t") : [path, "?", "?", "?"];
  const own = read(path);
  outcomes.push(...own);
  const recheck = join(dir, "recheck/mutants.out/outcomes.json");
  let again = "–";
  if (existsSync(recheck)) {
    const rerun = read(recheck).filter((o) => o.scenario?.Mutant);
    for (const o of rerun) rechecked.set(key(o.scenario.Mutant.name), o.summary);
    again = `${rerun.length}`;
  }
  const count = own.filter((o) => o.scenario?.Mutant).length;
  batches.push(`| ${name} | \`${files}\` | --lib ${tests} | ${count} | ${again} | ${date} |`);
}

const SUMMARY = { CaughtMutant: "caught", MissedMutant: "missed", Timeout: "timeout", Unviable: "unviable" };
const folders = new Map();
const missed = [];
for (const outcome of outcomes) {
  const mutant = outcome.scenario?.Mutant;
  if (!mutant) continue; // the baseline
  // src/providers/unipile/items.rs counts in src/providers: the folders.
  const parts = mutant.file.split("/");
  const folder = parts.length > 2 ? parts.slice(0, 2).join("/") : mutant.file;
  const row = folders.get(folder) ?? { caught: 0, recaught: 0, missed: 0, timeout: 0, unviable: 0, equivalent: 0, removed: 0 };
  let kind = SUMMARY[outcome.summary] ?? "missed";
  const id = key(mutant.name);
  const again = rechecked.get(id);
  if ((kind === "missed" || kind === "timeout") && again) kind = again === "CaughtMutant" ? "recaught" : (SUMMARY[again] ?? "missed");
  if (kind === "missed" && equivalent.has(id)) kind = "equivalent";
  else if (kind === "missed" && removed.has(id)) kind = "removed";
  row[kind] += 1;
  folders.set(folder, row);
  if (kind === "missed") missed.push(mutant.name);
}

const lines = [];
lines.push("| batch | files | tests | mutants | survivors run again | run |");
lines.push("|---|---|---|---:|---:|---|");
lines.push(...batches);
lines.push("");
lines.push("| folder | caught | caught after tests were added | missed | timeout | unviable | equivalent | code removed | caught of viable |");
lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [folder, row] of [...folders].sort()) {
  // A timeout is a mutant the tests stopped (an infinite loop): caught.
  const caught = row.caught + row.recaught + row.timeout;
  const viable = caught + row.missed + row.equivalent;
  const share = viable === 0 ? "–" : `${((caught / viable) * 100).toFixed(1)} %`;
  lines.push(`| ${folder} | ${row.caught} | ${row.recaught} | ${row.missed} | ${row.timeout} | ${row.unviable} | ${row.equivalent} | ${row.removed} | ${share} |`);
}
lines.push("");
lines.push("Equivalent mutants count as viable and not caught.");
lines.push("");
lines.push(`Missed (${missed.length}):`);
for (const name of missed) lines.push(`- ${name}`);
lines.push("");
lines.push(`Judged equivalent (${equivalent.size}), with reasons: tests/mutants/equivalent.txt. Code removed (${removed.size}): tests/mutants/removed.txt.`);
console.log(lines.join("\n"));
