// The rows of the fault matrix: every fault the emulator can inject, each with
// the outcome SPEC §5 assigns it per provider. A row's fault hits the second
// request of a read of sent invitations (`after: 1`): the first page has been
// delivered and the list's total is known when it strikes. Runtime-neutral:
// plain data and functions, no Node API.

export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
export const MAX_ATTEMPTS = 3;
/** "Every time": more uses than any run can take, so no attempt ever gets past it. */
const EVERY_TIME = 25;

/** Retried and then read to the end: every item exactly once, the ledger at the plan's floor. */
const RECOVERS = Object.freeze({ recovers: true });

/**
 * Read to the end although one field had the wrong type: the field is one the
 * package does not read (ConnectSafely's `count`), or a bare id beside an
 * invitation URN, whose digits win (SPEC §2) — then a warning names the field.
 * Exact items; the emulator charges nothing for a faulted answer.
 */
function tolerated(warning = null) {
  return { recovers: true, tolerated: true, warning };
}

/** Ends with this typed error (attempts: 1, or MAX_ATTEMPTS for a retryable fault hit every time). */
function fails(code, status, retryable) {
  return { code, status, retryable };
}

/** The same expectation for every provider. */
const all = (outcome) => () => outcome;
/** One expectation per provider: { "linkup-v2": ..., "linkup-v1": ..., connectsafely: ... }, else `fallback`. */
const per = (table, fallback) => (provider) => table[provider] ?? fallback;

