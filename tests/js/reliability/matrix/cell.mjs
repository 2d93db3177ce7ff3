// One cell of the fault matrix: a (fault, provider) run in whatever runtime
// imports this, against the emulator over HTTP only. The run iterates sent
// invitations with the fault on the second request, then checks the outcome
// SPEC §5 assigns: recovered (every item exactly once, ledger at the plan's
// floor) or the typed error; never a wrong item, a hang, an unhandled
// rejection, or a credential in anything printable. Runtime-neutral.

import { emulatorControl } from "../../runtimes/suite/emulator-http.mjs";
import { MAX_ATTEMPTS, rowByName } from "./rows.mjs";
import { canariesOf, secretLeaks } from "./canaries.mjs";

const RESOURCE = "sentInvitations";
// One call at a time: each fault meets exactly one call, so attempts, faults
// served and credits are deterministic (reads with concurrent calls are the
// list-shift tests' concern).
const CLIENT_OPTIONS = { retry: { maxAttempts: MAX_ATTEMPTS, baseDelayMs: 20, maxDelayMs: 300 }, timeoutMs: 3000, concurrency: 1 };
export const CELL_TIMEOUT_MS = 60000;
const PATHS = { "linkup-v2": "/v2/network", "linkup-v1": "/v1/network/sent-invitations", connectsafely: "/linkedin/invitations/sent", unipile: "/api/v1/users/invite/sent" };
const SHORT = {
  RATE_LIMITED: "RATE", PROVIDER_ERROR: "PROVIDER", INSUFFICIENT_CREDITS: "CREDITS", BAD_RESPONSE: "BAD_RESP",
  REDIRECT_REFUSED: "REDIRECT", RESPONSE_TOO_LARGE: "TOO_LARGE", NOT_FOUND: "NOT_FOUND",
};

