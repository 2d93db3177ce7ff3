// The optional per-account webhook: every committed change is POSTed once
// the commit is in D1, in order, in bodies of at most PAGE changes, signed
// `X-Signature: sha256=<hex HMAC-SHA256(secret, body)>`. The account's
// webhook_cursor moves only after a 2xx, so delivery is at least once: what a
// failed POST or a spent slice leaves is sent first by the next run. Receivers
// dedupe on the change `id`.

import { changeView } from "./record.js";
import { open, signature } from "./secrets.js";
import { changesSince } from "./store.js";

const PAGE = 500;
/** A select, a POST and a cursor update; and one kept for the re-enqueue. */
const ROUND = 3;
const KEEP = 1;

export async function deliverWebhook(db, env, account, slice) {
  const secret = await open(env, { accountId: account.id, provider: account.provider, purpose: "webhook" }, account.webhook_secret);
  let cursor = account.webhook_cursor;
  while (slice.remaining >= ROUND + KEEP) {
    const { results } = await changesSince(db, account.id, cursor, PAGE);
    if (results.length === 0) return;
    const last = results[results.length - 1].seq;
    const body = JSON.stringify({ accountId: account.id, after: cursor, cursor: last, changes: results.map(changeView) });
    slice.take();
    let response;
    try {
      response = await fetch(account.webhook_url, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/json", "x-signature": await signature(secret, body) },
        body,
      });
    } catch {
      return;
    }
    await response.body?.cancel();
    if (!response.ok) return;
    await db.run(db.prepare("UPDATE accounts SET webhook_cursor = MAX(webhook_cursor, ?2) WHERE id = ?1").bind(account.id, last));
    cursor = last;
    if (results.length < PAGE) return;
  }
}
