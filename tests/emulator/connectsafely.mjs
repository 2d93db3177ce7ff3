// ConnectSafely: `GET /linkedin/...` with `Authorization: Bearer <key>`.
// startIndex pagination with fixed pages (invitations 10, connections at most
// 12), no total and no has-more: a short page ends the list. Seat-billed, so
// every call costs 0 credits. Errors are `{error: string}`.

import { LINKEDIN_INVITATION_TYPE } from "./data.mjs";
import { utcDayBefore, connectedDateText, connectSafelyAgo } from "./time.mjs";
import { bodyObject, jsonReply } from "./reply.mjs";
import { textField, writeReply } from "./actions.mjs";

const ROUTES = {
  "/linkedin/invitations/sent": { resource: "sentInvitations", methods: ["GET"] },
  "/linkedin/invitations/received": { resource: "receivedInvitations", methods: ["GET"] },
  "/linkedin/connections": { resource: "connections", methods: ["GET"] },
  "/linkedin/invitations/withdraw": { resource: "sentInvitations", methods: ["POST"], action: "withdraw" },
  "/linkedin/invitations/received/respond": { resource: "receivedInvitations", methods: ["POST"], action: "respond" },
};
const RESPOND_ACTIONS = { ACCEPT: "accept", IGNORE: "ignore" };
const RESPOND_REQUIRED = ["invitationId", "validationToken", "linkedInInvitationType", "firstName", "lastName"];
const INVITATION_PAGE = 10;
const MAX_CONNECTIONS_LIMIT = 12;
const SORT_ORDERS = ["recentlyAdded", "firstName", "lastName"];
// Documented: 60 requests a minute. Reported in X-RateLimit-*, never enforced
// (a test asks for a 429 with the rate-limit fault).
const RATE_LIMIT_PER_MINUTE = 60;

const ERRORS = {
  UNAUTHORIZED: [401, "Unauthorized - invalid or missing authentication"],
  NOT_FOUND: [404, "No active LinkedIn account found"],
  RATE_LIMITED: [429, "Too many requests, please try again later."],
  INTERNAL_ERROR: [500, "Server error while fetching data"],
  INSUFFICIENT_CREDITS: [402, "Insufficient credits"],
};
const ERROR_ALIASES = { INVALID_API_KEY: "UNAUTHORIZED", INVALID_ACCOUNT: "NOT_FOUND", ACCOUNT_INACTIVE: "NOT_FOUND" };

function profileOf(person, { withHeadline = true } = {}) {
  const profile = { firstName: person.firstName, lastName: person.lastName ?? "" };
  if (withHeadline) profile.headline = person.headline ?? "";
  profile.profileUrl = person.urls.connectsafely;
  // A member-id profile has no vanity name: ConnectSafely then shows what its
  // URL shows, the member id.
  profile.publicIdentifier = person.slug ?? person.memberId;
  return profile;
}

export function renderSentInvitationCs(item) {
  const p = item.person;
  return {
    id: item.idText,
    invitationId: item.idText,
    invitationUrn: `urn:li:invitation:${item.idText}`,
    memberId: p.memberId,
    memberUrn: `urn:li:fsd_profile:${p.memberId}`,
    invitationType: "SENT",
    sentAt: connectSafelyAgo(item.ageDays),
    profile: profileOf(p),
  };
}

/**
 * A received invitation. As in the doc example, an invitation from an
 * organisation (anything but CONNECTION) has `memberId`/`memberUrn` "" and a
 * profile without `headline`, and names the organisation in `companyName`.
 */
export function renderReceivedInvitationCs(item) {
  const p = item.person;
  const fromMember = item.category === "CONNECTION";
  return {
    id: item.idText,
    invitationId: item.idText,
    invitationUrn: `urn:li:invitation:${item.idText}`,
    memberId: fromMember ? p.memberId : "",
    memberUrn: fromMember ? `urn:li:fsd_profile:${p.memberId}` : "",
    invitationType: "RECEIVED",
    invitationCategory: item.category,
    linkedInInvitationType: `GenericInvitationType_${LINKEDIN_INVITATION_TYPE[item.category]}`,
    validationToken: item.sharedSecret,
    receivedAt: connectSafelyAgo(item.ageDays),
    companyName: p.companyName ?? "",
    profile: profileOf(p, { withHeadline: fromMember }),
  };
}

export function renderConnectionCs(item, nowMs) {
  const p = item.person;
  return {
    firstName: p.firstName,
    lastName: p.lastName ?? "",
    vanityName: p.slug ?? p.memberId,
    headline: p.headline ?? "",
    connectedDate: connectedDateText(utcDayBefore(nowMs, item.ageDays)),
    profileUrl: p.urls.connectsafely,
  };
}

