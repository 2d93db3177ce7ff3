// What a runtime shows besides a call's result: unhandled promise rejections
// and console output. Installed once per runtime; a cell takes a mark before
// it runs and reads what happened since. Runtime-neutral: the runtime hands
// in how to listen for rejections (Node: process.on, elsewhere the global
// `unhandledrejection` event).

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"];

function text(value) {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * `listen(onRejection)` registers the runtime's unhandled-rejection listener;
 * without it, the global `unhandledrejection` event is used.
 */
export function createWatch(listen) {
  const rejections = [];
  const output = [];
  const onRejection = (reason) => rejections.push(text(reason));
  if (listen) listen(onRejection);
  else if (typeof globalThis.addEventListener === "function") {
    globalThis.addEventListener("unhandledrejection", (event) => onRejection(event.reason));
  } else throw new Error("no way to listen for unhandled rejections in this runtime");

  for (const name of CONSOLE_METHODS) {
    const original = console[name];
    if (typeof original !== "function") continue;
    console[name] = (...args) => {
      output.push(args.map(text).join(" "));
      return original.apply(console, args);
    };
  }

  return {
    /** Also record text the runtime writes elsewhere (Node: stdout and stderr). */
    record: (line) => output.push(String(line)),
    mark: () => ({ rejections: rejections.length, output: output.length }),
    rejectionsSince: (mark) => rejections.slice(mark.rejections),
    outputSince: (mark) => output.slice(mark.output).join("\n"),
    allRejections: () => [...rejections],
    allOutput: () => output.join("\n"),
  };
}

export const PROBE_MARK = "watch-probe-not-a-canary";

/**
 * The watch's own control: one deliberate unhandled rejection (unless
 * `reject: false`) and one console line; resolves to whether the watch saw
 * each. Their records are then left out of the checks by PROBE_MARK.
 */
export async function probeWatch(watch, { reject = true } = {}) {
  const mark = watch.mark();
  if (reject) Promise.reject(new Error(PROBE_MARK));
  console.log(PROBE_MARK);
  for (let waited = 0; reject && waited < 2000 && watch.rejectionsSince(mark).length === 0; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    rejectionSeen: watch.rejectionsSince(mark).some((text) => text.includes(PROBE_MARK)),
    consoleSeen: watch.outputSince(mark).includes(PROBE_MARK),
  };
}
