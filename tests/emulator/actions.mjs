// Writes (withdraw, accept, ignore) shared by every provider: a provider's
// action handler only decides — it returns its reply with a `write` note
// ({action, invitationId, outcome, commit}) and changes nothing. The server
// then settles it once: commits the change unless a fault says it never
// reached LinkedIn, bills it, and records it in the action log, so a test can
// prove that no action was applied twice.
//
//   request ──► handler decides ──► settle ──► commit? ──► answer (or fault)
//                (pure)              │           │
//                                    │           └─ applied: the provider's success price
//                                    └─ action log entry {applied, outcome, credits, ...}
//
// Faults on a write: `apply: true|false` says whether the change was made
// before the fault. Default: applied for the faults that deliver (or begin to
// deliver) the real answer, not applied for the others.

/** The faults that start from the real answer: by default the write happened. */
export const REAL_ANSWER_FAULTS = new Set(["cut", "slow-drip", "truncated-json", "malformed-json", "wrong-type", "oversized", "shift"]);

/** The action names every provider's writes map to (fault matcher `action`, log `action`). */
export const WRITE_ACTIONS = new Set(["withdraw", "accept", "ignore"]);

/**
 * Marks `reply` as the answer to a write. `commit` (a success only) makes
 * the change; `outcome` is what the answer says: withdrawn, accepted,
 * ignored, notPending, notFound, invalid, unauthorized, insufficientCredits.
 */
export function writeReply(reply, { action, invitationId = null, outcome, commit = null }) {
  reply.write = { action, invitationId, outcome, commit };
  return reply;
}

/** The action log: one entry per write request, completed as it is settled and answered. */
export function createActionLog() {
  let entries = [];
  return {
    record(fields) {
      const entry = { applied: false, credits: 0, status: null, fault: null, ...fields };
      entries.push(entry);
      return entry;
    },
    list: () => entries.map((entry) => ({ ...entry })),
    clear() {
      entries = [];
    },
  };
}

/**
 * Settles the write of `exchange` once: runs the provider's decision, commits
 * it if `fault` allows, charges the success price when applied, and records
 * the log entry. Returns the reply (cached on the exchange).
 */
export function settleWrite(exchange, fault) {
  if (exchange.writeEntry) return exchange.serve();
  const reply = exchange.serve();
  const note = reply.write ?? { action: exchange.identity.action, invitationId: null, outcome: outcomeOfStatus(reply.status), commit: null };
  const applies = fault ? (fault.options.apply ?? REAL_ANSWER_FAULTS.has(fault.type)) : true;
  const entry = exchange.state.actions.record({
    at: new Date(exchange.env.nowMs).toISOString(),
    provider: exchange.provider.id,
    action: note.action ?? exchange.identity.action,
    invitationId: note.invitationId,
    account: exchange.identity.account,
    apiKey: exchange.identity.apiKey,
    outcome: note.outcome,
    fault: fault?.type ?? null,
  });
  exchange.writeEntry = entry;
  if (applies && note.commit) {
    note.commit();
    entry.applied = true;
    exchange.chargeWrite(reply.credits);
  }
  return reply;
}

function outcomeOfStatus(status) {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 402) return "insufficientCredits";
  if (status === 404) return "notFound";
  return "invalid";
}

/** Reads a JSON body field: a non-empty string, or null. */
export function textField(body, name) {
  const value = body?.[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The digits of an invitation URN (`urn:li:invitation:N`, `urn:li:fsd_invitation:N`), or null. */
export function invitationIdOfUrn(urn) {
  const match = /^urn:li:(?:fsd_)?invitation:(\d+)$/.exec(urn ?? "");
  return match ? match[1] : null;
}
