// The matrix in workerd: wrangler bundles the matrix Worker exactly as it
// would deploy it (the package's `workerd` condition, the .wasm as a module)
// and Miniflare runs the upload; each cell is one request to the Worker.
// workerd's own stdout and stderr are recorded with the Worker's console.

import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { bounded } from "../../runtimes/support/bounded.mjs";
import { appWithPackage } from "../../runtimes/support/package-link.mjs";
import { wranglerDryRun } from "../../runtimes/support/wrangler.mjs";
import { CELL_TIMEOUT_MS } from "../matrix/cell.mjs";
import { copyMatrix } from "./copy-matrix.mjs";

export const WORKERD_RUNTIME = "workerd";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Bundles `worker/<script>` with `config` in a temp app that has `packageDir` installed; Miniflare runs it. */
export async function startBundledWorker({ prefix, workerDir, config, script, link }) {
  const app = link ?? appWithPackage(prefix);
  let miniflare;
  const stdio = [];
  try {
    cpSync(workerDir, join(app.dir, "worker"), { recursive: true });
    cpSync(join(workerDir, config), join(app.dir, config));
    copyMatrix(app.dir);
    const outDir = join(app.dir, "upload");
    await wranglerDryRun(app.dir, config, outDir);
    const files = readdirSync(outDir);
    miniflare = new Miniflare({
      cf: false,
      modules: true,
      modulesRoot: outDir,
      scriptPath: join(outDir, script),
      modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
      compatibilityDate: "2026-04-01",
      handleRuntimeStdio(stdout, stderr) {
        stdout.on("data", (chunk) => stdio.push(String(chunk)));
        stderr.on("data", (chunk) => stdio.push(String(chunk)));
      },
    });
    await bounded(miniflare.ready, 30000, "Miniflare start-up");
    return {
      miniflare,
      outDir,
      files,
      stdio,
      close: async () => {
        await miniflare.dispose();
        app.remove();
      },
    };
  } catch (error) {
    await miniflare?.dispose();
    app.remove();
    throw error;
  }
}

export async function startWorkerdRunner() {
  const worker = await startBundledWorker({
    prefix: "reliability-workerd",
    workerDir: here("../worker/"),
    config: "wrangler.jsonc",
    script: "matrix-worker.js",
  });
  const call = async (path, init, ms) => {
    const response = await bounded(worker.miniflare.dispatchFetch(`http://worker${path}`, init), ms, `the Worker's ${path}`);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text);
  };
  return {
    runtime: WORKERD_RUNTIME,
    run: (spec) => call("/cell", { method: "POST", body: JSON.stringify(spec) }, CELL_TIMEOUT_MS + 15000),
    probe: () => call("/probe", {}, 15000),
    async finish() {
      const answer = await call("/finish", {}, 15000);
      return { rejections: answer.rejections, output: `${answer.output}\n${worker.stdio.join("")}` };
    },
    close: () => worker.close(),
  };
}
