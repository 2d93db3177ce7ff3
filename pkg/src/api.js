// The public API over the WebAssembly module (SPEC §4). Rust does the work;
// this file converts: options to JSON text, JSON text to objects, thrown
// payloads to LinkedInNetworkError, and pages to an async iterator.

import { actionMethods } from "./actions.js";
import { LinkedInNetworkError, fromWasm, invalidInput, isInstanceFailure, withAbortReason } from "./errors.js";

const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];

// Options cross to Rust as JSON. Non-finite numbers and bigints would turn
// into null or throw; sent as text they are refused by name instead.
function toJson(value) {
  return JSON.stringify(value ?? null, (_key, v) =>
    (typeof v === "number" && !Number.isFinite(v)) || typeof v === "bigint" ? String(v) : v);
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

// Walks the run's steps as Rust orders them (client/run/steps.rs): yield each
// step's item, then report the progress the step carries — also when the
// caller stops right after taking the item, which is why it is owed in
// `finally`. `state.cursor` is the cursor of the last step taken.
async function* walkSteps(instance, name, options, state) {
  const { coreWhenReady, fail, generation } = instance;
  const { signal, onProgress, ...rest } = options ?? {};
  if (onProgress != null && typeof onProgress !== "function") throw invalidInput("onProgress must be a function");
  const withCore = await coreWhenReady();
  let run;
  let runGeneration;
  try {
    run = withCore((core) => core.iterate(name, toJson(rest), signal));
    runGeneration = generation();
  } catch (error) {
    fail(error);
  }
  let owed = null;
  try {
    for (;;) {
      let text;
      try {
        text = await run.next();
      } catch (error) {
        fail(error, signal);
      }
      const steps = JSON.parse(text);
      if (steps.length === 0) return;
      for (const step of steps) {
        owed = step.progress;
        if (step.item !== null) {
          state.cursor = step.cursor;
          yield step.item;
        } else {
          state.cursor = step.cursor;
        }
        const progress = owed;
        owed = null;
        if (progress !== null) onProgress?.(progress);
        if (step.end) return;
      }
    }
  } finally {
    if (owed !== null) onProgress?.(owed);
    // A handle from a replaced instance must not be freed: wasm-bindgen's
    // free() would hand its dead pointer to the new instance.
    if (run && generation() === runGeneration) run.free();
  }
}

// `iterate()`'s result: an async generator whose `cursor` is, after every
// yielded item, the cursor that continues right after it (null before the first).
function iterateSteps(instance, name, options) {
  const state = { cursor: null };
  const generator = walkSteps(instance, name, options, state);
  Object.defineProperty(generator, "cursor", { get: () => state.cursor, enumerable: true });
  return generator;
}

// `loading` is the instantiation promise, or null where the module was
// instantiated synchronously before this call (Node, workerd).
export function createApi(wasm, loading) {
  let loaded = loading === null;
  let loadFailure = null;
  // A module that cannot load (missing file, a CSP without 'wasm-unsafe-eval')
  // is reported like every other failure, with the original as `cause`.
  const readyPromise = loaded
    ? Promise.resolve()
    : Promise.resolve(loading).then(
        () => {
          loaded = true;
        },
        (error) => {
          throw (loadFailure = new LinkedInNetworkError({
            code: "LOAD_FAILED",
            message: `the WebAssembly module could not be loaded (${error?.message ?? error}); check that the .wasm file is served next to the package and, in an extension, that the CSP allows 'wasm-unsafe-eval'`,
            cause: error,
          }));
        },
      );
  // Reported by ready() and by every call that needs the module.
  readyPromise.catch(() => {});

  // After a trap (a panic: a bug) the instance must be replaced before it is
  // used again; see src/wasm/recovery.rs for the three parts of this.
  let instanceGeneration = 0;
  const enter = () => wasm.__recoverIfNeeded();
  const fail = (error, signal) => {
    if (isInstanceFailure(error)) instanceGeneration += 1;
    // Only a trap means the current instance is broken; a stale-handle error
    // comes from an instance already replaced, and the current one is fine.
    if (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) wasm.__wbg_reset_state();
    throw withAbortReason(fromWasm(error), signal);
  };

  const notReady = (name) =>
    loadFailure ??
    invalidInput(`${name} was called before the WebAssembly module finished loading: await ready() first`);

  const pure = (name, body) => (options) => {
    if (!loaded) throw notReady(name);
    try {
      enter();
      return body(options ?? {});
    } catch (error) {
      return fail(error);
    }
  };

  const buildRequest = pure("buildRequest", (options) => JSON.parse(wasm.buildRequest(toJson(options))));
  const parseResponse = pure("parseResponse", ({ body, headers, ...rest }) =>
    JSON.parse(wasm.parseResponse(toJson({ ...rest, headers: headersObject(headers) }), body)));
  const planRequests = pure("planRequests", (options) => JSON.parse(wasm.planRequests(toJson(options))));
  const estimateCredits = pure("estimateCredits", (options) => JSON.parse(wasm.estimateCredits(toJson(options))));
  // Rust answers each added item as its position among `after`'s items (an
  // array, or its three lists one after another); the caller gets its own objects.
  const diffSnapshots = pure("diffSnapshots", (options) => {
    const changes = JSON.parse(wasm.diffSnapshots(toJson(options)));
    const { after } = options;
    const items = Array.isArray(after)
      ? after
      : [...(after?.sentInvitations ?? []), ...(after?.receivedInvitations ?? []), ...(after?.connections ?? [])];
    for (const name of RESOURCES) changes[name].added = changes[name].added.map((index) => items[index]);
    for (const pair of changes.accepted) pair.connection = items[pair.connection];
    return changes;
  });

  function createClient(options) {
    const { fetch, ...rest } = options ?? {};
    // Kept (in this closure only) to rebuild the handle after an instance restart.
    const settings = toJson(rest);
    let core = null;
    let coreGeneration = -1;
    const current = () => {
      if (core === null || coreGeneration !== instanceGeneration) {
        try {
          enter();
          core = wasm.createClientCore(settings, fetch);
        } catch (error) {
          fail(error);
        }
        coreGeneration = instanceGeneration;
      }
      return core;
    };
    // Where the module is already loaded (Node, workerd) bad options throw here.
    if (loaded) current();
    // Calls `use` with the handle. A handle from an instance that was
    // replaced throws before doing anything, so rebuilding it and calling
    // once more is safe.
    const withCore = (use) => {
      enter();
      try {
        return use(current());
      } catch (error) {
        if (!isInstanceFailure(error)) throw error;
        instanceGeneration += 1;
        return use(current());
      }
    };
    const coreWhenReady = async () => {
      await readyPromise;
      return withCore;
    };
    const coreNow = (name) => {
      if (!loaded) throw notReady(name);
      return withCore;
    };
    const actions = actionMethods({ coreWhenReady, fail, toJson, progressCallback });
    const resource = (name) => {
      const api = Object.freeze({
        ...actions[name],
        async list(options) {
          const { signal, ...rest } = options ?? {};
          const withCore = await coreWhenReady();
          let page;
          try {
            page = JSON.parse(await withCore((core) => core.list(name, toJson(rest), signal)));
          } catch (error) {
            return fail(error, signal);
          }
          // page.next(): the same list call from this page's cursor; null at the end.
          const { offset: _offset, cursor: _cursor, ...same } = options ?? {};
          const next = () => (page.hasMore ? api.list({ ...same, cursor: page.cursor }) : Promise.resolve(null));
          return Object.defineProperty(page, "next", { value: next });
        },
        async collect(options) {
          const { signal, onProgress, ...rest } = options ?? {};
          const withCore = await coreWhenReady();
          try {
            return JSON.parse(
              await withCore((core) => core.collect(name, toJson(rest), signal, progressCallback(onProgress))),
            );
          } catch (error) {
            return fail(error, signal);
          }
        },
        iterate(options) {
          return iterateSteps({ coreWhenReady, fail, generation: () => instanceGeneration }, name, options);
        },
        estimate(options) {
          try {
            return JSON.parse(coreNow("estimate")((core) => core.estimate(name, toJson(options ?? {}))));
          } catch (error) {
            return fail(error);
          }
        },
      });
      return api;
    };
    const client = {};
    for (const name of RESOURCES) client[name] = resource(name);
    // SPEC §8: what changed since `state`, at the price of the change.
    client.sync = async (options) => {
      const { signal, onProgress, ...rest } = options ?? {};
      const withCore = await coreWhenReady();
      try {
        return JSON.parse(await withCore((core) => core.sync(toJson(rest), signal, progressCallback(onProgress))));
      } catch (error) {
        return fail(error);
      }
    };
    return Object.freeze(client);
  }

  return {
    createClient,
    ready: () => readyPromise,
    buildRequest,
    parseResponse,
    planRequests,
    estimateCredits,
    diffSnapshots,
    LinkedInNetworkError,
  };
}
