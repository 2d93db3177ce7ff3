// Unipile API v1 (NOTES "unipile"): paths under /api/v1, header X-API-KEY,
// query account_id on every call. Lists page with an opaque cursor (null at
// the end) bound to the list's version: a cursor used after its list changed
// is 400 errors/invalid_parameters. Errors are RFC 7807 bodies. Billed per
// connected account: every call costs 0 credits.

import { fullName, canonicalProfileUrl } from "./people.mjs";
import { bodyObject, jsonReply } from "./reply.mjs";
import { hashString, mix32 } from "./prng.mjs";
import { DAY_MS, linkupV1SentTime } from "./time.mjs";
import { textField, writeReply } from "./actions.mjs";

const BASE = "/api/v1/users";
const LISTS = {
  [`${BASE}/relations`]: { resource: "connections", object: "UserRelationsList", maxLimit: 1000, defaultLimit: 100 },
  [`${BASE}/invite/sent`]: { resource: "sentInvitations", object: "InvitationList", maxLimit: 100, defaultLimit: 10 },
  [`${BASE}/invite/received`]: { resource: "receivedInvitations", object: "InvitationList", maxLimit: 100, defaultLimit: 10 },
};
const SENT_ITEM = /^\/api\/v1\/users\/invite\/sent\/([^/]+)$/;
const RECEIVED_ITEM = /^\/api\/v1\/users\/invite\/received\/([^/]+)$/;
const HANDLE_ACTIONS = { accept: "accept", decline: "ignore" };

/** Generic fault codes → [status, type, title]. */
const ERRORS = {
  MISSING_CREDENTIALS: [401, "errors/missing_credentials", "Missing credentials"],
  INVALID_API_KEY: [401, "errors/invalid_credentials", "Invalid credentials"],
  UNAUTHORIZED: [401, "errors/invalid_credentials", "Invalid credentials"],
  DISCONNECTED_ACCOUNT: [401, "errors/disconnected_account", "Disconnected account"],
  ACCOUNT_RESTRICTED: [403, "errors/account_restricted", "Account restricted"],
  INVALID_PARAMS: [400, "errors/invalid_parameters", "Invalid parameters"],
  INVALID_INVITATION_ID: [400, "errors/invalid_invitation_id", "Invalid invitation id"],
  INVALID_ACCOUNT: [404, "errors/resource_not_found", "Resource not found."],
  NOT_FOUND: [404, "errors/resource_not_found", "Resource not found."],
  RATE_LIMITED: [429, "errors/too_many_requests", "Too many requests"],
  INSUFFICIENT_CREDITS: [403, "errors/feature_not_subscribed", "Feature not subscribed"],
  INTERNAL_ERROR: [500, "errors/unexpected_error", "Unexpected error"],
};

function errorReply(code, identity, env, { status, message } = {}) {
  // A raw `errors/...` type is sent as is (e.g. provider-error code "errors/cannot_resend_yet", status 422).
  const [defaultStatus, type, title] = ERRORS[code] ?? [400, code.startsWith("errors/") ? code : `errors/${code.toLowerCase()}`, code];
  const finalStatus = status ?? defaultStatus;
  return jsonReply(finalStatus, { status: finalStatus, type, title, detail: message ?? title, instance: identity.path ?? null });
}

/** A deterministic time of day (ms) for a person, so instants are not all on the hour. */
function timeOfDayMs(person) {
  return (mix32(hashString(person.memberId)) % 86_400) * 1000;
}

/** The instant `ageDays` whole days before the clock, at the person's time of day. */
function instantOf(item, nowMs) {
  return nowMs - item.ageDays * DAY_MS - timeOfDayMs(item.person);
}

/** Unipile's numeric member URN (not the fsd_profile one the other providers send). */
export function memberNumber(person) {
  return String(100_000_000 + (mix32(hashString(`member:${person.memberId}`)) % 900_000_000));
}

export function renderRelation(item, nowMs) {
  const p = item.person;
  return {
    object: "UserRelation",
    connection_urn: `urn:li:fsd_connection:${p.memberId}`,
    created_at: instantOf(item, nowMs),
    first_name: p.firstName,
    last_name: p.lastName ?? "",
    member_id: p.memberId,
    member_urn: `urn:li:member:${memberNumber(p)}`,
    headline: p.headline ?? "",
    public_identifier: p.slug ?? p.memberId,
    public_profile_url: canonicalProfileUrl(p),
    profile_picture_url: p.pictureUrl,
  };
}

/** `date` as LinkedIn shows it; `parsed_datetime` the instant, null for one item in eight (the text must do). */
function times(item, nowMs) {
  return {
    date: linkupV1SentTime(item.ageDays),
    parsed_datetime: item.seq % 8 === 5 ? null : new Date(instantOf(item, nowMs)).toISOString(),
  };
}

