// Assembles the unpacked extension at test time: an extension can load only
// files inside itself, so it gets its own copy of the package (as
// ./linkedin-network/) and of the suite, beside its manifest and worker.

import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PKG_DIR } from "../support/package-link.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export const EXTENSION_FILES = ["manifest.json", "sw.js", "harness.html"];
const PACKAGE_FILES = ["package.json", "dist/default.js", "dist/linkedin_network.js", "dist/linkedin_network_bg.wasm"];

/** Writes the extension into `dir` and returns `dir`. */
export function assembleExtension(dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of EXTENSION_FILES) cpSync(here(`./${file}`), join(dir, file));
  cpSync(here("../suite/"), join(dir, "suite"), { recursive: true });
  for (const file of PACKAGE_FILES) cpSync(join(PKG_DIR, file), join(dir, "linkedin-network", file), { recursive: true });
  return dir;
}
