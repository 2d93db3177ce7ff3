// A population of fleet accounts on the emulator — each with its own API key
// and account — the mutations between cron ticks, and the emulator's true
// diff each account's recorded changes must equal.

export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely"];
/** linkup lists CONNECTION invitations only; ConnectSafely every kind. */
const listed = (provider) => (item) => provider === "connectsafely" || item.linkupType === "CONNECTION";

export function population(emu, count, { prefix = "a" } = {}) {
  return Array.from({ length: count }, (_, index) => {
    const provider = PROVIDERS[index % PROVIDERS.length];
    const key = `${prefix}${String(index).padStart(4, "0")}`;
    return { id: `fleet-${key}`, provider, apiKey: `key-${key}`, emuAccount: `emu-${key}`, expected: [], baseline: null, emu };
  });
}

export function registration(account, { webhook } = {}) {
  const field = account.provider === "linkup-v1" ? "loginToken" : "accountId";
  const baseUrl = account.provider === "connectsafely" ? `${account.emu.url}/linkedin` : account.emu.url;
  return {
    id: account.id,
    provider: account.provider,
    credentials: { apiKey: account.apiKey, [field]: account.emuAccount },
    baseUrl,
    intervalMinutes: 0,
    ...(webhook ? { webhook } : {}),
  };
}

export async function register(fleet, accounts, options) {
  for (const account of accounts) {
    const { status, body } = await fleet.api("POST", "/accounts", registration(account, options));
    if (status !== 201) throw new Error(`register ${account.id}: ${status} ${JSON.stringify(body)}`);
    account.baseline = baselineOf(account);
  }
}

const connectionKey = (item) => item.person.canonicalUrl;

/** What a first sync records: every listed item, as `resource|kind|key`. */
export function baselineOf(account) {
  const data = account.emu.data(account.emuAccount);
  const keep = listed(account.provider);
  return [
    ...data.sentInvitations.filter(keep).map((item) => `sentInvitations|added|${item.id}`),
    ...data.receivedInvitations.filter(keep).map((item) => `receivedInvitations|added|${item.id}`),
    ...data.connections.map((item) => `connections|added|${connectionKey(item)}`),
  ].sort();
}

/** A seeded mutation per account (fewer than 10 new connections: one head call). */
export function mutateAll(accounts, round) {
  for (const [index, account] of accounts.entries()) {
    const pick = (n) => (index * 7 + round * 3) % n;
    const spec = {
      account: account.emuAccount,
      advanceMs: 3_600_000,
      addConnections: pick(4),
      addSent: pick(3),
      acceptSent: pick(2),
      withdrawSent: pick(2) === 0 ? 1 : 0,
      addReceived: pick(3) === 1 ? 1 : 0,
      removeReceived: pick(5) === 2 ? 1 : 0,
    };
    const { changes } = account.emu.mutate(spec);
    account.expected.push(...expectedOf(account.provider, changes));
  }
}

function expectedOf(provider, changes) {
  const keep = listed(provider);
  const out = [];
  for (const resource of ["sentInvitations", "receivedInvitations"]) {
    for (const item of changes[resource].added.filter(keep)) out.push(`${resource}|added|${item.id}`);
    for (const item of changes[resource].removed.filter(keep)) out.push(`${resource}|removed|${item.id}`);
  }
  for (const item of changes.connections.added) out.push(`connections|added|${connectionKey(item)}`);
  for (const item of changes.connections.removed) out.push(`connections|removed|${connectionKey(item)}`);
  const sentListed = new Set(changes.sentInvitations.removed.filter(keep).map((item) => item.id));
  for (const pair of changes.accepted) if (sentListed.has(pair.invitation.id)) out.push(`accepted|accepted|${pair.invitation.id}`);
  return out;
}

/** Every account's recorded changes from D1, split into baseline and later ones. */
export async function recorded(fleet) {
  const rows = await fleet.rows("SELECT account_id, resource, kind, item_key, baseline FROM changes ORDER BY seq");
  const byAccount = new Map();
  for (const row of rows) {
    const entry = byAccount.get(row.account_id) ?? { baseline: [], later: [] };
    (row.baseline ? entry.baseline : entry.later).push(`${row.resource}|${row.kind}|${row.item_key}`);
    byAccount.set(row.account_id, entry);
  }
  return byAccount;
}

/** Accounts whose recording differs from the truth: [{ id, missing, extra }] (empty when all match). */
export async function mismatches(fleet, accounts) {
  const byAccount = await recorded(fleet);
  const out = [];
  for (const account of accounts) {
    const got = byAccount.get(account.id) ?? { baseline: [], later: [] };
    const diff = multisetDiff([...account.baseline, ...account.expected.map((k) => `~${k}`)], [...got.baseline, ...got.later.map((k) => `~${k}`)]);
    if (diff.missing.length > 0 || diff.extra.length > 0) out.push({ id: account.id, ...diff });
  }
  return out;
}

function multisetDiff(want, got) {
  const counts = new Map();
  for (const key of want) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of got) counts.set(key, (counts.get(key) ?? 0) - 1);
  const missing = [];
  const extra = [];
  for (const [key, count] of counts) {
    for (let i = 0; i < count; i += 1) missing.push(key);
    for (let i = 0; i < -count; i += 1) extra.push(key);
  }
  return { missing: missing.slice(0, 5), extra: extra.slice(0, 5), counts: { missing: missing.length, extra: extra.length } };
}

/** Lengths of the lists as `account.provider` lists them now. */
export function lengths(account) {
  const data = account.emu.data(account.emuAccount);
  const keep = listed(account.provider);
  return {
    sentInvitations: data.sentInvitations.filter(keep).length,
    receivedInvitations: data.receivedInvitations.filter(keep).length,
    connections: data.connections.length,
  };
}