function label(outcome) {
  if (outcome.tolerated) return "tolerated";
  if (outcome.recovers) return "recovered";
  const attempts = outcome.attempts > 1 ? ` x${outcome.attempts}` : "";
  return `${SHORT[outcome.code] ?? outcome.code} ${outcome.status ?? "-"}${attempts}`;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function truthIds(rows, provider) {
  return rows.filter((row) => provider === "connectsafely" || row.linkupType === "CONNECTION").map((row) => row.id);
}

async function read(client) {
  const delivered = [];
  let progress = null;
  try {
    for await (const item of client[RESOURCE].iterate({ onProgress: (p) => { progress = p; } })) delivered.push(item.id);
    return { delivered, progress, error: null };
  } catch (error) {
    return { delivered, progress, error };
  }
}

function checkItems(problems, delivered, start, { shift, finalTruth, recovered }) {
  const seen = new Set();
  for (const id of delivered) {
    if (seen.has(id)) problems.push(`id ${id} delivered twice`);
    seen.add(id);
  }
  if (shift) {
    const known = new Set(finalTruth);
    const wrong = delivered.filter((id) => !known.has(id));
    if (wrong.length) problems.push(`${wrong.length} delivered id(s) not in the list: ${wrong.slice(0, 3).join(", ")}`);
    const missing = start.filter((id) => !seen.has(id));
    if (recovered && missing.length) problems.push(`${missing.length} of the ${start.length} items present at the start never delivered`);
    return;
  }
  const expected = recovered ? start : start.slice(0, delivered.length);
  const firstWrong = expected.findIndex((id, index) => delivered[index] !== id);
  if (delivered.length > start.length || firstWrong !== -1) {
    problems.push(`items differ from the emulator's truth at ${firstWrong === -1 ? start.length : firstWrong} (${delivered.length} delivered, ${start.length} in the list)`);
  }
}

function checkShiftWarnings(problems, provider, progress) {
  const warnings = progress?.warnings ?? [];
  const wanted = {
    connectsafely: [/duplicate item\(s\) dropped: the list shifted/],
    // Its cursor expires with the change: the chain is read again from the head.
    unipile: [/refused its cursor .*the list changed since it was issued/, /duplicate item\(s\) dropped: the list shifted/],
  }[provider] ?? [/the list changed while it was read/, /^re-read items \d+–\d+ after the shift/];
  for (const pattern of wanted) {
    if (!warnings.some((warning) => pattern.test(warning))) problems.push(`no warning matching ${pattern} in ${JSON.stringify(warnings)}`);
  }
}

function checkError(problems, api, error, expected, { row, provider, attempts, ledgerCredits, faultDetail }) {
  if (!(error instanceof Error) || !api.LinkedInNetworkError.is(error) || !(error instanceof api.LinkedInNetworkError)) {
    problems.push(`not a LinkedInNetworkError: ${String(error)}`);
    return;
  }
  if (error.code !== expected.code) problems.push(`code ${error.code} (${error.message}), expected ${expected.code}`);
  if (error.status !== expected.status) problems.push(`status ${error.status}, expected ${expected.status}`);
  if (error.retryable !== expected.retryable) problems.push(`retryable ${error.retryable}, expected ${expected.retryable}`);
  if (error.attempts !== attempts) problems.push(`attempts ${error.attempts}, expected ${attempts}`);
  if (error.provider !== provider) problems.push(`provider ${error.provider}`);
  if (error.creditsUsed !== ledgerCredits) problems.push(`error.creditsUsed ${error.creditsUsed}, the ledger charged ${ledgerCredits}`);
  if (row.namesField && faultDetail) {
    const field = faultDetail.split(".").pop().replace(/\[\d+\]$/, "");
    if (!error.message.includes(field)) problems.push(`the message does not name the retyped field ${field}: ${error.message}`);
  }
}

/**
 * Runs one cell. `spec`: { row, provider, runtime, tag, emulatorUrl, elsewhereUrl }.
 * `watch`: from createWatch. Resolves to { row, provider, runtime, ok, outcome, expected, detail, ms }.
 */
export async function runCell(api, spec, watch) {
  const { provider, runtime } = spec;
  const row = rowByName(spec.row);
  const emu = emulatorControl(spec.emulatorUrl);
  const elsewhere = emulatorControl(spec.elsewhereUrl);
  const expected = row.expect(provider, runtime);
  const base = { row: row.name, provider, runtime, expected: label({ ...expected, attempts: expectedAttempts(row, expected) }) };
  const mark = watch.mark();
  const started = Date.now();
  const result = await withTimeout(check(api, emu, elsewhere, spec, row, expected, watch, mark), CELL_TIMEOUT_MS).catch((error) => ({
    problems: [`the cell itself failed: ${error?.stack ?? error}`],
    outcome: "ERROR",
  }));
  if (result.hung) return { ...base, ok: false, outcome: "HANG", detail: `no outcome within ${CELL_TIMEOUT_MS} ms`, ms: Date.now() - started };
  return { ...base, ok: result.problems.length === 0, outcome: result.outcome, detail: result.problems.join("; "), ms: Date.now() - started };
}

function expectedAttempts(row, expected) {
  return !expected.recovers && expected.retryable && row.everyTime ? MAX_ATTEMPTS : 1;
}

/** How many times the fault must have been served, and how many requests the runtime itself repeated. */
function checkFaultUses(problems, { row, runtime, expected, faulted, log, packageRequests }) {
  const resends = runtime === "mv3-extension" && row.browserResends;
  if (row.everyTime && expected.retryable) {
    // Chromium may repeat each attempt several times on its own (a fresh pooled connection each time).
    const exact = !resends;
    if (exact ? faulted.length !== MAX_ATTEMPTS : faulted.length < MAX_ATTEMPTS) {
      problems.push(`the emulator served the fault ${faulted.length} time(s), expected ${exact ? "" : "at least "}${MAX_ATTEMPTS}`);
    }
    if (faulted.length !== log.length - 1) problems.push(`${log.length - 1 - faulted.length} request(s) after the first got past a fault injected for every request`);
  } else if (faulted.length !== 1) {
    problems.push(`the emulator served the fault ${faulted.length} time(s), expected once`);
  }
  if (packageRequests === null) return 0;
  const extra = log.length - packageRequests;
  if (extra !== 0 && !(resends && extra > 0 && extra <= faulted.length)) {
    problems.push(`the package counted ${packageRequests} request(s), the emulator saw ${log.length}`);
  }
  return extra;
}

async function check(api, emu, elsewhere, spec, row, expected, watch, mark) {
  const { provider, runtime } = spec;
  const { apiKey, account, auth } = canariesOf(provider, spec.tag);
  const problems = [];
  const start = truthIds(await emu.data(account, RESOURCE), provider);
  const floor = api.estimateCredits({ provider, resource: RESOURCE, offset: 0, limit: start.length }).credits;
  const ctx = { apiKey, account, elsewhereFor: (p) => `${spec.elsewhereUrl}${PATHS[p]}` };
  const fault = { ...row.fault(provider, ctx), apiKey, after: 1, times: row.times ?? 1 };
  await emu.inject(fault);

  const client = api.createClient({ provider, ...auth, baseUrl: emu.baseUrlFor(provider), ...CLIENT_OPTIONS, ...row.client });
  const { delivered, progress, error } = await read(client);

  const ledger = await emu.ledger(apiKey);
  const log = await emu.requestsOf(apiKey);
  const faulted = log.filter((entry) => entry.fault === fault.type);
  const abandoned = row.ledger === "floor+abandoned" ? faulted.reduce((sum, entry) => sum + entry.credits, 0) : 0;
  const finalTruth = row.shift ? truthIds(await emu.data(account, RESOURCE), provider) : start;
  checkItems(problems, delivered, start, { shift: row.shift, finalTruth, recovered: !error });
  // An error carries no request count; a finished run's last progress does.
  const packageRequests = error ? null : progress?.requests ?? null;
  const extra = checkFaultUses(problems, { row, runtime, expected, faulted, log, packageRequests });

  let outcome;
  if (error) {
    outcome = label({ code: error.code, status: error.status, attempts: error.attempts });
    const resent = row.everyTime && error.retryable ? faulted.length - error.attempts : 0;
    if (resent > 0) outcome += ` (+${resent} resent)`;
    if (expected.recovers) problems.push(`ended with ${error.code} (${error.message}), expected to recover`);
    else {
      checkError(problems, api, error, expected, {
        row, provider, attempts: expectedAttempts(row, expected), ledgerCredits: ledger.credits - abandoned, faultDetail: faulted[0]?.faultDetail,
      });
    }
  } else {
    outcome = `${expected.tolerated ? "tolerated" : "recovered"}${extra > 0 ? ` (+${extra} resent)` : ""}`;
    if (!expected.recovers) problems.push(`recovered, expected ${expected.code}`);
    if (!progress) problems.push("no progress event");
    else checkCredits(problems, { row, expected, progress, ledger, floor, abandoned });
    if (row.shift) checkShiftWarnings(problems, provider, progress);
  }

  if (row.name.startsWith("redirect")) {
    const followed = (await elsewhere.requests()).length;
    if (followed !== 0) problems.push(`the second origin received ${followed} request(s)`);
  }
  const leaks = secretLeaks({ apiKey, account }, {
    ...errorForms(error),
    progress: JSON.stringify(progress),
    console: watch.outputSince(mark),
  });
  problems.push(...leaks);
  const rejections = watch.rejectionsSince(mark);
  if (rejections.length) problems.push(`unhandled rejection(s) while the cell ran: ${rejections.join(" | ").slice(0, 300)}`);
  return { problems, outcome };
}

/** A finished run: the credits it reports and the ledger, against the plan's floor. */
function checkCredits(problems, { row, expected, progress, ledger, floor, abandoned }) {
  if (expected.tolerated) {
    // A faulted answer is not charged: the ledger misses that call's credits.
    if (floor > 0 && ledger.credits >= floor) problems.push(`ledger ${ledger.credits} credits, expected less than the floor ${floor} (the faulted answer is free)`);
    if (progress.creditsUsed !== floor) problems.push(`creditsUsed ${progress.creditsUsed}, floor ${floor}`);
    const warnings = progress.warnings ?? [];
    if (expected.warning && !warnings.some((warning) => expected.warning.test(warning))) {
      problems.push(`no warning matching ${expected.warning} in ${JSON.stringify(warnings)}`);
    }
  } else if (row.ledger === "reported") {
    if (ledger.credits !== progress.creditsUsed) problems.push(`ledger ${ledger.credits} credits, reported ${progress.creditsUsed}`);
  } else {
    if (ledger.credits !== floor + abandoned) problems.push(`ledger ${ledger.credits} credits, expected the floor ${floor}${abandoned ? ` + ${abandoned} abandoned` : ""}`);
    if (progress.creditsUsed !== floor) problems.push(`creditsUsed ${progress.creditsUsed}, floor ${floor}`);
  }
}

function errorForms(error) {
  if (!error) return {};
  const forms = { message: String(error.message), stack: String(error.stack), string: String(error) };
  try {
    forms.json = JSON.stringify(error);
    forms.properties = JSON.stringify(Object.getOwnPropertyNames(error).map((name) => [name, String(error[name])]));
  } catch (failure) {
    forms.json = `unserializable: ${failure}`;
  }
  if (error.cause !== undefined) forms.cause = String(error.cause?.stack ?? error.cause);
  return forms;
}
