// Writes (or, with --check, compares) the parse fixtures in benches/fixtures/:
// one 100-item body per provider and resource, shared by the JS parse
// benchmark and `cargo bench`. `node bench/fixtures.mjs [--check]`.

import { readFileSync, writeFileSync } from "node:fs";
import { generateBodies } from "./lib/bodies.mjs";
import { FIXTURE_DIR } from "./lib/common.mjs";
import { loadPackage } from "./lib/package.mjs";

const check = process.argv.includes("--check");
const { api } = await loadPackage();
const bodies = await generateBodies(api);
let stale = 0;
for (const [name, body] of Object.entries(bodies)) {
  const path = `${FIXTURE_DIR}${name}.json`;
  if (check) {
    let current = null;
    try {
      current = readFileSync(path, "utf8");
    } catch {
      // missing: stale
    }
    if (current !== body) {
      stale += 1;
      console.log(`stale: ${path}`);
    }
  } else {
    writeFileSync(path, body);
    console.log(`wrote ${path} (${Buffer.byteLength(body)} bytes)`);
  }
}
if (check) console.log(stale ? `${stale} fixture(s) differ from the emulator: run node bench/fixtures.mjs` : "fixtures match the emulator");
process.exitCode = stale ? 1 : 0;
