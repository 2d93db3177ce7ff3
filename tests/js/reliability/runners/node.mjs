// The matrix in Node: the package through its `node` export condition (as an
// app resolves it), cells run in this process. Rejections are watched with
// process.on, and stdout/stderr are recorded along with the console.

import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { appWithPackage } from "../../runtimes/support/package-link.mjs";
import { runCell } from "../matrix/cell.mjs";
import { createWatch, probeWatch } from "../matrix/watch.mjs";

export const NODE_RUNTIME = "node";

/** Resolves to a runner: { runtime, run(spec), finish(), close() }. */
export async function startNodeRunner() {
  const app = appWithPackage("reliability-node");
  const entry = createRequire(join(app.dir, "app.js")).resolve("linkedin-network");
  const api = await import(pathToFileURL(entry).href);
  let listener;
  const watch = createWatch((onRejection) => {
    listener = (reason) => onRejection(reason);
    process.on("unhandledRejection", listener);
  });
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const stream of ["stdout", "stderr"]) {
    process[stream].write = function (chunk, ...rest) {
      watch.record(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return writes[stream].call(this, chunk, ...rest);
    };
  }
  return {
    runtime: NODE_RUNTIME,
    entry,
    run: (spec) => runCell(api, { ...spec, runtime: NODE_RUNTIME }, watch),
    // A deliberate unhandled rejection would fail this very test file (node:test
    // reports any): here the probe checks the listener is in place instead.
    probe: async () => ({ ...(await probeWatch(watch, { reject: false })), rejectionSeen: process.listeners("unhandledRejection").includes(listener) }),
    finish: async () => ({ rejections: watch.allRejections(), output: watch.allOutput() }),
    close: async () => {
      process.stdout.write = writes.stdout;
      process.stderr.write = writes.stderr;
      app.remove();
    },
  };
}
