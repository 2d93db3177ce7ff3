// linkup-v1 (deprecated, still in use): `POST /v1/network/<endpoint>` with a
// JSON body carrying `login_token`. Pages of 10, 1 credit a page. Its errors
// are `{status: "error", message}`, mostly with HTTP 200: the envelope, not
// the status, says it failed.

import { fullName } from "./people.mjs";
import { LINKUP_INVITATION_TYPES } from "./linkup-v2.mjs";
import { bodyObject, isIntegerAtLeast, jsonReply } from "./reply.mjs";
import { linkupV1SentTime } from "./time.mjs";
import { invitationIdOfUrn, textField, writeReply } from "./actions.mjs";

const RESOURCE_OF_PATH = {
  "/v1/network/sent-invitations": "sentInvitations",
  "/v1/network/invitations": "receivedInvitations",
  "/v1/network/connections": "connections",
};
/** The write endpoints (paths as NOTES assumes them) and their action names. */
const WRITE_OF_PATH = {
  "/v1/network/withdraw-invitation": { action: "withdraw", resource: "sentInvitations" },
  "/v1/network/accept-invitation": { action: "accept", resource: "receivedInvitations" },
};
/** NOTES is silent on the wording: the brief's. */
export const V1_NOT_PENDING = "No pending invitation found with this id";
const LIST_KEY = { sentInvitations: "invitations", receivedInvitations: "invitations", connections: "connections" };
const PAGE_SIZE = 10;

export const V1_MESSAGES = {
  INVALID_API_KEY: "Invalid API key",
  INVALID_COOKIE: "Invalid or expired LinkedIn cookie",
  INSUFFICIENT_CREDITS: "Insufficient credits available",
  RATE_LIMITED: "Rate limit exceeded. Please try again later",
  INTERNAL_ERROR: "Internal server error",
  INVALID_PARAMS: "Invalid parameters",
};
// Provider-error codes that mean the LinkedIn session is unusable.
const COOKIE_CODES = new Set(["INVALID_COOKIE", "INVALID_LOGIN_TOKEN", "INVALID_ACCOUNT", "ACCOUNT_INACTIVE"]);

/** A sent invitation, fields in the documented order; `invitation_id` a bare 19-digit number. */
export function renderSentInvitationV1(item) {
  const p = item.person;
  return {
    name: fullName(p),
    profile_url: p.urls.linkupV1,
    subtitle: p.headline ?? "",
    sent_time: linkupV1SentTime(item.ageDays),
    invitation_id: item.id,
    invitation_state: item.state,
    message: item.message,
    entity_urn: `urn:li:fsd_invitation:${item.idText}`,
    profile_picture: p.pictureUrl,
    invitation_type: item.linkupType,
  };
}

/**
 * A received invitation. NOTES: one page shows the id as a string with an
 * `urn:li:invitation:` URN, another as a number with `urn:li:fsd_invitation:`;
 * items alternate between the two.
 */
export function renderReceivedInvitationV1(item) {
  const rendered = renderSentInvitationV1(item);
  if (item.v1IdForm === "string") {
    rendered.invitation_id = item.idText;
    rendered.entity_urn = `urn:li:invitation:${item.idText}`;
  }
  rendered.shared_secret = item.sharedSecret;
  const mutual = item.mutualConnections;
  rendered.shared_connections = mutual === 0 ? null : `${mutual} mutual connection${mutual === 1 ? "" : "s"}`;
  return rendered;
}

export function renderConnectionV1(item) {
  const p = item.person;
  return { name: fullName(p), job_title: p.headline ?? "", profile_url: p.urls.linkupV1, profile_picture: p.pictureUrl };
}

const RENDER = {
  sentInvitations: renderSentInvitationV1,
  receivedInvitations: renderReceivedInvitationV1,
  connections: renderConnectionV1,
};

