// What the .wasm's bytes are: the package's release build (its own target
// dir, target/bench-size/, so no feature build sharing target/ is measured
// by mistake) through wasm-bindgen with names kept and the package's wasm-opt
// -O1 (-g keeps the name section), then `twiggy top`, grouped by module.
// Needs twiggy (`cargo install twiggy`). `make bench-size`; prints markdown,
// writes bench/out/wasm-size.json.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OUT_DIR, PKG_DIR, ROOT } from "./lib/common.mjs";

const TARGET = `${ROOT}target/bench-size`;
const BUILT = `${TARGET}/wasm32-unknown-unknown/release/linkedin_network.wasm`;
const WASM_OPT_FLAGS = ["-O1", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
const GROUPS = [
  ["name section (not shipped)", /function names|"names"/],
  ["data segments (strings, tables)", /^data segment/],
  ["core::fmt (formatting)", /core(\[[0-9a-f]+\])?::fmt|alloc(\[[0-9a-f]+\])?::fmt/],
  ["client (runs, calls, retries, cursor, dedupe)", /^<?linkedin_network::client/],
  ["providers (three wire formats)", /^<?linkedin_network::providers/],
  ["normalize (names, URLs, times, ids)", /^<?linkedin_network::normalize/],
  ["json (parser, reader, writer)", /^<?linkedin_network::json(::|_)/],
  ["options, query, model, plan, errors", /^<?linkedin_network::(options|query|model|plan|error|operations|http|json_api)/],
  ["wasm bindings (crate side)", /^<?linkedin_network::wasm/],
  ["wasm-bindgen, js-sys, futures, export shims", /wasm_bindgen|js_sys|shim|__wbg|__wbindgen|externref/],
  ["allocator (dlmalloc) and alloc", /dlmalloc|^<?alloc/],
  ["core (str, slice, panics, …)", /^<?core/],
  ["std", /^<?std/],
  ["other (types, imports, exports, tables, headers)", /.*/],
];

function csvRows(text) {
  const rows = [];
  for (const line of text.trim().split("\n").slice(1)) {
    const match = /^("(?:[^"]|"")*"|[^,]*),(\d+),/.exec(line);
    if (!match) continue;
    const name = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
    rows.push({ name, bytes: Number(match[2]) });
  }
  return rows;
}

function run(command, args) {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20, cwd: ROOT });
}

execFileSync("cargo", ["build", "--lib", "--release", "--target", "wasm32-unknown-unknown", "--quiet"], { cwd: ROOT, env: { ...process.env, CARGO_TARGET_DIR: TARGET }, stdio: ["ignore", "ignore", "inherit"] });
if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing after cargo build`);
const dir = mkdtempSync(join(tmpdir(), "bench-wasm-size-"));
try {
  run("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", dir, "--out-name", "linkedin_network", BUILT]);
  const named = join(dir, "named.wasm");
  run(`${ROOT}node_modules/.bin/wasm-opt`, [...WASM_OPT_FLAGS, join(dir, "linkedin_network_bg.wasm"), "-o", named]);
  const rows = csvRows(run("twiggy", ["top", "-n", "1000000", "--format", "csv", named]));
  const groups = new Map(GROUPS.map(([label]) => [label, { bytes: 0, items: 0, top: [] }]));
  for (const row of rows) {
    const [label] = GROUPS.find(([, pattern]) => pattern.test(row.name));
    const group = groups.get(label);
    group.bytes += row.bytes;
    group.items += 1;
    if (group.top.length < 3) group.top.push(`${row.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 90)} (${row.bytes})`);
  }
  const names = groups.get(GROUPS[0][0]).bytes;
  const total = statSync(named).size;
  const shippedEquivalent = total - names;
  const result = { named: total, withoutNames: shippedEquivalent, shipped: statSync(`${PKG_DIR}dist/linkedin_network_bg.wasm`).size, groups: Object.fromEntries(groups), top: rows.slice(0, 25) };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(`${OUT_DIR}wasm-size.json`, `${JSON.stringify(result, null, 2)}\n`);
  const lines = [
    `wasm-opt -O1 build (as shipped) with names: ${total} bytes; without the name section ${shippedEquivalent} (pkg/dist ships ${result.shipped}).`,
    "",
    "| part | bytes | % of code and data | items | largest |",
    "|---|---|---|---|---|",
  ];
  for (const [label, group] of [...groups].filter(([label]) => label !== GROUPS[0][0]).sort((a, b) => b[1].bytes - a[1].bytes)) {
    if (group.items) lines.push(`| ${label} | ${group.bytes} | ${((group.bytes / shippedEquivalent) * 100).toFixed(1)} % | ${group.items} | ${group.top.join("; ")} |`);
  }
  console.log(lines.join("\n"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
