// linkup-v2: `POST /v2/network` with `{account_id, action, params}` and the
// `x-api-key` header. Offset pagination; 1 credit per 50 results returned.

import { fullName } from "./people.mjs";
import { bodyObject, isIntegerAtLeast, jsonReply } from "./reply.mjs";
import { isoSeconds, linkupV2SentTime } from "./time.mjs";
import { invitationIdOfUrn, textField, writeReply } from "./actions.mjs";

const RESOURCE_OF_ACTION = {
  list_sent: "sentInvitations",
  list_invitations: "receivedInvitations",
  list_connections: "connections",
  withdraw: "sentInvitations",
  accept: "receivedInvitations",
};
const WRITES = new Set(["withdraw", "accept"]);
/** The answer when the invitation is no longer pending (NOTES is silent; the brief's wording). */
export const V2_NOT_PENDING = "Invitation already accepted or expired";
const LIST_KEY = { sentInvitations: "invitations", receivedInvitations: "invitations", connections: "connections" };
export const LINKUP_INVITATION_TYPES = ["CONNECTION", "ORGANIZATION", "CONTENT_SERIES"];

/** NOTES' error table: code → HTTP status. */
const ERROR_STATUS = {
  INVALID_API_KEY: 403,
  INVALID_ACCOUNT: 404,
  ACCOUNT_INACTIVE: 403,
  INVALID_ACTION: 400,
  INVALID_PARAMS: 400,
  RATE_LIMITED: 429,
  INSUFFICIENT_CREDITS: 402,
  INTERNAL_ERROR: 500,
};
const ERROR_MESSAGE = {
  INVALID_API_KEY: "Invalid API key",
  INVALID_ACCOUNT: "Account not found",
  ACCOUNT_INACTIVE: "Account is inactive",
  INVALID_ACTION: "Invalid action",
  INVALID_PARAMS: "Invalid parameters",
  RATE_LIMITED: "Rate limit exceeded",
  INSUFFICIENT_CREDITS: "Insufficient credits",
  INTERNAL_ERROR: "Internal server error",
};

/** `recipient` of a sent invitation. */
export function renderSentInvitationV2(item) {
  const p = item.person;
  return {
    entity_urn: `urn:li:invitation:${item.idText}`,
    recipient: {
      first_name: p.firstName,
      last_name: p.lastName ?? "",
      headline: p.headline ?? "",
      linkedin_url: p.urls.linkupV2,
      profile_picture: p.pictureUrl,
    },
    invitation_type: item.linkupType,
    sent_time: linkupV2SentTime(item.ageDays),
    sent_time_days: item.ageDays,
  };
}

/** `sender` of a received invitation, with `shared_secret` to accept it. */
export function renderReceivedInvitationV2(item) {
  const p = item.person;
  return {
    entity_urn: `urn:li:invitation:${item.idText}`,
    shared_secret: item.sharedSecret,
    sender: {
      first_name: p.firstName,
      last_name: p.lastName ?? "",
      headline: p.headline ?? "",
      linkedin_url: p.urls.linkupV2,
      profile_picture_url: p.pictureUrl,
    },
    invitation_type: item.linkupType,
    sent_time: linkupV2SentTime(item.ageDays),
    sent_time_days: item.ageDays,
  };
}

export function renderConnectionV2(item) {
  const p = item.person;
  return { name: fullName(p), job_title: p.headline ?? "", profile_url: p.urls.linkupV2, profile_picture: p.pictureUrl };
}

const RENDER = {
  sentInvitations: renderSentInvitationV2,
  receivedInvitations: renderReceivedInvitationV2,
  connections: renderConnectionV2,
};

function errorReply(code, identity, env, { status, message } = {}) {
  return jsonReply(status ?? ERROR_STATUS[code] ?? 400, {
    success: false,
    error: { code, message: message ?? ERROR_MESSAGE[code] ?? code },
    metadata: { action: identity.action, credits_consumed: 0, timestamp: isoSeconds(env.nowMs) },
  });
}