function errorReply(code, identity, env, { status, message } = {}) {
  // HTTP 401 only for the API key; everything else says so with HTTP 200.
  const defaultStatus = code === "INVALID_API_KEY" ? 401 : 200;
  const text = message ?? V1_MESSAGES[COOKIE_CODES.has(code) ? "INVALID_COOKIE" : code] ?? code;
  return jsonReply(status ?? defaultStatus, { status: "error", message: text });
}

const badRequest = (message) => jsonReply(400, { status: "error", message });

/** Page mode (`start_page`..`end_page`) or total-results mode (`total_results` from the top). */
function pageRange(body) {
  const pageMode = body.start_page != null || body.end_page != null;
  if (pageMode) {
    const startPage = body.start_page ?? 1;
    const endPage = body.end_page ?? startPage;
    if (!isIntegerAtLeast(startPage, 1)) return { error: "start_page must be an integer >= 1" };
    if (!isIntegerAtLeast(endPage, startPage)) return { error: "end_page must be an integer >= start_page" };
    return { startPage, endPage, from: (startPage - 1) * PAGE_SIZE, to: endPage * PAGE_SIZE };
  }
  const totalResults = body.total_results ?? 10;
  if (!isIntegerAtLeast(totalResults, 1)) return { error: "total_results must be an integer >= 1" };
  return { startPage: 1, endPage: Math.ceil(totalResults / PAGE_SIZE), from: 0, to: totalResults };
}

/**
 * withdraw-invitation {invitation_id} and accept-invitation {shared_secret,
 * entity_urn}; 1 credit. The id may come as a JSON number: it is read from
 * the raw body text, never through a JS number.
 */
function serveWrite(request, identity, env, body) {
  const write = { action: identity.action };
  const missing = (name) => writeReply(badRequest(`Missing required parameter: ${name}`), { ...write, outcome: "invalid" });
  const account = env.network.account(identity.account);
  let item;
  if (identity.action === "withdraw") {
    const match = /"invitation_id"\s*:\s*"?(\d+)"?/.exec(request.bodyText);
    if (body.invitation_id === undefined || body.invitation_id === null || body.invitation_id === "") return missing("invitation_id");
    if (!match) return writeReply(badRequest("invitation_id must be a number or a string of digits"), { ...write, outcome: "invalid" });
    write.invitationId = match[1];
    item = account.findInvitation("sentInvitations", write.invitationId);
  } else {
    const secret = textField(body, "shared_secret");
    const urn = textField(body, "entity_urn");
    if (!secret) return missing("shared_secret");
    if (!urn) return missing("entity_urn");
    write.invitationId = invitationIdOfUrn(urn);
    if (!write.invitationId) return writeReply(badRequest("entity_urn must be an invitation URN"), { ...write, outcome: "invalid" });
    item = account.findInvitation("receivedInvitations", write.invitationId);
    if (item && item.sharedSecret !== secret) return writeReply(jsonReply(200, { status: "error", message: "Invalid shared_secret" }), { ...write, outcome: "invalid" });
  }
  if (!item) return writeReply(jsonReply(200, { status: "error", message: V1_NOT_PENDING }), { ...write, outcome: "notPending" });
  if (identity.action === "withdraw") {
    const reply = jsonReply(200, { status: "success", message: "Connection invitation withdrawn successfully" }, { credits: 1 });
    return writeReply(reply, { ...write, outcome: "withdrawn", commit: () => account.remove(item) });
  }
  const reply = jsonReply(200, { status: "success", message: "Invitation accepted successfully" }, { credits: 1 });
  return writeReply(reply, { ...write, outcome: "accepted", commit: () => account.accept(item) });
}

