// The matrix in an MV3 extension service worker: an unpacked extension
// assembled at test time (its own copy of the package, as an extension must
// have, and of the matrix modules), loaded into Chromium; each cell is one
// chrome.runtime message from an extension page. The worker's console is
// recorded through the browser as well as inside the worker.

import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bounded } from "../../runtimes/support/bounded.mjs";
import { launchWithExtension } from "../../runtimes/support/chromium.mjs";
import { PKG_DIR } from "../../runtimes/support/package-link.mjs";
import { CELL_TIMEOUT_MS } from "../matrix/cell.mjs";
import { copyMatrix } from "./copy-matrix.mjs";

export const EXTENSION_RUNTIME = "mv3-extension";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const PACKAGE_FILES = ["package.json", "dist/default.js", "dist/linkedin_network.js", "dist/linkedin_network_bg.wasm"];

function assemble(dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of ["manifest.json", "sw.js", "harness.html"]) cpSync(here(`../extension/${file}`), join(dir, file));
  for (const file of PACKAGE_FILES) cpSync(join(PKG_DIR, file), join(dir, "linkedin-network", file), { recursive: true });
  copyMatrix(dir);
  return dir;
}

export async function startExtensionRunner() {
  const root = mkdtempSync(join(tmpdir(), "linkedin-network-reliability-ext-"));
  let context;
  try {
    const extensionDir = assemble(join(root, "extension"));
    context = await launchWithExtension(join(root, "profile"), extensionDir);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }));
    const browserConsole = [];
    worker.on("console", (message) => browserConsole.push(message.text()));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/harness.html`);
    const send = (message, ms) => bounded(page.evaluate((m) => chrome.runtime.sendMessage(m), message), ms, `message ${message.type}`);
    return {
      runtime: EXTENSION_RUNTIME,
      async run(spec) {
        const answer = await send({ type: "run-cell", spec: { ...spec, runtime: EXTENSION_RUNTIME } }, CELL_TIMEOUT_MS + 15000);
        if (!answer?.result) throw new Error(`the service worker did not run the cell: ${JSON.stringify(answer)}`);
        return answer.result;
      },
      probe: () => send({ type: "probe" }, 15000),
      async finish() {
        const answer = await send({ type: "finish" }, 15000);
        return { rejections: answer.rejections, output: `${answer.output}\n${browserConsole.join("\n")}` };
      },
      async close() {
        await context.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
