// The fault queue: faults a test injects, each waiting for a matching
// request. First in, first served: a request takes the first pending fault
// whose matcher fits (after that fault has let its `after` matches pass).

export const FAULT_TYPES = [
  "rate-limit", "status", "provider-error", "reset", "cut", "hang", "slow-drip", "truncated-json",
  "malformed-json", "wrong-type", "redirect", "oversized", "v1-rate-limit-200", "shift",
];
export const PROVIDER_IDS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
export const RESOURCE_NAMES = ["sentInvitations", "receivedInvitations", "connections"];
export const WRONG_TYPE_FIELDS = ["total", "headline", "id", "list", "hasMore", "success"];
const FIELD_ALIASES = {
  total_available_results: "total", count: "total", subtitle: "headline", job_title: "headline",
  invitation_id: "id", invitationId: "id", entity_urn: "id", has_more: "hasMore", status: "success",
};
const MATCH_KEYS = ["provider", "resource", "action", "path", "apiKey", "account"];
const STATUS_CODES = [408, 500, 502, 503, 504];
const REDIRECT_CODES = [301, 302, 303, 307, 308];
const SEVENTEEN_MIB = 17 * 1024 * 1024;

function fail(message) {
  throw new TypeError(`invalid fault: ${message}`);
}

function integerOption(spec, name, fallback, minimum) {
  const value = spec[name] ?? fallback;
  if (!Number.isInteger(value) || value < minimum) fail(`${name} must be an integer >= ${minimum}`);
  return value;
}

/** Checks a fault a test wrote and fills in its defaults. */
export function normalizeFault(spec, id) {
  if (!spec || typeof spec !== "object" || Array.isArray(spec)) fail("a fault is an object with a type");
  const { type } = spec;
  if (!FAULT_TYPES.includes(type)) fail(`unknown type ${JSON.stringify(type)}; known: ${FAULT_TYPES.join(", ")}`);

  // The matcher may be given flat on the fault or nested under `match`.
  const match = { ...(spec.match ?? {}) };
  for (const key of MATCH_KEYS) if (spec[key] !== undefined) match[key] = spec[key];
  for (const key of Object.keys(match)) if (!MATCH_KEYS.includes(key)) fail(`unknown matcher key ${key}`);
  if (match.provider !== undefined && !PROVIDER_IDS.includes(match.provider)) fail(`provider must be one of ${PROVIDER_IDS.join(", ")}`);
  if (match.resource !== undefined && !RESOURCE_NAMES.includes(match.resource)) fail(`resource must be one of ${RESOURCE_NAMES.join(", ")}`);
  // This fault only makes sense on linkup-v1: never let it take another provider's request.
  if (type === "v1-rate-limit-200") match.provider ??= "linkup-v1";

  const options = {};
  // On a write (withdraw, accept, ignore): was it applied before the fault? (actions.mjs)
  if (spec.apply !== undefined) {
    if (typeof spec.apply !== "boolean") fail("apply must be true or false");
    options.apply = spec.apply;
  }
  // ConnectSafely's endpoint pages show errors as {error}, its overview as
  // {success: false, code, message}: a test can ask for either.
  if (["rate-limit", "status", "provider-error"].includes(type) && spec.envelope !== undefined) {
    if (!["endpoint", "overview"].includes(spec.envelope)) fail('envelope must be "endpoint" or "overview"');
    options.envelope = spec.envelope;
  }
  switch (type) {
    case "rate-limit":
      if (spec.retryAfterSeconds !== undefined) options.retryAfterSeconds = integerOption(spec, "retryAfterSeconds", 0, 0);
      if (spec.retryAfterDate !== undefined) options.retryAfterDate = integerOption(spec, "retryAfterDate", 0, 0);
      break;
    case "status":
      if (!STATUS_CODES.includes(spec.status)) fail(`status must be one of ${STATUS_CODES.join(", ")}`);
      options.status = spec.status;
      if (spec.retryAfterSeconds !== undefined) options.retryAfterSeconds = integerOption(spec, "retryAfterSeconds", 0, 0);
      break;
    case "provider-error":
      if (typeof spec.code !== "string" || spec.code === "") fail("provider-error needs a code, e.g. INSUFFICIENT_CREDITS");
      options.code = spec.code;
      if (spec.status !== undefined) options.status = integerOption(spec, "status", 200, 100);
      if (spec.message !== undefined) options.message = String(spec.message);
      break;
    case "slow-drip":
      options.chunkBytes = integerOption(spec, "chunkBytes", 64, 1);
      options.intervalMs = integerOption(spec, "intervalMs", 50, 0);
      break;
    case "truncated-json":
      if (spec.keepBytes !== undefined) options.keepBytes = integerOption(spec, "keepBytes", 1, 1);
      break;
    case "malformed-json":
      if (spec.body !== undefined) options.body = String(spec.body);
      break;
    case "wrong-type": {
      const field = FIELD_ALIASES[spec.field] ?? spec.field ?? "total";
      if (!WRONG_TYPE_FIELDS.includes(field)) fail(`field must be one of ${WRONG_TYPE_FIELDS.join(", ")}`);
      options.field = field;
      break;
    }
    case "redirect":
      options.status = spec.status ?? 302;
      if (!REDIRECT_CODES.includes(options.status)) fail(`redirect status must be one of ${REDIRECT_CODES.join(", ")}`);
      options.location = typeof spec.location === "string" && spec.location ? spec.location : "https://redirect.invalid/elsewhere";
      break;
    case "oversized":
      options.bytes = integerOption(spec, "bytes", SEVENTEEN_MIB, 1);
      options.contentLength = spec.contentLength ?? "accurate";
      if (!["accurate", "none"].includes(options.contentLength)) fail('contentLength must be "accurate" or "none"');
      break;
    case "shift":
      options.count = integerOption(spec, "count", 1, 1);
      break;
    default:
      break;
  }
  return {
    id,
    type,
    match,
    times: integerOption(spec, "times", 1, 1),
    after: integerOption(spec, "after", 0, 0),
    skipped: 0,
    options,
  };
}

function matches(fault, request) {
  return Object.entries(fault.match).every(([key, wanted]) => request[key] === wanted);
}

export function createFaultQueue() {
  let pending = [];
  let nextId = 1;
  return {
    /** Adds one fault or a list; returns their public views (with ids). */
    add(specs) {
      const list = Array.isArray(specs) ? specs : [specs];
      const faults = list.map((spec) => normalizeFault(spec, nextId++));
      pending.push(...faults);
      return faults.map(publicView);
    },

    /**
     * The fault this request takes, or null. `request` holds the matcher
     * keys: provider, resource, action, path, apiKey, account.
     */
    take(request) {
      for (const fault of pending) {
        if (!matches(fault, request)) continue;
        if (fault.skipped < fault.after) {
          fault.skipped += 1;
          continue;
        }
        fault.times -= 1;
        if (fault.times === 0) pending = pending.filter((f) => f !== fault);
        return fault;
      }
      return null;
    },

    list() {
      return pending.map(publicView);
    },

    clear() {
      pending = [];
    },
  };
}

/** What a test sees of a pending fault: `times` and `after` are what remains. */
export function publicView(fault) {
  return { id: fault.id, type: fault.type, match: { ...fault.match }, times: fault.times, after: fault.after - fault.skipped, ...fault.options };
}
