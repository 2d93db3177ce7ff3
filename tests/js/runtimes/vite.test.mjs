// A Vite app: `vite build` bundles an app that imports `linkedin-network`
// (installed as a `file:` dependency), the built output is served and loaded
// in Chromium, and one case runs — proving the .wasm leaves the bundler intact.

import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { collectPageErrors, launchChromium } from "./support/chromium.mjs";
import { startEmulatorProcess } from "./support/emulator-process.mjs";
import { appWithPackage, PKG_DIR, WASM_PATH } from "./support/package-link.mjs";
import { checkCase, reportSuite, resetRecord } from "./support/results.mjs";
import { serveStatic } from "./support/static-server.mjs";

const RUNTIME = "vite";
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

function assembleApp(dir) {
  for (const file of ["index.html", "main.mjs", "vite.config.mjs"]) cpSync(here(`./vite-app/${file}`), join(dir, file));
  cpSync(here("./suite/"), join(dir, "suite"), { recursive: true });
  const manifest = { name: "linkedin-network-vite-app", private: true, type: "module", dependencies: { "linkedin-network": `file:${PKG_DIR}` } };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

test("a Vite-built app loads the package's .wasm in Chromium", async (t) => {
  resetRecord(RUNTIME);
  const app = appWithPackage("vite");
  const emulator = await startEmulatorProcess();
  let server;
  let browser;
  try {
    assembleApp(app.dir);
    const distDir = join(app.dir, "dist");
    const built = await checkCase(t, RUNTIME, "vite build emits the .wasm intact", async () => {
      await build({ root: app.dir, configFile: join(app.dir, "vite.config.mjs") });
      const assets = readdirSync(join(distDir, "assets"));
      const wasm = assets.filter((file) => file.endsWith(".wasm"));
      assert.equal(wasm.length, 1, `assets: ${assets.join(", ")}`);
      assert.ok(readFileSync(join(distDir, "assets", wasm[0])).equals(readFileSync(WASM_PATH)), "the emitted .wasm differs from pkg/dist's");
      const scripts = assets.filter((file) => file.endsWith(".js"));
      assert.ok(scripts.some((file) => readFileSync(join(distDir, "assets", file), "utf8").includes(wasm[0])), "no script names the .wasm");
      return `dist/assets/${wasm[0]} identical to pkg/dist, named by the bundle`;
    });
    assert.ok(built, "the app did not build");

    server = await serveStatic({ "/": distDir });
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.title !== "linkedin-network via Vite", null, { timeout: 15000 });
    assert.equal(await page.title(), "ready", `the bundle did not load: ${errors.join("; ")}`);
    await checkCase(t, RUNTIME, "the page fetched the bundled .wasm", () => {
      const fetched = server.requests.filter((path) => path.endsWith(".wasm"));
      assert.equal(fetched.length, 1, `served: ${server.requests.join(", ")}`);
      return `fetched ${fetched[0]}`;
    });
    await reportSuite(t, RUNTIME, () => page.evaluate((url) => window.runRuntimeSuite(url), emulator.url));
  } finally {
    await browser?.close();
    await server?.close();
    await emulator.stop();
    app.remove();
  }
});
