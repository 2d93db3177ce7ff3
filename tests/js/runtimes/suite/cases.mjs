// The behaviour cases every runtime runs, per provider. Each case gets a
// client factory bound to fresh credentials, checks one behaviour against the
// emulator's truth (its data, ledger and request log, read over HTTP), and
// returns a one-line detail or throws. No Node API: this runs in pages,
// extension service workers, Workers and Node alike.

const PAGE = 25;

class CaseFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new CaseFailure(message);
}

function sameList(actual, expected, what) {
  check(actual.length === expected.length, `${what}: ${actual.length} items, expected ${expected.length}`);
  for (let index = 0; index < expected.length; index += 1) {
    check(actual[index] === expected[index], `${what}[${index}]: got ${actual[index]}, expected ${expected[index]}`);
  }
}

/** What identifies an item: the exact id of an invitation, the profile URL of a connection. */
function keyOf(resource, item) {
  return resource === "connections" ? item.person.profileUrl : item.id;
}

/** The list as the provider shows it: linkup and Unipile list received CONNECTION invitations only. */
async function truth(ctx, resource) {
  const rows = await ctx.emu.data(ctx.account, resource);
  if (resource === "connections") return rows.map((row) => row.person.canonicalUrl);
  const shown = resource === "receivedInvitations" && ctx.provider !== "connectsafely"
    ? rows.filter((row) => row.linkupType === "CONNECTION")
    : rows;
  return shown.map((row) => row.id);
}

function listCase(resource) {
  return async (ctx) => {
    const page = await ctx.client()[resource].list({ offset: 0, limit: PAGE });
    const expected = (await truth(ctx, resource)).slice(0, PAGE);
    const keys = page.items.map((item) => keyOf(resource, item));
    check(keys.every((key) => typeof key === "string"), "keys are not all strings");
    sameList(keys, expected, `${resource} page`);
    check(page.offset === 0, `offset ${page.offset}`);
    check(typeof page.cursor === "string" && page.cursor.length > 0, "no cursor");
    const ledger = await ctx.emu.ledger(ctx.apiKey);
    check(page.requests === ledger.requests, `page.requests ${page.requests}, emulator saw ${ledger.requests}`);
    return `${keys.length} exact ${resource === "connections" ? "profile URLs" : "ids"}, ${page.requests} request(s)`;
  };
}

async function collectSent(ctx) {
  const result = await ctx.client().sentInvitations.collect({});
  const expected = await truth(ctx, "sentInvitations");
  sameList(result.items.map((item) => item.id), expected, "collected ids");
  check(result.complete === true && result.stopReason === "end", `complete ${result.complete}, stopReason ${result.stopReason}`);
  const ledger = await ctx.emu.ledger(ctx.apiKey);
  check(result.creditsUsed === ledger.credits, `creditsUsed ${result.creditsUsed}, ledger ${ledger.credits}`);
  check(result.requests === ledger.requests, `requests ${result.requests}, ledger ${ledger.requests}`);
  return `${expected.length} exact ids, ${result.creditsUsed} credits = ledger, ${result.requests} requests`;
}

async function retryAfter429(ctx) {
  await ctx.emu.inject({ type: "rate-limit", apiKey: ctx.apiKey, retryAfterSeconds: 1, times: 1 });
  const started = Date.now();
  const page = await ctx.client().sentInvitations.list({ offset: 0, limit: 10 });
  const waited = Date.now() - started;
  sameList(page.items.map((item) => item.id), (await truth(ctx, "sentInvitations")).slice(0, 10), "ids after the retry");
  const log = await ctx.emu.requestsOf(ctx.apiKey);
  const statuses = log.map((entry) => entry.status);
  check(statuses.join(",") === "429,200", `emulator answered ${statuses.join(",")}`);
  check(page.requests === 2, `page.requests ${page.requests}`);
  // Retry-After: 1 must be honoured (not the 10 ms base delay): a lower bound, not a speed check.
  check(waited >= 900, `retried after ${waited} ms, before Retry-After (1 s) passed`);
  return "429 (Retry-After: 1) then 200, 2 requests, Retry-After honoured";
}

