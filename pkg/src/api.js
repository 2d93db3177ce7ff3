// The public API over the WebAssembly module (SPEC §4). Rust does the work;
// this file converts: options to JSON text, JSON text to objects, thrown
// payloads to LinkedInNetworkError, and pages to an async iterator.

import { LinkedInNetworkError, fromWasm, invalidInput } from "./errors.js";

const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];

// Options cross to Rust as JSON. Non-finite numbers and bigints would turn
// into null or throw; sent as text they are refused by name instead.
function toJson(value) {
  return JSON.stringify(value ?? null, (_key, v) =>
    (typeof v === "number" && !Number.isFinite(v)) || typeof v === "bigint" ? String(v) : v);
}

function rethrow(error) {
  throw fromWasm(error);
}

function headersObject(headers) {
  if (headers && typeof headers.get === "function" && typeof headers.entries === "function") {
    return Object.fromEntries(headers.entries());
  }
  return headers;
}

// onProgress receives JSON text from Rust; the caller gets an object.
function progressCallback(onProgress) {
  return typeof onProgress === "function" ? (json) => onProgress(JSON.parse(json)) : onProgress;
}

async function* iteratePages(getCore, name, options) {
  const { signal, onProgress, ...rest } = options ?? {};
  if (onProgress !== undefined && typeof onProgress !== "function") throw invalidInput("onProgress must be a function");
  const core = await getCore();
  let run;
  try {
    run = core.iterate(name, toJson(rest), signal);
  } catch (error) {
    rethrow(error);
  }
  // A page's progress (and its cursor) is reported once its last item was
  // taken, so a cursor saved in onProgress never skips an unseen item.
  let pending = null;
  try {
    for (;;) {
      let text;
      try {
        text = await run.next();
      } catch (error) {
        rethrow(error);
      }
      if (text === null || text === undefined) return;
      const batch = JSON.parse(text);
      const last = batch.items.length - 1;
      if (last < 0) pending = batch.progress;
      for (let index = 0; index <= last; index += 1) {
        if (index === last) pending = batch.progress;
        yield batch.items[index];
      }
      const progress = pending;
      pending = null;
      onProgress?.(progress);
    }
  } finally {
    if (pending) onProgress?.(pending);
    run.free();
  }
}

// `loading` is the instantiation promise, or null where the module was
// instantiated synchronously before this call (Node, workerd).
export function createApi(wasm, loading) {
  let loaded = loading === null;
  const readyPromise = loaded
    ? Promise.resolve()
    : Promise.resolve(loading).then(() => {
        loaded = true;
      });
  // Reported by ready() and by every call that needs the module.
  readyPromise.catch(() => {});

  const notReady = (name) =>
    invalidInput(`${name} was called before the WebAssembly module finished loading: await ready() first`);

  const pure = (name, body) => (options) => {
    if (!loaded) throw notReady(name);
    try {
      return body(options ?? {});
    } catch (error) {
      return rethrow(error);
    }
  };

  const buildRequest = pure("buildRequest", (options) => JSON.parse(wasm.buildRequest(toJson(options))));
  const parseResponse = pure("parseResponse", ({ body, headers, ...rest }) =>
    JSON.parse(wasm.parseResponse(toJson({ ...rest, headers: headersObject(headers) }), body)));
  const planRequests = pure("planRequests", (options) => JSON.parse(wasm.planRequests(toJson(options))));
  const estimateCredits = pure("estimateCredits", (options) => JSON.parse(wasm.estimateCredits(toJson(options))));

  function createClient(options) {
    const { fetch, ...rest } = options ?? {};
    let settings = toJson(rest);
    let core = null;
    const make = () => {
      try {
        core = wasm.createClientCore(settings, fetch);
      } catch (error) {
        rethrow(error);
      }
      settings = null;
      return core;
    };
    // Where the module is already loaded (Node, workerd) bad options throw here.
    if (loaded) make();
    const getCore = async () => {
      await readyPromise;
      return core ?? make();
    };
    const getCoreNow = (name) => {
      if (!loaded) throw notReady(name);
      return core ?? make();
    };
    const resource = (name) =>
      Object.freeze({
        async list(options) {
          const { signal, ...rest } = options ?? {};
          const client = await getCore();
          try {
            return JSON.parse(await client.list(name, toJson(rest), signal));
          } catch (error) {
            return rethrow(error);
          }
        },
        async collect(options) {
          const { signal, onProgress, ...rest } = options ?? {};
          const client = await getCore();
          try {
            return JSON.parse(await client.collect(name, toJson(rest), signal, progressCallback(onProgress)));
          } catch (error) {
            return rethrow(error);
          }
        },
        iterate(options) {
          return iteratePages(getCore, name, options);
        },
        estimate(options) {
          try {
            return JSON.parse(getCoreNow("estimate").estimate(name, toJson(options ?? {})));
          } catch (error) {
            return rethrow(error);
          }
        },
      });
    const client = {};
    for (const name of RESOURCES) client[name] = resource(name);
    return Object.freeze(client);
  }

  return {
    createClient,
    ready: () => readyPromise,
    buildRequest,
    parseResponse,
    planRequests,
    estimateCredits,
    LinkedInNetworkError,
  };
}