function successReply(identity, env, data, credits) {
  return jsonReply(
    200,
    {
      success: true,
      data,
      metadata: { action: identity.action, account_id: identity.account, credits_consumed: credits, timestamp: isoSeconds(env.nowMs) },
    },
    { credits },
  );
}

function serveList(identity, params, env) {
  const invalid = (message) => errorReply("INVALID_PARAMS", identity, env, { message });
  const count = params.count ?? 10;
  const offset = params.offset ?? 0;
  if (!isIntegerAtLeast(count, 1)) return invalid("params.count must be an integer >= 1");
  if (!isIntegerAtLeast(offset, 0)) return invalid("params.offset must be an integer >= 0");
  const isInvitations = identity.resource !== "connections";
  const invitationType = params.invitation_type ?? "CONNECTION";
  if (isInvitations && !LINKUP_INVITATION_TYPES.includes(invitationType)) {
    return invalid(`params.invitation_type must be one of ${LINKUP_INVITATION_TYPES.join(", ")}`);
  }

  let list = env.network.account(identity.account).list(identity.resource);
  if (isInvitations) list = list.filter((item) => item.linkupType === invitationType);
  const page = list.slice(offset, offset + count);
  const credits = Math.ceil(page.length / 50);
  if (!env.ledger.canSpend(identity.apiKey, credits)) return errorReply("INSUFFICIENT_CREDITS", identity, env);

  const data = { [LIST_KEY[identity.resource]]: page.map(RENDER[identity.resource]) };
  data.total_results = page.length;
  data.total_available_results = list.length;
  if (isInvitations) data.invitation_type = invitationType;
  data.pagination = {
    offset,
    count,
    next_offset: offset + page.length,
    has_more: offset + page.length < list.length,
    // Constant, as in both doc examples (count 1, results_per_page 10).
    results_per_page: 10,
    // LinkedIn serves at most 100 per internal request.
    pages_fetched: Math.ceil(count / 100),
  };
  return successReply(identity, env, data, credits);
}

function serveWithdraw(identity, params, env) {
  const write = { action: "withdraw" };
  const invitationId = params.invitation_id;
  if (typeof invitationId !== "string" || !/^\d+$/.test(invitationId)) {
    const reply = errorReply("INVALID_PARAMS", identity, env, { message: "params.invitation_id must be a string of digits" });
    return writeReply(reply, { ...write, outcome: "invalid" });
  }
  write.invitationId = invitationId;
  const account = env.network.account(identity.account);
  const item = account.findInvitation("sentInvitations", invitationId);
  if (!item) return writeReply(errorReply("INVALID_PARAMS", identity, env, { message: V2_NOT_PENDING }), { ...write, outcome: "notPending" });
  if (!env.ledger.canSpend(identity.apiKey, 1)) return writeReply(errorReply("INSUFFICIENT_CREDITS", identity, env), { ...write, outcome: "insufficientCredits" });
  const reply = successReply(identity, env, { withdrawn: true, invitation_id: invitationId }, 1);
  return writeReply(reply, { ...write, outcome: "withdrawn", commit: () => account.remove(item) });
}

/** `accept` {shared_secret, entity_urn}: both required; the secret must be the invitation's. */
function serveAccept(identity, params, env) {
  const write = { action: "accept" };
  const invalid = (message) => writeReply(errorReply("INVALID_PARAMS", identity, env, { message }), { ...write, outcome: "invalid" });
  const secret = textField(params, "shared_secret");
  const urn = textField(params, "entity_urn");
  if (!secret) return invalid("params.shared_secret is required");
  if (!urn) return invalid("params.entity_urn is required");
  const invitationId = invitationIdOfUrn(urn);
  if (!invitationId) return invalid("params.entity_urn must be urn:li:invitation:<id>");
  write.invitationId = invitationId;
  const account = env.network.account(identity.account);
  const item = account.findInvitation("receivedInvitations", invitationId);
  if (!item) return writeReply(errorReply("INVALID_PARAMS", identity, env, { message: V2_NOT_PENDING }), { ...write, outcome: "notPending" });
  if (item.sharedSecret !== secret) return invalid("params.shared_secret does not match this invitation");
  if (!env.ledger.canSpend(identity.apiKey, 1)) return writeReply(errorReply("INSUFFICIENT_CREDITS", identity, env), { ...write, outcome: "insufficientCredits" });
  return writeReply(successReply(identity, env, {}, 1), { ...write, outcome: "accepted", commit: () => account.accept(item) });
}

