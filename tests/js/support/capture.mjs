// Node only, shared by the Node and reliability tests: everything written to
// the console, stdout and stderr while a body runs (passed through as well),
// so a test can show no secret was printed; and every printable form of an error.

import { inspect } from "node:util";

const METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"];

function safeInspect(value) {
  try {
    return inspect(value, { depth: 6, showHidden: true });
  } catch (error) {
    return `[uninspectable: ${error}]`;
  }
}

/** Runs `body`; resolves to { value, output } (output: one string). Restores everything after. */
export async function captureOutput(body) {
  const output = [];
  const saved = Object.fromEntries(METHODS.map((name) => [name, console[name]]));
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of METHODS) {
    console[name] = (...args) => {
      output.push(args.map((arg) => (typeof arg === "string" ? arg : safeInspect(arg))).join(" "));
      return saved[name].apply(console, args);
    };
  }
  for (const stream of ["stdout", "stderr"]) {
    process[stream].write = function (chunk, ...rest) {
      output.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return writes[stream].call(this, chunk, ...rest);
    };
  }
  try {
    return { value: await body(), output: output.join("\n") };
  } finally {
    Object.assign(console, saved);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

/** message, stack, String(), JSON, util.inspect, own properties and cause of an error. */
export function errorTexts(error) {
  const texts = {
    message: String(error?.message),
    stack: String(error?.stack),
    string: String(error),
    json: JSON.stringify(error) ?? "",
    inspect: safeInspect(error),
    properties: JSON.stringify(Object.getOwnPropertyNames(error ?? {}).map((name) => [name, String(error[name])])),
  };
  if (error?.cause !== undefined) texts.cause = safeInspect(error.cause);
  return texts;
}
