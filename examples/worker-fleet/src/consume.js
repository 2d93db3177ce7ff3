// The queue consumer: one message = one account id. Each message of a batch
// runs its sync within its slice of the invocation's subrequests, commits
// state and changes exactly once (record.js), delivers the webhook, and
// re-enqueues itself when the sync stopped on its budget.
//
//   message ─▶ load account ─▶ sync({ state, maxRequests }) ─┬─ error ─▶ outcomes.js: retry(delay) | stop + ack
//                                                            └─ result ─▶ commit (CAS) ─┬─ stale: ack (another run won)
//                                                                                       └─ committed ─▶ webhook ─▶ complete? ack : send(id) + ack

import { createClient } from "linkedin-network";
import { RESERVED, slices } from "./meter.js";
import { outcomeOf } from "./outcomes.js";
import { changeRows, commitSync } from "./record.js";
import { credentialsOf } from "./secrets.js";
import { loadAccount, logRun, stopAccount } from "./store.js";
import { deliverWebhook } from "./webhook.js";

const HOUR_MS = 3_600_000;
const numberVar = (env, name, fallback) => (env[name] === undefined ? fallback : Number(env[name]));

function clientFor(account, credentials, slice, env) {
  const auth = account.provider === "linkup-v1"
    ? { apiKey: credentials.apiKey, loginToken: credentials.loginToken }
    : { apiKey: credentials.apiKey, accountId: credentials.accountId };
  return createClient({
    provider: account.provider,
    ...auth,
    ...(account.base_url ? { baseUrl: account.base_url } : {}),
    fetch: slice.fetch(),
    timeoutMs: numberVar(env, "PROVIDER_TIMEOUT_MS", 20000),
    // Short waits in the invocation; longer ones go back to the queue as a delay.
    retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1000 },
  });
}

async function syncMessage(message, env, slice) {
  const startedAt = Date.now();
  const db = slice.db(env.DB);
  const accountId = message.body?.accountId;
  const runLog = { messageId: message.id, attempt: message.attempts, startedAt, subrequests: 0 };
  if (typeof accountId !== "string") return message.ack();
  const account = await loadAccount(db, accountId);
  if (!account || account.status !== "active") return message.ack();

  const fullEveryMs = numberVar(env, "FULL_SYNC_HOURS", 168) * HOUR_MS;
  const full = account.state !== null && (!account.last_full_sync_at || Date.parse(account.last_full_sync_at) + fullEveryMs <= startedAt);
  const maxRequests = slice.limit - RESERVED;
  let credentials;
  try {
    credentials = await credentialsOf(env, account);
  } catch {
    // A rotated CREDENTIALS_KEY or a missing secret: no retry can fix it.
    const unreadable = { ...runLog, subrequests: slice.used };
    await stopAccount(db, { accountId, status: "needs-credentials", code: "CREDENTIALS_UNREADABLE", runLog: unreadable, now: Date.now() });
    return message.ack();
  }
  let result;
  try {
    result = await clientFor(account, credentials, slice, env).sync({ state: account.state, maxRequests, full });
  } catch (error) {
    const outcome = outcomeOf(error, {
      attempt: message.attempts,
      maxAttempts: numberVar(env, "MAX_ATTEMPTS", 10),
      retryBaseSeconds: numberVar(env, "RETRY_BASE_SECONDS", 30),
    });
    const failed = { ...runLog, requests: slice.fetches, credits: error.creditsUsed ?? 0, subrequests: slice.used };
    if (outcome.action === "retry") {
      await db.run(logRun(db, { accountId, outcome: "retry", code: outcome.code, runLog: failed, now: Date.now() }));
      return message.retry({ delaySeconds: outcome.delaySeconds });
    }
    const status = outcome.action === "stop" ? outcome.status : "active";
    await stopAccount(db, { accountId, status, code: outcome.code, runLog: failed, now: Date.now() });
    return message.ack();
  }

  if (!result.complete && result.state === account.state) {
    // The budget bought no progress: re-enqueueing would loop. The next cron tick tries again.
    const stalled = { ...runLog, requests: result.requests, credits: result.creditsUsed, subrequests: slice.used };
    await stopAccount(db, { accountId, status: "active", outcome: "stalled", code: "BUDGET_TOO_SMALL", runLog: stalled, now: Date.now() });
    return message.ack();
  }
  const { rows } = await changeRows(accountId, account.version, result.changes);
  const now = Date.now();
  const leaseMs = numberVar(env, "LEASE_MINUTES", 30) * 60_000;
  const { committed } = await commitSync(db, {
    accountId,
    baseVersion: account.version,
    runId: crypto.randomUUID(),
    result,
    rows,
    now,
    nextLease: now + leaseMs,
    runLog: { ...runLog, subrequests: slice.used },
  });
  if (!committed) return message.ack();
  if (account.webhook_url) await deliverWebhook(db, env, account, slice);
  if (!result.complete) {
    slice.take();
    await env.SYNC_QUEUE.send({ accountId }, { contentType: "json" });
  }
  return message.ack();
}

async function settle(message, env, slice) {
  try {
    await syncMessage(message, env, slice);
  } catch (error) {
    // D1 or Queues failed, or the slice ran out: nothing half-written stays (one transaction), so try again.
    console.error(`fleet: message of attempt ${message.attempts} failed: ${error?.name ?? "Error"} ${error?.code ?? ""}`);
    message.retry({ delaySeconds: numberVar(env, "RETRY_BASE_SECONDS", 30) });
  }
}

/** The `queue` handler: the messages of the batch run side by side, each in its slice. */
export async function consumeBatch(batch, env) {
  const parts = slices(env, batch.messages.length);
  await Promise.all(batch.messages.map((message, index) => settle(message, env, parts[index])));
}