const AUTH_FAULT = { "linkup-v2": "INVALID_API_KEY", "linkup-v1": "INVALID_API_KEY", connectsafely: "UNAUTHORIZED", unipile: "INVALID_API_KEY" };

async function authErrorWithoutSecrets(ctx) {
  await ctx.emu.inject({ type: "provider-error", code: AUTH_FAULT[ctx.provider], apiKey: ctx.apiKey, times: 3 });
  let caught = null;
  try {
    await ctx.client().connections.list({ offset: 0, limit: 10 });
  } catch (error) {
    caught = error;
  }
  check(caught !== null, "no error thrown");
  check(caught instanceof Error && caught instanceof ctx.api.LinkedInNetworkError, `not a LinkedInNetworkError: ${String(caught)}`);
  check(ctx.api.LinkedInNetworkError.is(caught), "LinkedInNetworkError.is() is false");
  check(caught.code === "AUTH", `code ${caught.code}`);
  check(caught.provider === ctx.provider, `provider ${caught.provider}`);
  check(caught.retryable === false && caught.attempts === 1, `retryable ${caught.retryable}, attempts ${caught.attempts}`);
  const log = await ctx.emu.requestsOf(ctx.apiKey);
  check(log.length === 1, `the canary key reached the emulator ${log.length} times, expected once`);
  const forms = { message: caught.message, stack: String(caught.stack), String: String(caught), JSON: JSON.stringify(caught) };
  for (const [form, text] of Object.entries(forms)) {
    for (const secret of [ctx.apiKey, ctx.account]) check(!text.includes(secret), `a secret is in the error's ${form}: ${text}`);
  }
  return `AUTH (status ${caught.status}, ${caught.providerCode}); no key or account in message/stack/String/JSON`;
}

