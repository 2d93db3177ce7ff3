// Replies as values: a provider builds one, the server (or a fault) decides
// how it goes on the wire. Keeping the body a JS object until the last moment
// lets a fault change one field's type or cut the serialized text.

import { toJson } from "./json.mjs";

/** `request.json` when the body was not JSON at all. */
export const INVALID_JSON = Symbol("invalid JSON");

/**
 * A JSON reply. `credits` is what the provider charges if the reply is
 * delivered as is; errors always carry 0.
 */
export function jsonReply(status, payload, { credits = 0, headers = {} } = {}) {
  return { status, payload, credits, headers };
}

/** A reply whose body is raw text (HTML error pages, malformed bodies). */
export function textReply(status, text, contentType, headers = {}) {
  return { status, text, contentType, credits: 0, headers };
}

/** The bytes and content type of a reply. */
export function encodeReply(reply) {
  if (reply.text !== undefined) {
    return { body: Buffer.from(reply.text, "utf8"), contentType: reply.contentType ?? "text/plain; charset=utf-8" };
  }
  return { body: Buffer.from(toJson(reply.payload), "utf8"), contentType: "application/json; charset=utf-8" };
}

const REASONS = { 408: "Request Time-out", 502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out" };

/** What a reverse proxy answers when the API behind it is down: HTML, not the provider's JSON. */
export function gatewayPage(status) {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return textReply(
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    "text/html",
  );
}

/** A JSON object body, or null when the body is absent, not JSON, or not an object. */
export function bodyObject(request) {
  const value = request.json;
  return value && typeof value === "object" && !Array.isArray(value) ? value : null;
}

/** A strict integer check for JSON params: 2 passes, 2.5 and "2" do not. */
export function isIntegerAtLeast(value, minimum) {
  return Number.isInteger(value) && value >= minimum;
}
