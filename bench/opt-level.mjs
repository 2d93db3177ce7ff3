// The opt-level trade-off, measured without touching Cargo.toml: the crate
// built for wasm32 at each opt-level (CARGO_PROFILE_RELEASE_OPT_LEVEL, the
// rest of the release profile as is) into target/bench-opt-level/, through
// wasm-bindgen and the package's wasm-opt -O1, then .wasm size and the raw
// parseResponse export on the nine fixtures, side by side in one process.
// `make bench-opt-level` (several minutes: one release build per level).

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { DATE_HEADER, FIXTURE_DIR, OUT_DIR, PROVIDERS, RESOURCES, ROOT, fixtureName } from "./lib/common.mjs";
import { median, medianRatio, round, sideBySide } from "./lib/stats.mjs";

const LEVELS = (process.env.LEVELS ?? "z,s,2,3").split(",");
const WASM_OPT = ["-O1", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

function build(level) {
  const target = `${ROOT}target/bench-opt-level/${level}`;
  const env = { ...process.env, CARGO_TARGET_DIR: target, CARGO_PROFILE_RELEASE_OPT_LEVEL: level };
  execFileSync("cargo", ["build", "--lib", "--release", "--target", "wasm32-unknown-unknown", "--quiet"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  const out = `${target}/pkg`;
  execFileSync("wasm-bindgen", ["--target", "web", "--remove-name-section", "--remove-producers-section", "--out-dir", out, "--out-name", "linkedin_network", `${target}/wasm32-unknown-unknown/release/linkedin_network.wasm`], { cwd: ROOT });
  const wasm = `${out}/linkedin_network_bg.wasm`;
  execFileSync(`${ROOT}node_modules/.bin/wasm-opt`, [...WASM_OPT, wasm, "-o", wasm], { cwd: ROOT });
  return { glue: `${out}/linkedin_network.js`, wasm };
}

const cases = PROVIDERS.flatMap((provider) =>
  RESOURCES.map((resource) => ({
    options: JSON.stringify({ provider, resource, status: 200, headers: { date: DATE_HEADER } }),
    body: readFileSync(`${FIXTURE_DIR}${fixtureName(provider, resource)}`, "utf8"),
  })),
);

const variants = {};
for (const level of LEVELS) {
  process.stderr.write(`[opt-level] building opt-level=${level}…\n`);
  const { glue, wasm } = build(level);
  const bytes = readFileSync(wasm);
  const module = await import(pathToFileURL(glue).href);
  module.initSync({ module: bytes });
  variants[level] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, parseAll: () => cases.forEach((c) => module.parseResponse(c.options, c.body)) };
}
const samples = sideBySide(Object.fromEntries(Object.entries(variants).map(([level, v]) => [level, v.parseAll])), { repetitions: 11, warmupMs: 500, batchMs: 100 });
const baseline = LEVELS[0];
const rows = LEVELS.map((level) => ({
  level,
  wasmRaw: variants[level].raw,
  wasmGzip: variants[level].gzip,
  msPerNinePages: round(median(samples[level]), 2),
  itemsPerSecond: round((900 / median(samples[level])) * 1000, 0),
  timeVsFirst: round(medianRatio(samples[level], samples[baseline])),
}));
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(`${OUT_DIR}opt-level.json`, `${JSON.stringify(rows, null, 2)}\n`);
console.log(["| opt-level | .wasm raw | gzip -9 | ms for the 9 pages (raw export) | items/s | time vs " + baseline + " |", "|---|---|---|---|---|---|", ...rows.map((r) => `| ${r.level} | ${r.wasmRaw} | ${r.wasmGzip} | ${r.msPerNinePages} | ${r.itemsPerSecond} | ${r.timeVsFirst}× |`)].join("\n"));