export const linkupV1 = {
  id: "linkup-v1",

  route(path) {
    return RESOURCE_OF_PATH[path] || WRITE_OF_PATH[path] ? { methods: ["POST"] } : null;
  },

  identify(request) {
    const body = bodyObject(request);
    const write = WRITE_OF_PATH[request.path];
    return {
      resource: write?.resource ?? RESOURCE_OF_PATH[request.path],
      action: write?.action ?? null,
      apiKey: request.headers["x-api-key"] || null,
      account: typeof body?.login_token === "string" && body.login_token !== "" ? body.login_token : null,
      write: write !== undefined,
    };
  },

  serve(request, identity, env) {
    if (!identity.apiKey || !env.auth.acceptsApiKey(identity.apiKey)) return errorReply("INVALID_API_KEY", identity, env);
    const body = bodyObject(request);
    if (!body) return badRequest("The body must be a JSON object");
    if (!identity.account || !env.auth.acceptsLoginToken(identity.account)) return errorReply("INVALID_COOKIE", identity, env);
    if (identity.write) {
      if (!env.ledger.canSpend(identity.apiKey, 1)) return errorReply("INSUFFICIENT_CREDITS", identity, env);
      return serveWrite(request, identity, env, body);
    }
    const isInvitations = identity.resource !== "connections";
    // Documented: "If not specified, CONNECTION type will be used."
    const invitationType = body.invitation_type ?? "CONNECTION";
    if (isInvitations && !LINKUP_INVITATION_TYPES.includes(invitationType)) {
      return badRequest(`invitation_type must be one of ${LINKUP_INVITATION_TYPES.join(", ")}`);
    }
    const range = pageRange(body);
    if (range.error) return badRequest(range.error);
    const pagesFetched = range.endPage - range.startPage + 1;
    if (!env.ledger.canSpend(identity.apiKey, pagesFetched)) return errorReply("INSUFFICIENT_CREDITS", identity, env);

    let list = env.network.account(identity.account).list(identity.resource);
    if (isInvitations) list = list.filter((item) => item.linkupType === invitationType);
    const items = list.slice(range.from, range.to);
    const data = { total_results: items.length, total_available_results: list.length };
    data[LIST_KEY[identity.resource]] = items.map(RENDER[identity.resource]);
    data.pagination = {
      start_page: range.startPage,
      end_page: range.endPage,
      results_per_page: PAGE_SIZE,
      pages_fetched: pagesFetched,
    };
    return jsonReply(200, { status: "success", data }, { credits: pagesFetched });
  },

  errorReply,

  /**
   * NOTES: linkup-v1 bills every call whatever its answer, except HTTP 500.
   * Applied only to writes here (lists keep "errors cost nothing"). Not
   * billed either: a bad API key (nobody to bill), an insufficient-credits
   * answer, and what never came from the API (redirects, gateway pages,
   * resets, hangs).
   */
  unappliedWriteCredits(reply) {
    if (!reply || reply.text !== undefined || reply.status === 500 || reply.status === 401) return 0;
    if (reply.status >= 300 && reply.status < 400) return 0;
    if (reply.payload?.message === V1_MESSAGES.INSUFFICIENT_CREDITS) return 0;
    return 1;
  },

  /** Where the `wrong-type` fault puts a value of the wrong JSON type. */
  wrongTypeTarget(payload, field, identity) {
    const data = payload?.data;
    const key = LIST_KEY[identity.resource];
    const list = data?.[key];
    const first = Array.isArray(list) && list.length > 0 ? list[0] : null;
    switch (field) {
      case "headline":
        if (first) {
          const name = "subtitle" in first ? "subtitle" : "job_title";
          return { target: first, key: name, value: 42, path: `data.${key}[0].${name}` };
        }
        break;
      case "id":
        if (first && "invitation_id" in first) {
          return { target: first, key: "invitation_id", value: { id: String(first.invitation_id) }, path: `data.${key}[0].invitation_id` };
        }
        if (first) return { target: first, key: "profile_url", value: { url: first.profile_url }, path: `data.${key}[0].profile_url` };
        break;
      case "list":
        if (list) return { target: data, key, value: {}, path: `data.${key}` };
        break;
      case "success":
        return { target: payload, key: "status", value: true, path: "status" };
      default:
        break;
    }
    if (data && "total_available_results" in data) {
      return { target: data, key: "total_available_results", value: String(data.total_available_results), path: "data.total_available_results" };
    }
    return { target: payload, key: "status", value: true, path: "status" };
  },
};
