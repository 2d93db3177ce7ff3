// The Cron Trigger: claim the due accounts (a lease, so a tick never
// enqueues an account whose sync is still running) and send one message per
// account — its id only, never a credential. 100 per sendBatch (the Queues
// limit); two subrequests per 100 accounts, within the cron's own limit.

import { invocationLimit } from "./meter.js";
import { claimDue, unmetered } from "./store.js";

const PER_BATCH = 100;

export async function enqueueDue(controller, env) {
  const db = unmetered(env.DB);
  const now = controller.scheduledTime ?? Date.now();
  const leaseUntil = now + Number(env.LEASE_MINUTES ?? 30) * 60_000;
  const rounds = Math.floor((invocationLimit(env) - 1) / 2);
  let enqueued = 0;
  for (let round = 0; round < rounds; round += 1) {
    const ids = await claimDue(db, { now, leaseUntil, limit: PER_BATCH });
    if (ids.length === 0) break;
    await env.SYNC_QUEUE.sendBatch(ids.map((accountId) => ({ body: { accountId }, contentType: "json" })));
    enqueued += ids.length;
    if (ids.length < PER_BATCH) break;
  }
  console.log(`fleet: cron enqueued ${enqueued} accounts`);
  return enqueued;
}