/** A sent invitation's accept token is never used; derived from its id. */
const sentSecret = (item) => mix32(hashString(item.idText)).toString(36);

export function renderSentUnipile(item, nowMs) {
  const p = item.person;
  return {
    object: "InvitationSent",
    id: item.idText,
    ...times(item, nowMs),
    invitation_text: item.message,
    invited_user: fullName(p),
    invited_user_id: p.memberId,
    invited_user_public_id: p.slug ?? p.memberId,
    invited_user_description: p.headline ?? "",
    specifics: { provider: "LINKEDIN", shared_secret: sentSecret(item) },
  };
}

export function renderReceivedUnipile(item, nowMs) {
  const p = item.person;
  return {
    object: "InvitationReceived",
    id: item.idText,
    ...times(item, nowMs),
    invitation_text: item.message,
    inviter: {
      inviter_name: fullName(p),
      inviter_id: p.memberId,
      inviter_public_identifier: p.slug ?? p.memberId,
      inviter_description: p.headline ?? "",
    },
    specifics: { provider: "LINKEDIN", shared_secret: item.sharedSecret },
  };
}

const RENDER = { connections: renderRelation, sentInvitations: renderSentUnipile, receivedInvitations: renderReceivedUnipile };

// Cursors: base64url of {r, o, v, a} — resource, offset, the list's version,
// a tag of the account. Opaque to the client; checked whole here.
const accountTag = (account) => mix32(hashString(`unipile:${account}`)).toString(36);

export function encodeCursor({ resource, offset, version, account }) {
  return Buffer.from(JSON.stringify({ r: resource, o: offset, v: version, a: accountTag(account) }), "utf8").toString("base64url");
}

function decodeCursor(text) {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (value && typeof value.r === "string" && Number.isInteger(value.o) && value.o >= 0 && Number.isInteger(value.v) && typeof value.a === "string") return value;
  } catch {
    // Not one of ours.
  }
  return null;
}

/** The list unipile shows: received invitations from people only (CONNECTION). */
function visibleList(account, resource) {
  const list = account.list(resource);
  return resource === "receivedInvitations" ? list.filter((item) => item.category === "CONNECTION") : list;
}

function serveList(request, identity, env) {
  const spec = LISTS[request.path];
  const invalid = (message) => errorReply("INVALID_PARAMS", identity, env, { message });
  const limitText = request.query.limit;
  const limit = limitText === undefined ? spec.defaultLimit : /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1 && limit <= spec.maxLimit)) return invalid(`limit must be an integer from 1 to ${spec.maxLimit}`);
  const account = env.network.account(identity.account);
  const version = account.versions[spec.resource];
  let offset = 0;
  if (request.query.cursor !== undefined) {
    const cursor = decodeCursor(request.query.cursor);
    if (!cursor || cursor.r !== spec.resource || cursor.a !== accountTag(identity.account)) return invalid("Invalid cursor");
    if (cursor.v !== version) return invalid("The cursor is no longer valid: the list has changed since it was issued");
    offset = cursor.o;
  }
  const list = visibleList(account, spec.resource);
  const page = list.slice(offset, offset + limit);
  const next = offset + page.length;
  return jsonReply(200, {
    object: spec.object,
    items: page.map((item) => RENDER[spec.resource](item, env.nowMs)),
    cursor: next < list.length ? encodeCursor({ resource: spec.resource, offset: next, version, account: identity.account }) : null,
  });
}

/** DELETE /invite/sent/{id}: 400 invalid_invitation_id for a malformed id, 404 when it is not pending. */
function serveCancel(identity, env) {
  const write = { action: "withdraw", invitationId: identity.invitationId };
  if (!/^\d+$/.test(identity.invitationId)) {
    return writeReply(errorReply("INVALID_INVITATION_ID", identity, env, { message: "The invitation id is malformed" }), { ...write, outcome: "invalid" });
  }
  const account = env.network.account(identity.account);
  const item = account.findInvitation("sentInvitations", identity.invitationId);
  if (!item) return writeReply(errorReply("NOT_FOUND", identity, env, { message: "Invitation not found" }), { ...write, outcome: "notPending" });
  return writeReply(jsonReply(200, { object: "InvitationCanceled" }), { ...write, outcome: "withdrawn", commit: () => account.remove(item) });
}

