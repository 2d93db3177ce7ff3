// The runtime-neutral matrix modules as a bundle or an extension sees them:
// copied into an app directory with their relative imports intact
// (js/reliability/matrix/ and js/runtimes/suite/emulator-http.mjs).

import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MATRIX_DIR = fileURLToPath(new URL("../matrix/", import.meta.url));
const EMULATOR_HTTP = fileURLToPath(new URL("../../runtimes/suite/emulator-http.mjs", import.meta.url));

/** Copies the matrix into `dir`; returns the path to import cell.mjs from, relative to `dir`. */
export function copyMatrix(dir) {
  cpSync(MATRIX_DIR, join(dir, "js", "reliability", "matrix"), { recursive: true });
  mkdirSync(join(dir, "js", "runtimes", "suite"), { recursive: true });
  cpSync(EMULATOR_HTTP, join(dir, "js", "runtimes", "suite", "emulator-http.mjs"));
  return "js/reliability/matrix/cell.mjs";
}
