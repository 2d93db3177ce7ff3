// Test-only wrapper of the bundled Worker (copied next to index.js): the
// queue handler of CHAOS_CRASHES invocations processes only the first half of
// its batch, then throws — a consumer that dies mid-batch. Queues then
// redelivers the whole batch, committed messages included.

import worker from "./index.js";

let crashes = null;

export default {
  ...worker,
  async queue(batch, env, ctx) {
    crashes ??= Number(env.CHAOS_CRASHES ?? 0);
    if (crashes <= 0 || batch.messages.length < 2) return worker.queue(batch, env, ctx);
    crashes -= 1;
    const half = batch.messages.slice(0, Math.ceil(batch.messages.length / 2));
    await worker.queue({ ...batch, messages: half }, env, ctx);
    throw new Error("chaos: the consumer died mid-batch");
  },
};
