// The package as an app installs it: a temp app dir whose
// node_modules/linkedin-network points at pkg/, so every resolver (Node,
// wrangler's esbuild, Vite) picks the entry by the package's own `exports`.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PKG_DIR = fileURLToPath(new URL("../../../../pkg/", import.meta.url));
export const WASM_PATH = join(PKG_DIR, "dist", "linkedin_network_bg.wasm");

/** A fresh temp dir with node_modules/linkedin-network → pkg/; returns { dir, remove() }. */
export function appWithPackage(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `linkedin-network-${prefix}-`));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG_DIR, join(dir, "node_modules", "linkedin-network"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
