// Node: the package resolved as an app resolves it (the `node` condition),
// then the shared suite against the emulator process.

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { runSuite } from "./suite/suite.mjs";
import { startEmulatorProcess } from "./support/emulator-process.mjs";
import { appWithPackage } from "./support/package-link.mjs";
import { checkCase, reportSuite, resetRecord } from "./support/results.mjs";

const RUNTIME = "node";

test("Node runs the suite through the `node` export condition", async (t) => {
  resetRecord(RUNTIME);
  const app = appWithPackage("node");
  const emulator = await startEmulatorProcess();
  try {
    let entry;
    await checkCase(t, RUNTIME, "package entry by export condition", () => {
      entry = createRequire(join(app.dir, "app.js")).resolve("linkedin-network");
      assert.match(entry, /[/\\]pkg[/\\]dist[/\\]node\.js$/);
      return `linkedin-network → ${entry.replace(/.*[/\\]pkg[/\\]/, "pkg/")}`;
    });
    const api = await import(pathToFileURL(entry).href);
    await reportSuite(t, RUNTIME, () => runSuite(api, { emulatorUrl: emulator.url, runtime: RUNTIME }));
  } finally {
    await emulator.stop();
    app.remove();
  }
});
