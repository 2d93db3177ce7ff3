// The HTTP API (every route needs `Authorization: Bearer <ADMIN_TOKEN>`):
//
//   POST /accounts                      {id, provider, credentials | credentialsSecret, baseUrl?, intervalMinutes?, webhook?: {url, secret}}
//   GET  /accounts/:id                  status, schedule, sync version
//   PUT  /accounts/:id/credentials      {credentials}: new credentials, status back to active
//   POST /accounts/:id/resume           a paused account (credits topped up) back to active
//   GET  /accounts/:id/changes?since=<seq>&limit=<n ≤ 1000>   {accountId, changes, cursor}
//
// Credentials and webhook secrets are sealed before they reach D1 and never
// appear in an answer.

import { changeView } from "./record.js";
import { sameSecret, seal } from "./secrets.js";
import { changesSince, unmetered } from "./store.js";

const PROVIDERS = { "linkup-v2": "accountId", "linkup-v1": "loginToken", connectsafely: "accountId" };
const ID = /^[A-Za-z0-9._-]{1,64}$/;

class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const json = (value, status = 200) => Response.json(value, { status });
const nonEmpty = (value) => typeof value === "string" && value.length > 0;

function checkCredentials(provider, credentials) {
  const field = PROVIDERS[provider];
  if (!credentials || !nonEmpty(credentials.apiKey) || !nonEmpty(credentials[field])) {
    throw new Refusal(400, `credentials need apiKey and ${field} for ${provider}`);
  }
  return { apiKey: credentials.apiKey, [field]: credentials[field] };
}

async function createAccount(env, db, body) {
  if (!ID.test(body?.id ?? "")) throw new Refusal(400, "id: 1-64 of A-Z a-z 0-9 . _ -");
  if (!PROVIDERS[body.provider]) throw new Refusal(400, `provider: one of ${Object.keys(PROVIDERS).join(", ")}`);
  const bound = { accountId: body.id, provider: body.provider };
  const credentials = body.credentialsSecret ? null : await seal(env, { ...bound, purpose: "credentials" }, checkCredentials(body.provider, body.credentials));
  if (body.credentialsSecret && !/^[A-Z0-9_]{1,64}$/.test(body.credentialsSecret)) throw new Refusal(400, "credentialsSecret: a secret name");
  const interval = body.intervalMinutes ?? 60;
  if (!Number.isInteger(interval) || interval < 0) throw new Refusal(400, "intervalMinutes: an integer ≥ 0");
  if (body.webhook && (!nonEmpty(body.webhook.url) || !nonEmpty(body.webhook.secret))) throw new Refusal(400, "webhook: {url, secret}");
  const webhookSecret = body.webhook ? await seal(env, { ...bound, purpose: "webhook" }, body.webhook.secret) : null;
  const now = Date.now();
  const results = await db.batch([
    db.prepare(
      `INSERT OR IGNORE INTO accounts (id, provider, credentials, credentials_secret, base_url, interval_minutes, next_sync_at, webhook_url, webhook_secret, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?9)`,
    ).bind(body.id, body.provider, credentials, body.credentialsSecret ?? null, body.baseUrl ?? null, interval, body.webhook?.url ?? null, webhookSecret, now),
    db.prepare("INSERT OR IGNORE INTO sync_state (account_id, version) VALUES (?1, 0)").bind(body.id),
  ]);
  if (results[0].meta.changes !== 1) throw new Refusal(409, "an account with this id exists");
  return json({ id: body.id, provider: body.provider, status: "active" }, 201);
}

async function accountView(db, id) {
  const row = await db.first(
    db.prepare(
      `SELECT a.id, a.provider, a.status, a.last_error_code, a.next_sync_at, a.lease_until, a.last_sync_at, a.webhook_cursor, s.version, s.last_full_sync_at
       FROM accounts a JOIN sync_state s ON s.account_id = a.id WHERE a.id = ?1`,
    ).bind(id),
  );
  if (!row) throw new Refusal(404, "no such account");
  return json({
    id: row.id, provider: row.provider, status: row.status, lastErrorCode: row.last_error_code,
    nextSyncAt: row.next_sync_at, syncing: row.lease_until !== null, lastSyncAt: row.last_sync_at,
    version: row.version, lastFullSyncAt: row.last_full_sync_at, webhookCursor: row.webhook_cursor,
  });
}

async function replaceCredentials(env, db, id, body) {
  const row = await db.first(db.prepare("SELECT provider FROM accounts WHERE id = ?1").bind(id));
  if (!row) throw new Refusal(404, "no such account");
  const sealed = await seal(env, { accountId: id, provider: row.provider, purpose: "credentials" }, checkCredentials(row.provider, body?.credentials));
  await db.run(db.prepare("UPDATE accounts SET credentials = ?2, credentials_secret = NULL, status = 'active', last_error_code = NULL WHERE id = ?1").bind(id, sealed));
  return json({ id, status: "active" });
}

async function resume(db, id) {
  const { meta } = await db.run(db.prepare("UPDATE accounts SET status = 'active', last_error_code = NULL, next_sync_at = 0 WHERE id = ?1").bind(id));
  if (meta.changes !== 1) throw new Refusal(404, "no such account");
  return json({ id, status: "active" });
}

async function listChanges(db, id, url) {
  const since = Number(url.searchParams.get("since") ?? 0);
  const limit = Number(url.searchParams.get("limit") ?? 500);
  if (!Number.isSafeInteger(since) || since < 0) throw new Refusal(400, "since: a change seq ≥ 0");
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Refusal(400, "limit: 1..1000");
  const { results } = await changesSince(db, id, since, limit);
  const changes = results.map(changeView);
  return json({ accountId: id, changes, cursor: changes.length > 0 ? changes[changes.length - 1].seq : since });
}

async function route(request, env, db) {
  const url = new URL(request.url);
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const method = request.method;
  if (parts[0] !== "accounts") throw new Refusal(404, "not found");
  if (parts.length === 1 && method === "POST") return createAccount(env, db, await request.json());
  const id = parts[1];
  if (!ID.test(id ?? "")) throw new Refusal(404, "not found");
  if (parts.length === 2 && method === "GET") return accountView(db, id);
  if (parts.length === 3 && parts[2] === "changes" && method === "GET") return listChanges(db, id, url);
  if (parts.length === 3 && parts[2] === "credentials" && method === "PUT") return replaceCredentials(env, db, id, await request.json());
  if (parts.length === 3 && parts[2] === "resume" && method === "POST") return resume(db, id);
  throw new Refusal(404, "not found");
}

export async function handleRequest(request, env) {
  const token = (request.headers.get("authorization") ?? "").replace(/^Bearer /, "");
  if (!(await sameSecret(token, env.ADMIN_TOKEN))) return json({ error: "unauthorized" }, 401);
  try {
    return await route(request, env, unmetered(env.DB));
  } catch (error) {
    if (error instanceof Refusal) return json({ error: error.message }, error.status);
    if (error instanceof SyntaxError) return json({ error: "the body is not JSON" }, 400);
    console.error(`fleet: ${request.method} failed: ${error?.name}`);
    return json({ error: "internal error" }, 500);
  }
}
