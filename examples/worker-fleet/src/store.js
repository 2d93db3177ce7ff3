// The D1 queries of the accounts and their sync state (the commit itself is
// in record.js). Every function takes the metered db of meter.js or the raw
// binding wrapped by `unmetered`.

import { CHANGE_COLUMNS } from "./record.js";

/** The raw binding with the metered interface (HTTP routes and cron are not sliced). */
export function unmetered(db) {
  return {
    prepare: (sql) => db.prepare(sql),
    batch: (statements) => db.batch(statements),
    first: (statement) => statement.first(),
    all: (statement) => statement.all(),
    run: (statement) => statement.run(),
  };
}

/** The account row joined with its sync state, or null. */
export function loadAccount(db, accountId) {
  return db.first(
    db.prepare(
      `SELECT a.*, s.version, s.state, s.last_full_sync_at FROM accounts a JOIN sync_state s ON s.account_id = a.id WHERE a.id = ?1`,
    ).bind(accountId),
  );
}

/** Ends the account's lease with a status (and logs the run) in one batch. */
export function stopAccount(db, { accountId, status, code, runLog, now, outcome = status === "active" ? "gave-up" : status }) {
  return db.batch([
    db.prepare("UPDATE accounts SET status = ?2, last_error_code = ?3, lease_until = NULL WHERE id = ?1").bind(accountId, status, code),
    logRun(db, { accountId, outcome, code, runLog, now }),
  ]);
}

/** The sync_runs row of a run that committed nothing. */
export function logRun(db, { accountId, outcome, code, runLog, now }) {
  return db.prepare(
    `INSERT INTO sync_runs (account_id, message_id, attempt, outcome, error_code, requests, credits, subrequests, started_at, finished_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
  ).bind(accountId, runLog.messageId, runLog.attempt, outcome, code ?? null, runLog.requests ?? 0, runLog.credits ?? 0, runLog.subrequests, runLog.startedAt, now);
}

/** Recorded changes after `since` (a seq), oldest first. */
export function changesSince(db, accountId, since, limit) {
  return db.all(
    db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE account_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3`).bind(accountId, since, limit),
  );
}

/**
 * Claims the accounts due at `now` (active, next sync reached, no live lease):
 * sets their lease and next sync time; resolves to their ids.
 */
export async function claimDue(db, { now, leaseUntil, limit }) {
  const { results } = await db.all(
    db.prepare(
      `UPDATE accounts SET lease_until = ?2, next_sync_at = ?1 + interval_minutes * 60000
       WHERE id IN (SELECT id FROM accounts WHERE status = 'active' AND next_sync_at <= ?1 AND (lease_until IS NULL OR lease_until <= ?1)
                    ORDER BY next_sync_at LIMIT ?3)
       RETURNING id`,
    ).bind(now, leaseUntil, limit),
  );
  return results.map((row) => row.id);
}
