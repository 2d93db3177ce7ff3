#!/usr/bin/env node
// The field-coverage table of pkg/README.md (provider × field: always,
// sometimes, never), generated from the normalized pages of the fixture
// cases (tests/fixtures/cases.*.json). `--write` rewrites the table between
// its markers in pkg/README.md; `--check` (make test) fails when the README's
// table is not what the fixtures say.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const fixtures = new URL("tests/fixtures/", root);
const readme = new URL("pkg/README.md", root);
const BEGIN = "<!-- field-coverage:begin (scripts/field-coverage.mjs --write) -->";
const END = "<!-- field-coverage:end -->";

// The fields of an item: `person`'s are listed one by one; every other value
// (a time such as `sentAt` included) is one field, filled unless null.
function leaves(value, prefix, out) {
  if (prefix === "" || prefix === "person") {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.push([prefix, value !== null && value !== undefined]);
  }
  return out;
}

export function coverage() {
  // kind → field → provider → { filled, seen }
  const table = new Map();
  const providers = new Set();
  for (const name of readdirSync(fixtures).filter((file) => /^cases\..+\.json$/.test(file)).sort()) {
    for (const entry of JSON.parse(readFileSync(new URL(name, fixtures), "utf8"))) {
      for (const item of entry.page?.items ?? []) {
        providers.add(entry.provider);
        const fields = table.get(item.kind) ?? new Map();
        table.set(item.kind, fields);
        for (const [field, filled] of leaves(item, "", [])) {
          if (field === "kind" || field === "provider") continue;
          const byProvider = fields.get(field) ?? new Map();
          fields.set(field, byProvider);
          const cell = byProvider.get(entry.provider) ?? { filled: 0, seen: 0 };
          cell.seen += 1;
          if (filled) cell.filled += 1;
          byProvider.set(entry.provider, cell);
        }
      }
    }
  }
  const columns = [...providers].sort();
  const lines = [BEGIN, ""];
  for (const [kind, fields] of [...table].sort()) {
    lines.push(`**${kind === "invitation" ? "Invitations" : "Connections"}** (items in the fixtures: ${columns.map((p) => `${p} ${Math.max(0, ...[...fields.values()].map((c) => c.get(p)?.seen ?? 0))}`).join(", ")})`);
    lines.push("");
    lines.push(`| field | ${columns.join(" | ")} |`);
    lines.push(`|---|${columns.map(() => "---").join("|")}|`);
    for (const [field, byProvider] of [...fields].sort()) {
      const cells = columns.map((provider) => {
        const cell = byProvider.get(provider);
        if (!cell || cell.filled === 0) return "never";
        return cell.filled === cell.seen ? "always" : "sometimes";
      });
      lines.push(`| \`${field}\` | ${cells.join(" | ")} |`);
    }
    lines.push("");
  }
  lines.push(END);
  return lines.join("\n");
}

function section(text) {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`pkg/README.md has no ${BEGIN} … ${END} section`);
  return [text.slice(0, start), text.slice(start, end + END.length), text.slice(end + END.length)];
}

const mode = process.argv[2];
if (mode === "--write" || mode === "--check") {
  const text = readFileSync(readme, "utf8");
  const [before, current, after] = section(text);
  const generated = coverage();
  if (mode === "--write") {
    writeFileSync(readme, before + generated + after);
  } else if (current !== generated) {
    console.error("pkg/README.md's field-coverage table differs from the fixtures: run `node scripts/field-coverage.mjs --write`");
    process.exit(1);
  } else {
    console.log("[docs] pkg/README.md field-coverage table matches the fixtures");
  }
} else if (mode !== undefined) {
  console.error("usage: field-coverage.mjs [--write | --check]");
  process.exit(2);
} else {
  console.log(coverage());
}