// Where a retyped field is not an error. The emulator retypes ConnectSafely's
// `count` for "total" and "hasMore" (it has neither); a retyped bare id of
// linkup-v1 / ConnectSafely sits beside the invitation URN.
const WRONG_TYPE_TOLERATED = {
  total: { connectsafely: tolerated() },
  hasMore: { connectsafely: tolerated() },
  id: {
    "linkup-v1": tolerated(/invitation_id should be an integer id, got an object; the URN's id \d+ is used/),
    connectsafely: tolerated(/invitationId should be an integer id, got an object; the URN's id \d+ is used/),
  },
};

/**
 * Row fields: `name`; `fault(provider, ctx)` → the fault (matcher added by the
 * cell) or null where the fault cannot happen to that provider; `expect(provider,
 * runtime)` → RECOVERS or fails(...); `retryable`: the fault is retried, so it
 * also gets a "every time" row; options: `client` (client options), `heavy`
 * (run alone: 17 MiB bodies, given time to arrive), `ledger` ("floor" |
 * "reported" | "floor+abandoned"), `browserResends` (Chromium's network stack
 * repeats such a request by itself: the emulator sees more than the package sent).
 */
const BASE_ROWS = [
  { name: "rate-limit, no Retry-After", fault: () => ({ type: "rate-limit" }), retryable: true, expect: all(RECOVERS), final: all(fails("RATE_LIMITED", 429, true)) },
  { name: "rate-limit, Retry-After: 1 (seconds)", fault: () => ({ type: "rate-limit", retryAfterSeconds: 1 }), retryable: true, expect: all(RECOVERS), final: all(fails("RATE_LIMITED", 429, true)) },
  { name: "rate-limit, Retry-After: HTTP date", fault: () => ({ type: "rate-limit", retryAfterDate: 1000 }), retryable: true, expect: all(RECOVERS), final: all(fails("RATE_LIMITED", 429, true)) },
  ...[408, 500, 502, 503, 504].map((status) => ({
    name: `status ${status}`,
    fault: () => ({ type: "status", status }),
    retryable: true,
    // Chromium itself sends a request again after a 408 on a reused connection.
    browserResends: status === 408,
    expect: all(RECOVERS),
    final: all(fails("PROVIDER_ERROR", status, true)),
  })),
  {
    name: "provider-error RATE_LIMITED",
    fault: () => ({ type: "provider-error", code: "RATE_LIMITED" }),
    retryable: true,
    expect: all(RECOVERS),
    // linkup-v1 says it with HTTP 200: the envelope decides, the status stays 200.
    final: per({ "linkup-v2": fails("RATE_LIMITED", 429, true), "linkup-v1": fails("RATE_LIMITED", 200, true), connectsafely: fails("RATE_LIMITED", 429, true), unipile: fails("RATE_LIMITED", 429, true) }),
  },
  {
    name: "provider-error INTERNAL_ERROR",
    fault: () => ({ type: "provider-error", code: "INTERNAL_ERROR" }),
    retryable: true,
    // linkup-v1 answers it with HTTP 200 {status: "error"}: a provider error, not retried.
    expect: per({ "linkup-v2": RECOVERS, "linkup-v1": fails("PROVIDER_ERROR", 200, false), connectsafely: RECOVERS, unipile: RECOVERS }),
    final: per({ "linkup-v2": fails("PROVIDER_ERROR", 500, true), "linkup-v1": fails("PROVIDER_ERROR", 200, false), connectsafely: fails("PROVIDER_ERROR", 500, true), unipile: fails("PROVIDER_ERROR", 500, true) }),
  },
  {
    name: "v1-rate-limit-200",
    fault: (provider) => (provider === "linkup-v1" ? { type: "v1-rate-limit-200" } : null),
    retryable: true,
    expect: all(RECOVERS),
    final: all(fails("RATE_LIMITED", 200, true)),
  },
  // Chromium itself sends a request again when a reused connection is reset.
  { name: "reset (socket destroyed)", fault: () => ({ type: "reset" }), retryable: true, browserResends: true, expect: all(RECOVERS), final: all(fails("NETWORK", null, true)) },
  { name: "cut (half the body)", fault: () => ({ type: "cut" }), retryable: true, expect: all(RECOVERS), final: all(fails("NETWORK", null, true)) },
  { name: "hang", fault: () => ({ type: "hang" }), retryable: true, expect: all(RECOVERS), final: all(fails("TIMEOUT", null, true)) },
  {
    name: "slow-drip past timeoutMs",
    fault: () => ({ type: "slow-drip", chunkBytes: 64, intervalMs: 100 }),
    retryable: true,
    expect: all(RECOVERS),
    final: all(fails("TIMEOUT", null, true)),
    // The emulator charges a dripped answer when it starts; the client gave up on it.
    ledger: "floor+abandoned",
  },
  { name: "slow-drip within timeoutMs", fault: () => ({ type: "slow-drip", chunkBytes: 8192, intervalMs: 10 }), expect: all(RECOVERS) },

  ...[
    ["INVALID_API_KEY", { "linkup-v2": ["AUTH", 403], "linkup-v1": ["AUTH", 401], connectsafely: ["AUTH", 401], unipile: ["AUTH", 401] }],
    ["ACCOUNT_INACTIVE", { "linkup-v2": ["AUTH", 403], "linkup-v1": ["AUTH", 200], connectsafely: ["NOT_FOUND", 404], unipile: ["PROVIDER_ERROR", 400] }],
    ["INVALID_ACCOUNT", { "linkup-v2": ["NOT_FOUND", 404], "linkup-v1": ["AUTH", 200], connectsafely: ["NOT_FOUND", 404], unipile: ["NOT_FOUND", 404] }],
    ["INVALID_ACTION", { "linkup-v2": ["PROVIDER_ERROR", 400], "linkup-v1": ["PROVIDER_ERROR", 200], connectsafely: ["PROVIDER_ERROR", 400], unipile: ["PROVIDER_ERROR", 400] }],
    ["INVALID_PARAMS", { "linkup-v2": ["PROVIDER_ERROR", 400], "linkup-v1": ["PROVIDER_ERROR", 200], connectsafely: ["PROVIDER_ERROR", 400], unipile: RECOVERS }],
    ["INSUFFICIENT_CREDITS", { "linkup-v2": ["INSUFFICIENT_CREDITS", 402], "linkup-v1": ["INSUFFICIENT_CREDITS", 200], connectsafely: ["INSUFFICIENT_CREDITS", 402], unipile: ["PROVIDER_ERROR", 403] }],
    ["SOMETHING_NEW (unknown code)", { "linkup-v2": ["PROVIDER_ERROR", 400], "linkup-v1": ["PROVIDER_ERROR", 200], connectsafely: ["PROVIDER_ERROR", 400], unipile: ["PROVIDER_ERROR", 400] }],
  ].map(([label, table]) => ({
    name: `provider-error ${label}`,
    fault: () => ({ type: "provider-error", code: label.split(" ")[0] }),
    // Unipile's 400 errors/invalid_parameters on a call that carried its cursor is
    // how an expired cursor is refused: the chain is read again from the head.
    expect: (provider) => (table[provider] === RECOVERS ? RECOVERS : fails(table[provider][0], table[provider][1], false)),
  })),
  {
    // A provider that echoes the credentials in its error message: they must not come back out.
    name: "provider-error echoing the credentials",
    fault: (_provider, ctx) => ({ type: "provider-error", code: "INVALID_PARAMS", message: `bad request for key ${ctx.apiKey} (${encodeURIComponent(ctx.apiKey)}) account ${ctx.account} (${encodeURIComponent(ctx.account)})` }),
    expect: per({ "linkup-v2": fails("PROVIDER_ERROR", 400, false), "linkup-v1": fails("PROVIDER_ERROR", 200, false), connectsafely: fails("PROVIDER_ERROR", 400, false), unipile: RECOVERS }),
  },
  // ConnectSafely's overview page documents {success: false, code, message} errors.
  ...[
    ["rate-limit", { type: "rate-limit" }, RECOVERS],
    ["status 500", { type: "status", status: 500 }, RECOVERS],
    ["provider-error UNAUTHORIZED", { type: "provider-error", code: "UNAUTHORIZED" }, fails("AUTH", 401, false)],
    ["provider-error NOT_FOUND", { type: "provider-error", code: "NOT_FOUND" }, fails("NOT_FOUND", 404, false)],
    ["provider-error INSUFFICIENT_CREDITS", { type: "provider-error", code: "INSUFFICIENT_CREDITS" }, fails("INSUFFICIENT_CREDITS", 402, false)],
  ].map(([label, fault, outcome]) => ({
    name: `${label}, overview envelope`,
    fault: (provider) => (provider === "connectsafely" ? { ...fault, envelope: "overview" } : null),
    expect: all(outcome),
  })),

  { name: "truncated-json (half)", fault: () => ({ type: "truncated-json" }), expect: all(fails("BAD_RESPONSE", 200, false)) },
  { name: "truncated-json (1 byte)", fault: () => ({ type: "truncated-json", keepBytes: 1 }), expect: all(fails("BAD_RESPONSE", 200, false)) },
  { name: "malformed-json", fault: () => ({ type: "malformed-json" }), expect: all(fails("BAD_RESPONSE", 200, false)) },
  ...["total", "headline", "id", "list", "hasMore", "success"].map((field) => ({
    name: `wrong-type ${field}`,
    fault: () => ({ type: "wrong-type", field }),
    expect: per({ "linkup-v2": fails("BAD_RESPONSE", 200, false), ...WRONG_TYPE_TOLERATED[field] }, fails("BAD_RESPONSE", 200, false)),
    namesField: true,
  })),
  ...[301, 302, 303, 307, 308].map((status) => ({
    name: `redirect ${status} to a second origin`,
    fault: (provider, ctx) => ({ type: "redirect", status, location: ctx.elsewhereFor(provider) }),
    // A page or extension sees an opaque redirect: its status is hidden by fetch itself.
    expect: (_provider, runtime) => fails("REDIRECT_REFUSED", runtime === "mv3-extension" ? null : status, false),
  })),
  { name: "oversized 17 MiB, Content-Length accurate", fault: () => ({ type: "oversized", contentLength: "accurate" }), heavy: true, client: { timeoutMs: 30000 }, expect: all(fails("RESPONSE_TOO_LARGE", null, false)) },
  { name: "oversized 17 MiB, no Content-Length", fault: () => ({ type: "oversized", contentLength: "none" }), heavy: true, client: { timeoutMs: 30000 }, expect: all(fails("RESPONSE_TOO_LARGE", null, false)) },
  { name: "shift of 3 during the read", fault: () => ({ type: "shift", count: 3 }), expect: all(RECOVERS), ledger: "reported", shift: true },
];

/** The "every time" row of a retryable fault: every attempt meets it, the run ends with its error. */
function everyTime(row) {
  return {
    ...row,
    name: `${row.name}, every time`,
    times: EVERY_TIME,
    expect: row.final,
    everyTime: true,
  };
}

export const ROWS = BASE_ROWS.flatMap((row) => (row.retryable ? [row, everyTime(row)] : [row]));

export function rowByName(name) {
  const row = ROWS.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no matrix row ${JSON.stringify(name)}`);
  return row;
}

/** Every (row, provider) pair that can happen: the cells one runtime runs. */
export function cellsOf(rows = ROWS, providers = PROVIDERS) {
  const probe = { apiKey: "k", account: "a", elsewhereFor: () => "http://127.0.0.1:1/" };
  return rows.flatMap((row) => providers.filter((provider) => row.fault(provider, probe) !== null).map((provider) => ({ row: row.name, provider, heavy: Boolean(row.heavy) })));
}
