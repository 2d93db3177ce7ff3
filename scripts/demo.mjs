#!/usr/bin/env node
// `make demo`: the provider emulator and the dashboard in www/, on 127.0.0.1,
// then a summary of the same network fetched through the package in Node.
// Ctrl-C (SIGINT) or SIGTERM stops everything it started.
//
//   node scripts/demo.mjs [--port 8321] [--latency-ms 150]

import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { startDemo } from "./demo-server.mjs";
import { formatSummary, summarize, summaryHeader } from "./demo-summary.mjs";
import { DEFAULT_MAX_ITEMS } from "../www/js/providers.js";

export { startDemo, DEMO_CREDENTIALS } from "./demo-server.mjs";

function integer(name, text) {
  if (!/^\d+$/.test(text)) throw new TypeError(`--${name} must be a non-negative integer, got "${text}"`);
  return Number(text);
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "8321" },
      "latency-ms": { type: "string", default: "150" },
      "no-summary": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write("usage: node scripts/demo.mjs [--port N (0 = any; default 8321, any if busy)] [--latency-ms N (default 150)] [--no-summary]\n");
    return;
  }
  const demo = await startDemo({ port: integer("port", values.port), latencyMs: integer("latency-ms", values["latency-ms"]) });
  const controller = new AbortController();
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    controller.abort();
    process.stdout.write(`\n[demo] ${signal}: stopping the page server and the emulator\n`);
    demo.close().then(() => process.exit(0), (error) => {
      process.stderr.write(`[demo] could not stop cleanly: ${error.message}\n`);
      process.exit(1);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  process.stdout.write(`[demo] dashboard: ${demo.url}\n`);
  process.stdout.write(`[demo] emulator:  ${demo.emulatorUrl} (accepts the API key "${demo.config.apiKey}"; ${values["latency-ms"]} ms an answer)\n`);
  process.stdout.write("[demo] open the dashboard in a browser; Ctrl-C stops the demo\n");
  if (values["no-summary"]) return;

  process.stdout.write(`[demo] the same network through the package in Node (up to ${DEFAULT_MAX_ITEMS.toLocaleString("en-US")} items a list; estimates are for that many):\n`);
  process.stdout.write(`${summaryHeader()}\n`);
  try {
    await summarize(demo.config, {
      signal: controller.signal,
      onSummary: (summary) => process.stdout.write(`${formatSummary(summary)}\n`),
    });
    if (!stopping) process.stdout.write("[demo] summary done; the dashboard keeps running until Ctrl-C\n");
  } catch (error) {
    if (!stopping) process.stderr.write(`[demo] summary failed: ${error.stack ?? error}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`[demo] ${error.message}\n`);
    process.exit(1);
  });
}