async function abortDuringHang(ctx) {
  await ctx.emu.inject({ type: "hang", apiKey: ctx.apiKey, times: 1 });
  const controller = new AbortController();
  const pending = ctx.client({ timeoutMs: 20000 }).sentInvitations.list({ offset: 0, limit: 10, signal: controller.signal });
  const outcome = pending.then((page) => ({ page }), (error) => ({ error }));
  // Abort only once the emulator holds the request, hanging.
  let hanging = false;
  for (let attempt = 0; attempt < 100 && !hanging; attempt += 1) {
    const log = await ctx.emu.requestsOf(ctx.apiKey);
    hanging = log.some((entry) => entry.fault === "hang");
    if (!hanging) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  check(hanging, "the request never reached the emulator");
  controller.abort();
  const { page, error } = await outcome;
  check(!page, `resolved with ${page?.items?.length} items instead of aborting`);
  check(ctx.api.LinkedInNetworkError.is(error), `not a LinkedInNetworkError: ${String(error)}`);
  check(error.code === "ABORTED", `code ${error.code}: ${error.message}`);
  const log = await ctx.emu.requestsOf(ctx.apiKey);
  check(log.length === 1, `${log.length} requests reached the emulator, expected 1 (no retry after abort)`);
  return "ABORTED while the emulator held the request; nothing retried";
}

async function cursorResume(ctx) {
  const expected = await truth(ctx, "sentInvitations");
  const half = Math.floor(expected.length / 2);
  const first = await ctx.client().sentInvitations.collect({ maxItems: half });
  check(first.complete === false && first.stopReason === "maxItems", `first run: complete ${first.complete}, stopReason ${first.stopReason}`);
  check(first.items.length === half, `first run: ${first.items.length} items, expected ${half}`);
  const rest = [];
  for await (const item of ctx.client().sentInvitations.iterate({ cursor: first.cursor })) rest.push(item.id);
  const all = [...first.items.map((item) => item.id), ...rest];
  check(new Set(all).size === all.length, `${all.length - new Set(all).size} ids delivered twice`);
  sameList(all, expected, "ids of both runs");
  return `${half} + ${rest.length} ids: every id exactly once, in order`;
}

async function syncAtTheFloor(ctx) {
  const client = ctx.client();
  const resources = ["receivedInvitations", "connections"];
  const first = await client.sync({ resources });
  check(first.complete && first.changes.baseline, `first sync: complete ${first.complete}, baseline ${first.changes.baseline}`);
  sameList(first.changes.connections.added.map((item) => keyOf("connections", item)), await truth(ctx, "connections"), "baseline connections");
  // Stored as JSON (chrome.storage, KV) and read back.
  const state = JSON.parse(JSON.stringify({ state: first.state })).state;
  const { changes: truthChanges } = await ctx.emu.mutate({ account: ctx.account, addConnections: 3, addReceived: 1 });
  const connectionCalls = async () => (await ctx.emu.requestsOf(ctx.apiKey)).filter((entry) => entry.resource === "connections").length;
  const before = await connectionCalls();
  const second = await client.sync({ state, resources });
  check(second.complete && !second.changes.baseline, `second sync: complete ${second.complete}, baseline ${second.changes.baseline}`);
  sameList(second.changes.connections.added.map((item) => keyOf("connections", item)), truthChanges.connections.added.map((row) => row.person.canonicalUrl), "new connections");
  check(second.changes.receivedInvitations.added.length === 1, `received added: ${second.changes.receivedInvitations.added.length}`);
  const calls = (await connectionCalls()) - before;
  check(calls === 1, `the connections head cost ${calls} calls, expected 1`);
  return `baseline of ${first.changes.connections.added.length}, then 3 new connections in ${calls} call (${second.creditsUsed} credits in all)`;
}

async function actionsOnce(ctx) {
  const client = ctx.client();
  const { items } = await client.sentInvitations.list({ limit: 10 });
  // The first withdraw's answer is cut after the write: the repeat finds nothing pending.
  await ctx.emu.inject({ type: "cut", action: "withdraw", apiKey: ctx.apiKey });
  const cut = await client.sentInvitations.withdraw(items[0]);
  check(cut.outcome === "notPending" && cut.requests === 2, `after a cut answer: ${cut.outcome} in ${cut.requests} requests`);
  const plan = await client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 3, dryRun: true });
  const before = await ctx.emu.ledger(ctx.apiKey);
  const done = await client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 3 });
  const after = await ctx.emu.ledger(ctx.apiKey);
  check(done.withdrawn === 3, `withdrawn ${done.withdrawn}`);
  check(done.creditsUsed === plan.credits && done.requests === plan.requests, `run ${done.creditsUsed}/${done.requests}, plan ${plan.credits}/${plan.requests}`);
  check(done.creditsUsed === after.credits - before.credits, `creditsUsed ${done.creditsUsed}, ledger ${after.credits - before.credits}`);
  const writes = (await ctx.emu.actions()).filter((entry) => entry.apiKey === ctx.apiKey);
  const applied = writes.filter((entry) => entry.applied).map((entry) => entry.invitationId);
  check(applied.length === 4 && new Set(applied).size === 4, `applied ${applied.length} writes (${new Set(applied).size} distinct), expected 4`);
  return `a cut answer repeated as notPending, then 3 stale withdrawn at the planned ${plan.credits} credits; 4 writes, each once`;
}

/** name → run(ctx). ctx: { api, emu, provider, apiKey, account, client(extraOptions) }. */
export const CASES = {
  "list sentInvitations": listCase("sentInvitations"),
  "list receivedInvitations": listCase("receivedInvitations"),
  "list connections": listCase("connections"),
  "collect sent: exact ids, credits = ledger": collectSent,
  "429 then success": retryAfter429,
  "auth error without secrets": authErrorWithoutSecrets,
  "abort during a hang": abortDuringHang,
  "cursor resume": cursorResume,
  "sync: the change at the floor": syncAtTheFloor,
  "actions: each write once": actionsOnce,
};
