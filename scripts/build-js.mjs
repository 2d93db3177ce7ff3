// The package's JavaScript as shipped: each runtime entry (pkg/entry/*.js)
// bundled with pkg/src/*.js into one minified ES module in pkg/dist/
// (dist/node.js, dist/default.js, dist/workerd.js), and wasm-bindgen's glue
// minified in place. The readable sources stay the source of truth; the
// glue stays its own module so every entry and the tests share one instance.
//
// node scripts/build-js.mjs <dist dir> [--glue]   (--glue: minify the glue too)

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const [dist = join(ROOT, "pkg", "dist"), ...flags] = process.argv.slice(2);
const ENTRIES = ["node", "default", "workerd"];
const GLUE = "linkedin_network.js";
const TARGET = "es2022";

// The entries import "../dist/<file>": from dist/ itself that is "./<file>",
// left as an import (the glue, the .wasm for workerd) or a URL (the .wasm).
const siblings = {
  name: "dist-siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/dist\// }, (args) => ({ path: args.path.replace("../dist/", "./"), external: true }));
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
  },
};

if (flags.includes("--glue")) {
  const path = join(dist, GLUE);
  const { code } = await esbuild.transform(readFileSync(path, "utf8"), { format: "esm", minify: true, target: TARGET, legalComments: "none" });
  writeFileSync(path, code);
}

for (const entry of ENTRIES) {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, "pkg", "entry", `${entry}.js`)],
    bundle: true,
    minify: true,
    format: "esm",
    target: TARGET,
    platform: "neutral",
    legalComments: "none",
    write: false,
    plugins: [siblings],
    logLevel: "silent",
  });
  // `new URL("../dist/…", import.meta.url)` is a string esbuild leaves alone.
  const code = result.outputFiles[0].text.replaceAll('"../dist/', '"./');
  if (code.includes("../")) throw new Error(`dist/${entry}.js still names a path outside dist/`);
  writeFileSync(join(dist, `${entry}.js`), code);
}
