// Test-only wrapper of the bundled Worker (copied next to index.js):
// - CHAOS_CRASHES invocations of the queue handler process only the first
//   half of their batch, then throw: a consumer that dies mid-batch (Queues
//   redelivers the whole batch, committed messages included);
// - CHAOS_CUTS invocations are cut like the platform cuts one past its
//   subrequest limit: after CHAOS_CUT_AT fetches every further fetch throws.

import worker from "./index.js";

let crashes = null;
let cuts = null;
let fetches = 0;
let cutting = false;
const platformFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  fetches += 1;
  if (cutting && fetches > cutAt) {
    cutHappened = true;
    return Promise.reject(new Error("Too many subrequests."));
  }
  return platformFetch(input, init);
};
let cutAt = Infinity;
let cutHappened = false;

/** What chaos did, for the test to check it happened (chaos_events in D1). */
async function note(env, kind) {
  await env.DB.prepare("CREATE TABLE IF NOT EXISTS chaos_events (kind TEXT NOT NULL)").run();
  await env.DB.prepare("INSERT INTO chaos_events (kind) VALUES (?1)").bind(kind).run();
}

export default {
  ...worker,
  async queue(batch, env, ctx) {
    crashes ??= Number(env.CHAOS_CRASHES ?? 0);
    cuts ??= Number(env.CHAOS_CUTS ?? 0);
    cutAt = Number(env.CHAOS_CUT_AT ?? Infinity);
    fetches = 0;
    cutHappened = false;
    for (const message of batch.messages) {
      if (JSON.stringify(Object.keys(message.body ?? {})) !== '["accountId"]') await note(env, "body-with-more-than-the-account-id");
    }
    cutting = cuts > 0;
    if (crashes <= 0 || batch.messages.length < 2) {
      await worker.queue(batch, env, ctx);
      if (cutting && cutHappened) {
        cuts -= 1;
        await note(env, "cut");
      }
      return;
    }
    crashes -= 1;
    const half = batch.messages.slice(0, Math.ceil(batch.messages.length / 2));
    await worker.queue({ messages: half }, env, ctx);
    await note(env, "crash");
    throw new Error("chaos: the consumer died mid-batch");
  },
};
