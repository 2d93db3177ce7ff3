// Payload: what the package ships, raw and gzip -9, beside unipile-node-sdk's
// ESM build (a pinned devDependency; installed from npm into a throwaway
// folder when node_modules lacks it). Also each side bundled and minified by
// esbuild (what an app's bundle grows by), and what each build step buys.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { PKG_DIR, ROOT } from "../lib/common.mjs";
import { entryPath } from "../lib/package.mjs";

export const UNIPILE = "unipile-node-sdk@1.9.3";

/** gzip -9 size: the gzip CLI when present (-n: no name or time), else zlib level 9. */
function gzipSize(bytes) {
  try {
    return execFileSync("gzip", ["-9", "-n", "-c"], { input: bytes, maxBuffer: 64 << 20 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}

function measure(files, base) {
  const rows = files.map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(base, path), raw: bytes.length, gzip: gzipSize(bytes) };
  });
  return { files: rows, raw: rows.reduce((sum, row) => sum + row.raw, 0), gzip: rows.reduce((sum, row) => sum + row.gzip, 0) };
}

function walk(dir, keep) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
  });
}

async function bundle(entry, conditions, platform = "browser") {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return null;
  }
  let result;
  try {
    result = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform, write: false, conditions, logLevel: "silent" });
  } catch (error) {
    return { error: error.message.split("\n")[0] };
  }
  const bytes = Buffer.from(result.outputFiles[0].contents);
  return { raw: bytes.length, gzip: gzipSize(bytes), esbuild: esbuild.version };
}

function isCommonJs(text) {
  return /\brequire\(/.test(text) && !/^\s*(import|export)\b/m.test(text);
}

/** The devDependency's copy when installed (package.json pins it), else null. */
function installedUnipile() {
  const root = join(ROOT, "node_modules", "unipile-node-sdk");
  try {
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    return `unipile-node-sdk@${version}` === UNIPILE ? root : null;
  } catch {
    return null;
  }
}

function installUnipile() {
  const dir = mkdtempSync(join(tmpdir(), "bench-unipile-"));
  try {
    execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", dir, UNIPILE], { stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 });
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`npm install ${UNIPILE} failed: ${String(error.stderr ?? error.message).trim().slice(0, 300)}`);
  }
}

async function unipile() {
  const installed = installedUnipile();
  let dir = null;
  if (!installed) {
    try {
      dir = installUnipile();
    } catch (error) {
      return { package: UNIPILE, error: error.message };
    }
  }
  try {
    const root = installed ?? join(dir, "node_modules", "unipile-node-sdk");
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const esmEntry = manifest.exports?.["."]?.import?.default ?? manifest.module ?? null;
    const esmDir = esmEntry ? join(root, esmEntry, "..") : null;
    const shipped = esmDir ? measure(walk(esmDir, (path) => /\.(m?js)$/.test(path)), root) : measure(walk(root, (path) => /\.(c?m?js)$/.test(path)), root);
    return {
      package: `unipile-node-sdk@${manifest.version}`,
      hasEsm: Boolean(esmEntry),
      esmEntry,
      dependencies: Object.keys(manifest.dependencies ?? {}),
      // Its "import" build: is it ES modules, or CommonJS under an ESM name?
      esmIsCommonJs: esmEntry ? isCommonJs(readFileSync(join(root, esmEntry), "utf8")) : null,
      esm: { raw: shipped.raw, gzip: shipped.gzip, fileCount: shipped.files.length },
      // A Node SDK (it requires node:crypto): bundled for Node, builtins left out.
      bundled: esmEntry ? await bundle(join(root, esmEntry), ["import", "node"], "node") : null,
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const RAW_DIR = `${ROOT}target/pkg-raw/`;
const WASM_OPT = `${ROOT}node_modules/.bin/wasm-opt`;
const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

/** gzip -9 of wasm-bindgen's output (target/pkg-raw/, kept by the build) after wasm-opt at `level`. */
function wasmOptGzip(level) {
  const dir = mkdtempSync(join(tmpdir(), "bench-wasm-opt-"));
  try {
    const out = join(dir, "out.wasm");
    execFileSync(WASM_OPT, [level, ...WASM_FEATURES, `${RAW_DIR}linkedin_network_bg.wasm`, "-o", out], { stdio: "ignore" });
    const bytes = readFileSync(out);
    return { raw: bytes.length, gzip: gzipSize(bytes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What each build step buys, re-measured now: wasm-opt -Oz vs -O1 vs none on
 * the same wasm-bindgen output, and the JS a browser loads as readable
 * sources (glue as generated, pkg/src, pkg/entry) vs as shipped (minified
 * glue + one bundled, minified entry). Null where the build left no raw copy.
 */
function levers(shippedJs) {
  let wasmRaw;
  try {
    wasmRaw = measure([`${RAW_DIR}linkedin_network_bg.wasm`], ROOT);
  } catch {
    return null;
  }
  const sources = measure([`${RAW_DIR}linkedin_network.js`, ...walk(`${PKG_DIR}src`, (path) => path.endsWith(".js")).sort(), `${PKG_DIR}entry/default.js`], ROOT);
  return {
    wasmOpt: { none: { raw: wasmRaw.raw, gzip: wasmRaw.gzip }, Oz: wasmOptGzip("-Oz"), O1: wasmOptGzip("-O1") },
    js: { sources: { raw: sources.raw, gzip: sources.gzip, files: sources.files }, shipped: { raw: shippedJs.raw, gzip: shippedJs.gzip } },
  };
}

export async function runPayload() {
  const wasm = measure([`${PKG_DIR}dist/linkedin_network_bg.wasm`], ROOT);
  // What a runtime loads: its entry (bundled with pkg/src) and the glue.
  const shared = [`${PKG_DIR}dist/linkedin_network.js`];
  const browserJs = measure([...shared, entryPath("default")], ROOT);
  const nodeJs = measure([...shared, entryPath("node")], ROOT);
  return {
    levers: levers(browserJs),
    package: {
      wasm,
      js: browserJs,
      nodeJs,
      total: { raw: wasm.raw + browserJs.raw, gzip: wasm.gzip + browserJs.gzip },
      bundled: await bundle(entryPath("default"), ["browser", "import"]),
    },
    unipile: await unipile(),
  };
}
