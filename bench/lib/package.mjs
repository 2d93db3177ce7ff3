// The package as Node loads it (the `node` export condition), plus its
// WebAssembly memory, read without changing pkg/: the wasm-bindgen glue is a
// singleton ES module, and its initSync() returns the live instance's
// exports once the entry has instantiated it.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PKG_DIR } from "./common.mjs";

export const GLUE_URL = pathToFileURL(`${PKG_DIR}dist/linkedin_network.js`).href;

/** The entry file an export condition resolves to (`node`, `workerd`, `default`). */
export function entryPath(condition) {
  const manifest = JSON.parse(readFileSync(`${PKG_DIR}package.json`, "utf8"));
  const target = manifest.exports["."][condition];
  if (typeof target !== "string") throw new Error(`pkg/package.json has no "${condition}" export`);
  return `${PKG_DIR}${target.replace(/^\.\//, "")}`;
}

/** `{ api, glue, exports }`: the public API, the raw wasm-bindgen functions, the instance's exports. */
export async function loadPackage() {
  const api = await import(pathToFileURL(entryPath("node")).href);
  await api.ready();
  const glue = await import(GLUE_URL);
  const exports = glue.initSync();
  if (!(exports?.memory instanceof WebAssembly.Memory)) throw new Error("could not reach the WebAssembly memory through the glue");
  return { api, glue, exports };
}
