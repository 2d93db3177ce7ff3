// The actions of SPEC §9 over the WebAssembly client: `withdraw` and
// `withdrawStale` on sentInvitations, `accept` and `ignore` on
// receivedInvitations. Converts and forwards; every rule (what is retried,
// what stops a run, what a dry run prices) is in Rust.

import { LinkedInNetworkError } from "./errors.js";

/**
 * The action methods of each resource, built from the client's helpers:
 * `coreWhenReady` (the handle once loaded), `fail` (a thrown payload as a
 * LinkedInNetworkError), `toJson`, `progressCallback`.
 */
export function actionMethods({ coreWhenReady, fail, toJson, progressCallback }) {
  const act = (action) => async (invitation, options) => {
    const { signal } = options ?? {};
    const withCore = await coreWhenReady();
    try {
      return JSON.parse(await withCore((core) => core.act(action, toJson(invitation), signal)));
    } catch (error) {
      return fail(error, signal);
    }
  };
  async function withdrawStale(options) {
    const { signal, onProgress, ...rest } = options ?? {};
    const withCore = await coreWhenReady();
    try {
      const result = JSON.parse(
        await withCore((core) => core.withdrawStale(toJson(rest), signal, progressCallback(onProgress))),
      );
      // Each failed withdrawal's error as the same Error subclass a thrown one is.
      for (const entry of result.results ?? []) {
        if (entry.error) entry.error = new LinkedInNetworkError(entry.error);
      }
      return result;
    } catch (error) {
      return fail(error, signal);
    }
  }
  return {
    sentInvitations: { withdraw: act("withdraw"), withdrawStale },
    receivedInvitations: { accept: act("accept"), ignore: act("ignore") },
    connections: {},
  };
}
