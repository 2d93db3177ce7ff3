// A Chromium page served from 127.0.0.1 imports the package with no bundler
// (an import map to the `default` entry) and runs the suite against the
// emulator on another origin.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { collectPageErrors, launchChromium } from "./support/chromium.mjs";
import { startEmulatorProcess } from "./support/emulator-process.mjs";
import { PKG_DIR } from "./support/package-link.mjs";
import { checkCase, reportSuite, resetRecord } from "./support/results.mjs";
import { serveStatic } from "./support/static-server.mjs";

const RUNTIME = "chromium-page";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

test("a Chromium page runs the suite through the `default` export, cross-origin", async (t) => {
  resetRecord(RUNTIME);
  const emulator = await startEmulatorProcess();
  const server = await serveStatic({ "/pkg/": PKG_DIR, "/suite/": here("./suite/"), "/": here("./page/") });
  let browser;
  try {
    await checkCase(t, RUNTIME, "package entry by export condition", () => {
      const exported = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8")).exports["."].default;
      const mapped = /"linkedin-network":\s*"\/pkg\/([^"]+)"/.exec(readFileSync(here("./page/index.html"), "utf8"))[1];
      assert.equal(`./${mapped}`, exported, "the page's import map must point where `default` does");
      return `import map → ${exported} (the \`default\` condition)`;
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.title !== "linkedin-network in a page", null, { timeout: 15000 });
    const title = await page.title();
    assert.equal(title, "ready", `the module did not load: ${title} ${errors.join("; ")}`);
    await checkCase(t, RUNTIME, "wasm fetched next to the module", () => {
      assert.ok(server.requests.includes("/pkg/dist/linkedin_network_bg.wasm"), `served: ${server.requests.join(", ")}`);
      assert.notEqual(new URL(server.url).port, new URL(emulator.url).port);
      return `page ${server.url} ≠ emulator ${emulator.url}`;
    });
    await reportSuite(t, RUNTIME, () => page.evaluate((url) => window.runRuntimeSuite(url), emulator.url));
  } finally {
    await browser?.close();
    await server.close();
    await emulator.stop();
  }
});