/** `{error}` as the endpoint pages show; `envelope: "overview"`: `{success: false, code, message}`. */
function errorReply(code, identity, env, { status, message, envelope } = {}) {
  const name = ERROR_ALIASES[code] ?? code;
  const [defaultStatus, defaultMessage] = ERRORS[name] ?? [400, code];
  const text = message ?? defaultMessage;
  const payload = envelope === "overview" ? { success: false, code: name, message: text } : { error: text };
  return jsonReply(status ?? defaultStatus, payload);
}

const badRequest = (message) => jsonReply(400, { error: message });

/** A query integer: absent → fallback; digits only, else NaN. */
function queryInteger(value, fallback) {
  if (value === undefined || value === "") return fallback;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** A write's refusal: `{success: false, error}` (the brief's form where NOTES gives none). */
const refusal = (status, error) => jsonReply(status, { success: false, error });

function serveWithdraw(request, identity, env) {
  const write = { action: "withdraw" };
  const body = bodyObject(request);
  if (!body) return writeReply(badRequest("The body must be a JSON object"), { ...write, outcome: "invalid" });
  // Documented: profileId is required; a profileUrn may stand in for it.
  let profileId = textField(body, "profileId");
  if (!profileId && typeof body.profileUrn === "string") profileId = body.profileUrn.replace(/^urn:li:fsd_profile:/, "");
  if (!profileId) return writeReply(badRequest("profileId is required"), { ...write, outcome: "invalid" });
  const account = env.network.account(identity.account);
  const person = account.findPerson(profileId);
  const wanted = textField(body, "invitationId");
  write.invitationId = wanted;
  if (!person) return writeReply(jsonReply(404, { error: "Profile not found" }), { ...write, outcome: "notFound" });
  const pending = account
    .list("sentInvitations")
    .find((item) => item.person === person && (wanted === null || item.idText === wanted));
  if (!pending) return writeReply(refusal(400, "No pending invitation found for this profile"), { ...write, outcome: "notPending" });
  write.invitationId = pending.idText;
  const reply = jsonReply(200, {
    success: true,
    message: "Invitation withdrawn successfully",
    profileId,
    invitationId: pending.idText,
    accountId: identity.account,
  });
  return writeReply(reply, { ...write, outcome: "withdrawn", commit: () => account.remove(pending) });
}

/**
 * POST /invitations/received/respond {action: ACCEPT | IGNORE, invitationId,
 * validationToken, linkedInInvitationType, firstName, lastName} (all
 * required; profileId optional). The token must be the invitation's.
 */
function serveRespond(request, identity, env) {
  const body = bodyObject(request);
  const write = { action: identity.action };
  const invalid = (message) => writeReply(refusal(400, message), { ...write, outcome: "invalid" });
  if (!body) return invalid("The body must be a JSON object");
  if (!RESPOND_ACTIONS[body.action]) return invalid("action must be ACCEPT or IGNORE");
  // A first-name-only person has lastName "": present as a string is enough for the names.
  for (const name of RESPOND_REQUIRED) {
    const given = name.endsWith("Name") ? typeof body[name] === "string" : textField(body, name) !== null;
    if (!given) return invalid(`${name} is required`);
  }
  write.invitationId = body.invitationId;
  const account = env.network.account(identity.account);
  const item = account.findInvitation("receivedInvitations", body.invitationId);
  if (!item) return writeReply(refusal(400, "No pending invitation found with this id"), { ...write, outcome: "notPending" });
  if (item.sharedSecret !== body.validationToken) return invalid("validationToken does not match this invitation");
  const accepting = body.action === "ACCEPT";
  const reply = jsonReply(200, {
    success: true,
    message: accepting ? "Invitation accepted successfully" : "Invitation ignored successfully",
    accountId: identity.account,
  });
  return writeReply(reply, {
    ...write,
    outcome: accepting ? "accepted" : "ignored",
    commit: () => (accepting ? account.accept(item) : account.remove(item)),
  });
}