/** POST /invite/received/{id} {provider: "LINKEDIN", shared_secret, account_id, action: accept | decline}. */
function serveHandle(request, identity, env) {
  const body = bodyObject(request);
  const write = { action: identity.action, invitationId: identity.invitationId };
  const invalid = (message) => writeReply(errorReply("INVALID_PARAMS", identity, env, { message }), { ...write, outcome: "invalid" });
  if (!body) return invalid("The body must be a JSON object");
  if (body.provider !== "LINKEDIN") return invalid("provider must be LINKEDIN");
  if (!HANDLE_ACTIONS[body.action]) return invalid("action must be accept or decline");
  if (!textField(body, "shared_secret")) return invalid("shared_secret is required");
  if (!/^\d+$/.test(identity.invitationId)) {
    return writeReply(errorReply("INVALID_INVITATION_ID", identity, env, { message: "The invitation id is malformed" }), { ...write, outcome: "invalid" });
  }
  const account = env.network.account(identity.account);
  const item = account.findInvitation("receivedInvitations", identity.invitationId);
  if (!item) return writeReply(errorReply("NOT_FOUND", identity, env, { message: "Invitation not found" }), { ...write, outcome: "notPending" });
  if (item.sharedSecret !== body.shared_secret) return invalid("shared_secret does not match this invitation");
  const accepting = body.action === "accept";
  return writeReply(jsonReply(200, { object: "UserInvitationHandled", status: accepting ? "ACCEPTED" : "DECLINED" }), {
    ...write,
    outcome: accepting ? "accepted" : "ignored",
    commit: () => (accepting ? account.accept(item) : account.remove(item)),
  });
}

export const unipile = {
  id: "unipile",

  route(path) {
    if (LISTS[path]) return { methods: ["GET"] };
    if (SENT_ITEM.test(path)) return { methods: ["DELETE"] };
    if (RECEIVED_ITEM.test(path)) return { methods: ["POST"] };
    return null;
  },

  identify(request) {
    const body = bodyObject(request);
    const sent = SENT_ITEM.exec(request.path);
    const received = RECEIVED_ITEM.exec(request.path);
    const accountId = request.query.account_id || (received && textField(body, "account_id")) || null;
    let action = null;
    if (sent) action = "withdraw";
    if (received) action = HANDLE_ACTIONS[body?.action] ?? "handle";
    let invitationId = null;
    try {
      invitationId = decodeURIComponent((sent ?? received)?.[1] ?? "") || null;
    } catch {
      invitationId = (sent ?? received)[1];
    }
    return {
      resource: LISTS[request.path]?.resource ?? (sent ? "sentInvitations" : "receivedInvitations"),
      action,
      apiKey: request.headers["x-api-key"] || null,
      account: accountId,
      write: action !== null,
      invitationId,
      path: request.path,
    };
  },

  serve(request, identity, env) {
    if (!identity.apiKey) return errorReply("MISSING_CREDENTIALS", identity, env, { message: "The X-API-KEY header is missing" });
    if (!env.auth.acceptsApiKey(identity.apiKey)) return errorReply("INVALID_API_KEY", identity, env);
    if (!identity.account) return errorReply("INVALID_PARAMS", identity, env, { message: "account_id is required" });
    if (!env.auth.acceptsAccount(identity.account)) return errorReply("NOT_FOUND", identity, env, { message: "Account not found" });
    if (identity.action === "withdraw") return serveCancel(identity, env);
    if (identity.write) return serveHandle(request, identity, env);
    return serveList(request, identity, env);
  },

  errorReply,

  /** Where the `wrong-type` fault puts a value of the wrong JSON type. */
  wrongTypeTarget(payload, field, identity) {
    const list = payload?.items;
    const first = Array.isArray(list) && list.length > 0 ? list[0] : null;
    switch (field) {
      case "headline":
        if (first?.inviter) return { target: first.inviter, key: "inviter_description", value: 42, path: "items[0].inviter.inviter_description" };
        if (first && "invited_user_description" in first) return { target: first, key: "invited_user_description", value: 42, path: "items[0].invited_user_description" };
        if (first) return { target: first, key: "headline", value: 42, path: "items[0].headline" };
        break;
      case "id":
        if (first?.id) return { target: first, key: "id", value: { id: first.id }, path: "items[0].id" };
        if (first) return { target: first, key: "public_profile_url", value: { url: first.public_profile_url }, path: "items[0].public_profile_url" };
        break;
      case "list":
        if (list) return { target: payload, key: "items", value: {}, path: "items" };
        break;
      case "success":
        if (payload && "object" in payload) return { target: payload, key: "object", value: 42, path: "object" };
        break;
      default:
        break;
    }
    // No total: the cursor (the has-more signal) becomes a number.
    if (payload && "cursor" in payload) return { target: payload, key: "cursor", value: 1, path: "cursor" };
    return { target: payload, key: "status", value: String(payload?.status), path: "status" };
  },
};