export const linkupV2 = {
  id: "linkup-v2",

  route(path) {
    return path === "/v2/network" ? { methods: ["POST"] } : null;
  },

  identify(request) {
    const body = bodyObject(request);
    const action = typeof body?.action === "string" ? body.action : null;
    return {
      resource: RESOURCE_OF_ACTION[action] ?? null,
      action,
      apiKey: request.headers["x-api-key"] || null,
      account: typeof body?.account_id === "string" && body.account_id !== "" ? body.account_id : null,
      write: WRITES.has(action),
    };
  },

  serve(request, identity, env) {
    if (!identity.apiKey || !env.auth.acceptsApiKey(identity.apiKey)) return errorReply("INVALID_API_KEY", identity, env);
    const body = bodyObject(request);
    if (!body) return errorReply("INVALID_PARAMS", identity, env, { message: "The body must be a JSON object" });
    if (!identity.account || !env.auth.acceptsAccount(identity.account)) return errorReply("INVALID_ACCOUNT", identity, env);
    if (!identity.resource) return errorReply("INVALID_ACTION", identity, env, { message: `Unknown action ${JSON.stringify(body.action ?? null)}` });
    const params = body.params ?? {};
    if (typeof params !== "object" || params === null || Array.isArray(params)) {
      return errorReply("INVALID_PARAMS", identity, env, { message: "params must be an object" });
    }
    if (identity.action === "withdraw") return serveWithdraw(identity, params, env);
    if (identity.action === "accept") return serveAccept(identity, params, env);
    return serveList(identity, params, env);
  },

  errorReply,

  /** Where the `wrong-type` fault puts a value of the wrong JSON type. */
  wrongTypeTarget(payload, field, identity) {
    const data = payload?.data;
    const list = data?.[LIST_KEY[identity.resource]];
    const first = Array.isArray(list) && list.length > 0 ? list[0] : null;
    const person = first?.recipient ?? first?.sender ?? null;
    switch (field) {
      case "headline":
        if (person) return { target: person, key: "headline", value: 42, path: `data.${LIST_KEY[identity.resource]}[0].${first.recipient ? "recipient" : "sender"}.headline` };
        if (first) return { target: first, key: "job_title", value: 42, path: "data.connections[0].job_title" };
        break;
      case "id":
        if (first?.entity_urn) return { target: first, key: "entity_urn", value: { urn: first.entity_urn }, path: `data.invitations[0].entity_urn` };
        if (first) return { target: first, key: "profile_url", value: { url: first.profile_url }, path: "data.connections[0].profile_url" };
        break;
      case "list":
        if (list) return { target: data, key: LIST_KEY[identity.resource], value: {}, path: `data.${LIST_KEY[identity.resource]}` };
        break;
      case "hasMore":
        if (data?.pagination) return { target: data.pagination, key: "has_more", value: "true", path: "data.pagination.has_more" };
        break;
      case "success":
        return { target: payload, key: "success", value: "true", path: "success" };
      default:
        break;
    }
    if (data && "total_available_results" in data) {
      return { target: data, key: "total_available_results", value: String(data.total_available_results), path: "data.total_available_results" };
    }
    return { target: payload, key: "success", value: "true", path: "success" };
  },
};
