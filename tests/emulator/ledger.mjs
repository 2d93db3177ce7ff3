// Credits spent per API key, and the log of every provider request: what a
// test asserts after the package made its calls.

/** Credits and request counts per API key, with optional spending limits. */
export function createLedger(creditLimits = {}) {
  let entries = new Map();
  const entryFor = (apiKey) => {
    let entry = entries.get(apiKey);
    if (!entry) {
      entry = { credits: 0, requests: 0 };
      entries.set(apiKey, entry);
    }
    return entry;
  };
  return {
    /** Every provider request that carried this key, whatever its outcome. */
    countRequest(apiKey) {
      if (apiKey) entryFor(apiKey).requests += 1;
    },
    /** Would spending `credits` more stay within the key's limit? */
    canSpend(apiKey, credits) {
      const limit = creditLimits[apiKey];
      if (limit === undefined || credits === 0) return true;
      return (entries.get(apiKey)?.credits ?? 0) + credits <= limit;
    },
    charge(apiKey, credits) {
      if (apiKey && credits > 0) entryFor(apiKey).credits += credits;
    },
    get(apiKey) {
      const entry = entries.get(apiKey);
      return { credits: entry?.credits ?? 0, requests: entry?.requests ?? 0 };
    },
    all() {
      return Object.fromEntries([...entries].map(([key, entry]) => [key, { ...entry }]));
    },
    reset() {
      entries = new Map();
    },
  };
}

/** The request log: one entry per provider request, completed when it is answered. */
export function createRequestLog() {
  let entries = [];
  return {
    /** Records a request as it arrives; the returned entry is completed later. */
    record(fields) {
      const entry = { status: null, fault: null, credits: 0, ...fields };
      entries.push(entry);
      return entry;
    },
    list() {
      return entries.map((entry) => ({ ...entry, headers: { ...entry.headers }, query: { ...entry.query } }));
    },
    clear() {
      entries = [];
    },
  };
}