function serveList(request, identity, env) {
  const startIndex = queryInteger(request.query.startIndex, 0);
  if (!Number.isInteger(startIndex)) return badRequest("startIndex must be a non-negative integer");
  const list = env.network.account(identity.account).list(identity.resource);
  if (identity.resource !== "connections") {
    const invitations = list.slice(startIndex, startIndex + INVITATION_PAGE);
    const render = identity.resource === "sentInvitations" ? renderSentInvitationCs : renderReceivedInvitationCs;
    return jsonReply(200, {
      success: true,
      invitations: invitations.map(render),
      count: invitations.length,
      startIndex,
      accountId: identity.account,
    });
  }
  const limit = queryInteger(request.query.limit, 10);
  if (!(limit >= 1 && limit <= MAX_CONNECTIONS_LIMIT)) return badRequest(`limit must be between 1 and ${MAX_CONNECTIONS_LIMIT}`);
  const sortBy = request.query.sortBy || "recentlyAdded";
  if (!SORT_ORDERS.includes(sortBy)) return badRequest(`sortBy must be one of ${SORT_ORDERS.join(", ")}`);
  // The doc's connections envelope has no `count`: startIndex, limit, sortBy, accountId.
  return jsonReply(200, {
    success: true,
    connections: list.slice(startIndex, startIndex + limit).map((item) => renderConnectionCs(item, env.nowMs)),
    startIndex,
    limit,
    sortBy,
    accountId: identity.account,
  });
}

/** ConnectSafely's provider object; it keeps a per-key minute window for the X-RateLimit-* headers. */
export function createConnectSafely() {
  let windows = new Map();
  return {
    id: "connectsafely",

    route(path) {
      return ROUTES[path] ?? null;
    },

    identify(request) {
      const body = bodyObject(request);
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
      const accountId = request.query.accountId || (typeof body?.accountId === "string" && body.accountId) || null;
      let action = ROUTES[request.path].action ?? null;
      if (action === "respond") action = RESPOND_ACTIONS[body?.action] ?? "respond";
      return {
        resource: ROUTES[request.path].resource,
        action,
        write: action !== null,
        apiKey: match ? match[1] : null,
        // Without accountId ConnectSafely uses the key's default account.
        account: accountId ?? "default",
        explicitAccount: accountId !== null,
      };
    },

    serve(request, identity, env) {
      if (!identity.apiKey || !env.auth.acceptsApiKey(identity.apiKey)) return errorReply("UNAUTHORIZED", identity, env);
      if (identity.explicitAccount && !env.auth.acceptsAccount(identity.account)) return errorReply("NOT_FOUND", identity, env);
      if (identity.action === "withdraw") return serveWithdraw(request, identity, env);
      if (identity.write) return serveRespond(request, identity, env);
      return serveList(request, identity, env);
    },

    errorReply,

    /** X-RateLimit-* on every answer: a fixed one-minute window per key, on the emulator's clock. */
    extraHeaders(identity, env, { exhausted = false } = {}) {
      const minute = Math.floor(env.nowMs / 60000);
      const key = identity.apiKey ?? "";
      let window = windows.get(key);
      if (!window || window.minute !== minute) {
        window = { minute, used: 0 };
        windows.set(key, window);
      }
      window.used += 1;
      return {
        "X-RateLimit-Limit": String(RATE_LIMIT_PER_MINUTE),
        "X-RateLimit-Remaining": String(exhausted ? 0 : Math.max(0, RATE_LIMIT_PER_MINUTE - window.used)),
        "X-RateLimit-Reset": String((minute + 1) * 60),
      };
    },

    reset() {
      windows = new Map();
    },

    /** Where the `wrong-type` fault puts a value of the wrong JSON type. */
    wrongTypeTarget(payload, field, identity) {
      const key = identity.resource === "connections" ? "connections" : "invitations";
      const list = payload?.[key];
      const first = Array.isArray(list) && list.length > 0 ? list[0] : null;
      switch (field) {
        case "headline":
          if (first?.profile && "headline" in first.profile) return { target: first.profile, key: "headline", value: 42, path: `${key}[0].profile.headline` };
          if (first && "headline" in first) return { target: first, key: "headline", value: 42, path: `${key}[0].headline` };
          break;
        case "id":
          if (first?.invitationId) return { target: first, key: "invitationId", value: { id: first.invitationId }, path: `${key}[0].invitationId` };
          if (first) return { target: first, key: "profileUrl", value: { url: first.profileUrl }, path: `${key}[0].profileUrl` };
          break;
        case "list":
          if (list) return { target: payload, key, value: {}, path: key };
          break;
        case "success":
          if (payload && "success" in payload) return { target: payload, key: "success", value: "true", path: "success" };
          break;
        default:
          break;
      }
      // No total here: the count (invitations) or the startIndex (connections) becomes a string.
      const countKey = payload && "count" in payload ? "count" : "startIndex";
      if (payload && countKey in payload) return { target: payload, key: countKey, value: String(payload[countKey]), path: countKey };
      return { target: payload, key: "error", value: 500, path: "error" };
    },
  };
}
