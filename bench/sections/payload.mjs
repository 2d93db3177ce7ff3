// Payload: what the package ships, raw and gzip -9, beside unipile-node-sdk's
// ESM build, installed from npm into a throwaway folder at bench time (never
// a dependency of this repository). Also each side bundled and minified by
// esbuild (what an app's bundle grows by), when esbuild is installed.

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
  let dir;
  try {
    dir = installUnipile();
  } catch (error) {
    return { package: UNIPILE, error: error.message };
  }
  try {
    const root = join(dir, "node_modules", "unipile-node-sdk");
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
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPayload() {
  const wasm = measure([`${PKG_DIR}dist/linkedin_network_bg.wasm`], ROOT);
  const shared = [`${PKG_DIR}dist/linkedin_network.js`, ...walk(`${PKG_DIR}src`, (path) => path.endsWith(".js")).sort()];
  const browserJs = measure([...shared, entryPath("default")], ROOT);
  const nodeJs = measure([...shared, entryPath("node")], ROOT);
  return {
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
