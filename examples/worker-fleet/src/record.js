// Exactly-once recording of one sync in one D1 transaction (`db.batch`):
//
//   1. UPDATE sync_state … WHERE version = <the version the sync started from>
//      (compare-and-set; it also writes this run's id into the row)
//   2. INSERT OR IGNORE INTO changes … WHERE the row holds this run's id
//      (the changes go in only with the state that produced them)
//   3. the account's schedule and 4. the run log, under the same condition.
//
// A redelivered message, a retried batch or a second consumer that started
// from the same version finds the version moved: its statements match
// nothing, so it writes nothing twice. A change's id is the hash of account,
// base version, resource, kind and item key, so even a replay of the very
// same commit inserts no row again.

import { digest } from "./secrets.js";

const LISTS = ["sentInvitations", "receivedInvitations", "connections"];
/** Bound JSON text per INSERT statement (D1: a string ≤ 2 MB). */
const CHUNK_CHARS = 900_000;
export const MAX_CHUNKS = 3;

const connectionKey = (connection) => connection.person?.profileUrl ?? connection.person?.memberId ?? null;
const addedKey = (resource, item) => (resource === "connections" ? connectionKey(item) : item.id);

/** The rows of a sync's `changes`, in list order: added and removed per list, then accepted pairs. */
export async function changeRows(accountId, baseVersion, changes) {
  const rows = [];
  for (const resource of LISTS) {
    for (const item of changes[resource].added) rows.push({ resource, kind: "added", key: addedKey(resource, item), item });
    for (const item of changes[resource].removed) rows.push({ resource, kind: "removed", key: item.key, item });
  }
  for (const pair of changes.accepted) rows.push({ resource: "accepted", kind: "accepted", key: pair.invitation.key, item: pair });
  const keyed = rows.filter((row) => typeof row.key === "string" && row.key !== "");
  for (const row of keyed) row.id = (await digest(accountId, baseVersion, row.resource, row.kind, row.key)).slice(0, 40);
  return { rows: keyed, unkeyed: rows.length - keyed.length };
}

function chunks(rows) {
  const out = [];
  let current = [];
  let size = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (current.length > 0 && size + text.length > CHUNK_CHARS) {
      out.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0) out.push(`[${current.join(",")}]`);
  return out;
}

const OURS = "EXISTS (SELECT 1 FROM sync_state WHERE account_id = ?1 AND run_id = ?2)";

/**
 * Commits `result` of a sync that started from `baseVersion`; resolves to
 * `{ committed, version, statements }`. `runLog` is the sync_runs row.
 */
export async function commitSync(db, { accountId, baseVersion, runId, result, rows, now, nextLease, runLog }) {
  const version = baseVersion + 1;
  const parts = chunks(rows);
  if (parts.length > MAX_CHUNKS) throw new Error(`a sync of ${rows.length} changes needs ${parts.length} statements, more than reserved`);
  const statements = [
    db.prepare(
      "UPDATE sync_state SET version = ?3, state = ?4, run_id = ?2, last_full_sync_at = ?5, updated_at = ?6 WHERE account_id = ?1 AND version = ?7",
    ).bind(accountId, runId, version, result.state, result.lastFullSyncAt, now, baseVersion),
    ...parts.map((json) =>
      db.prepare(
        `INSERT OR IGNORE INTO changes (id, account_id, version, resource, kind, item_key, baseline, item, recorded_at)
         SELECT value ->> 'id', ?1, ?3, value ->> 'resource', value ->> 'kind', value ->> 'key', ?4, json(value -> 'item'), ?5
         FROM json_each(?6) WHERE ${OURS}`,
      ).bind(accountId, runId, version, result.changes.baseline ? 1 : 0, now, json),
    ),
    db.prepare(
      `UPDATE accounts SET last_sync_at = ?3, lease_until = ?4, status = 'active', last_error_code = NULL WHERE id = ?1 AND ${OURS}`,
    ).bind(accountId, runId, now, result.complete ? null : nextLease),
    db.prepare(
      `INSERT INTO sync_runs (account_id, message_id, attempt, outcome, complete, stop_reason, requests, credits, changes, subrequests, started_at, finished_at)
       VALUES (?1, ?3, ?4, CASE WHEN ${OURS} THEN 'committed' ELSE 'stale' END, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    ).bind(
      accountId, runId, runLog.messageId, runLog.attempt, result.complete ? 1 : 0, result.stopReason, result.requests,
      result.creditsUsed, rows.length, runLog.subrequests + 3 + parts.length, runLog.startedAt, now,
    ),
  ];
  const results = await db.batch(statements);
  return { committed: results[0].meta.changes === 1, version, statements: statements.length };
}

/** The JSON form of a changes row (the API and the webhook). */
export function changeView(row) {
  return {
    seq: row.seq,
    id: row.id,
    version: row.version,
    resource: row.resource,
    kind: row.kind,
    key: row.item_key,
    baseline: row.baseline === 1,
    item: JSON.parse(row.item),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

export const CHANGE_COLUMNS = "seq, id, version, resource, kind, item_key, baseline, item, recorded_at";
