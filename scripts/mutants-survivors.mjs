#!/usr/bin/env node
// Prints, one per line, a cargo-mutants `--re` pattern for each mutant a
// batch missed or timed out on (a timeout may be a slow machine, not a
// loop: the recheck runs it with a longer timeout): its file and mutation
// without the line and column, so the pattern still finds it after tests
// were added and lines moved.
// Usage: mutants-survivors.mjs <batch>/mutants.out/outcomes.json
import { readFileSync } from "node:fs";

const { outcomes } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const escape = (text) => text.replace(/[\\.+*?()|[\]{}^$#&\-~]/g, (c) => `\\${c}`);
const seen = new Set();
for (const outcome of outcomes) {
  const mutant = outcome.scenario?.Mutant;
  if (!mutant || !["MissedMutant", "Timeout"].includes(outcome.summary)) continue;
  const what = mutant.name.replace(/^[^:]+:\d+:\d+: /, "");
  const pattern = `^${escape(mutant.file)}:\\d+:\\d+: ${escape(what)}$`;
  if (!seen.has(pattern)) console.log(pattern);
  seen.add(pattern);
}
