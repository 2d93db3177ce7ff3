// Hostile response bodies, each with the outcome it must have: bodies crafted
// here go through `parseResponse`; bodies too big to craft by hand come from
// the emulator's `oversized` fault through a client over HTTP. Node only.

import { readFileSync } from "node:fs";

const fixtureText = (path) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), "utf8");
// Parsed, a fixture's bare ids above 2^53 are rounded (the URN's id still wins); the raw text keeps them.
const fixture = (path) => JSON.parse(fixtureText(path));
const HOLE = "\u0000HOLE\u0000";
const MB10 = 10 * 1024 * 1024;

/**
 * Each provider's documented sent-invitations body, where its first headline
 * lives, and what holds its list under which key. Unipile's documentation
 * gives no example body: its file is ours, in the documented shape
 * (providers/NOTES.md "unipile").
 */
const FILES = {
  "linkup-v2": "linkup_v2/list_sent.doc.json",
  "linkup-v1": "linkup_v1/sent_invitations.doc.json",
  connectsafely: "connectsafely/invitations_sent.doc.json",
  unipile: "unipile/invitations_sent.json",
};
const TEMPLATES = {
  "linkup-v2": { body: () => fixture("linkup_v2/list_sent.doc.json"), headline: (b) => b.data.invitations[0].recipient, key: "headline", holder: (b) => b.data, listKey: "invitations" },
  "linkup-v1": { body: () => fixture("linkup_v1/sent_invitations.doc.json"), headline: (b) => b.data.invitations[0], key: "subtitle", holder: (b) => b.data, listKey: "invitations" },
  connectsafely: { body: () => fixture("connectsafely/invitations_sent.doc.json"), headline: (b) => b.invitations[0].profile, key: "headline", holder: (b) => b, listKey: "invitations" },
  unipile: { body: () => fixture("unipile/invitations_sent.json"), headline: (b) => b.items[0], key: "invited_user_description", holder: (b) => b, listKey: "items" },
};

/** The provider's body with its first headline replaced by `raw` JSON text (or by `value`). */
function withHeadline(provider, { raw, value }) {
  const template = TEMPLATES[provider];
  const body = template.body();
  template.headline(body)[template.key] = raw === undefined ? value : HOLE;
  const text = JSON.stringify(body);
  return raw === undefined ? text : text.replace(JSON.stringify(HOLE), raw);
}

/** A valid linkup-v2 body of just under `bytes`, of distinct invitations. */
function bigValidBody(bytes) {
  const body = TEMPLATES["linkup-v2"].body();
  const sample = body.data.invitations[0];
  const items = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const item = { ...sample, entity_urn: `urn:li:invitation:${7330000000000000000n + BigInt(index)}`, recipient: { ...sample.recipient } };
    items.push(item);
    size += JSON.stringify(item).length + 1;
  }
  body.data.invitations = items;
  body.data.total_available_results = items.length;
  return { text: JSON.stringify(body), items: items.length };
}

const parse = (provider, body, expect) => ({ kind: "parse", provider, body, expect });
const everyProvider = (name, make, expect) =>
  Object.keys(TEMPLATES).map((provider) => ({ name: `${name} [${provider}]`, ...parse(provider, () => make(provider), expect) }));

/** `expect`: an error code; "result" with a `check(page)`; or "typed" (any typed error or a result, never INTERNAL). */
export const HOSTILE_CASES = [
  { name: "100,000 '[' as the whole body", ...parse("linkup-v2", () => "[".repeat(100000), "BAD_RESPONSE") },
  { name: "100,000 '{\"a\":' as the whole body", ...parse("linkup-v2", () => '{"a":'.repeat(100000), "BAD_RESPONSE") },
  ...everyProvider("a headline nested 100,000 arrays deep (closed)", (p) => withHeadline(p, { raw: `${"[".repeat(100000)}${"]".repeat(100000)}` }), "BAD_RESPONSE"),
  ...everyProvider("truncated at every 7th byte", (p) => ({ truncations: withHeadline(p, { value: "CTO" }) }), "BAD_RESPONSE"),
  ...everyProvider("a headline of 10 MB (ASCII)", (p) => withHeadline(p, { value: "h".repeat(MB10) }), { result: (page) => page.items[0].person.headline.length === MB10 }),
  ...everyProvider("a headline of 10 MB of é written as escapes", (p) => withHeadline(p, { raw: `"${"\\u00e9".repeat(MB10 / 6)}"` }), { result: (page) => page.items[0].person.headline === "é".repeat(MB10 / 6) }),
  { name: "a headline of 10 MB of raw 4-byte emoji [linkup-v2]", ...parse("linkup-v2", () => withHeadline("linkup-v2", { value: "🌍".repeat(MB10 / 4) }), { result: (page) => page.items[0].person.headline === "🌍".repeat(MB10 / 4) }) },
  ...everyProvider("an id of 100,000 digits (bare and in the URN)", (p) => {
    const text = fixtureText(FILES[p]);
    return text.replaceAll(/\d{9,19}/.exec(text)[0], "9".repeat(100000));
  }, "BAD_RESPONSE"),
  { name: "a total of 1e999999 [linkup-v2]", ...parse("linkup-v2", () => JSON.stringify(TEMPLATES["linkup-v2"].body()).replace(/"total_available_results":\d+/, '"total_available_results":1e999999'), "BAD_RESPONSE") },
  { name: "a total as a string [linkup-v2]", ...parse("linkup-v2", () => JSON.stringify(TEMPLATES["linkup-v2"].body()).replace(/"total_available_results":(\d+)/, '"total_available_results":"$1"'), "BAD_RESPONSE") },
  // A missing list is BAD_RESPONSE (tests/fixtures: bad.list_missing); a null one is the wrong type.
  ...everyProvider("the list null", (p) => {
    const template = TEMPLATES[p];
    const body = template.body();
    template.holder(body)[template.listKey] = null;
    return JSON.stringify(body);
  }, "BAD_RESPONSE"),
  { name: "an item that is a number [connectsafely]", ...parse("connectsafely", () => JSON.stringify({ ...TEMPLATES.connectsafely.body(), invitations: [42] }), "BAD_RESPONSE") },
  { name: "a headline with raw control characters", ...parse("linkup-v2", () => withHeadline("linkup-v2", { raw: '"a\u0001b\nc"' }), "BAD_RESPONSE") },
  { name: "a headline with a lone surrogate escape", ...parse("linkup-v2", () => withHeadline("linkup-v2", { raw: '"\\ud800 x"' }), "typed") },
  { name: "a byte-order mark before the body", ...parse("linkup-v2", () => `\ufeff${JSON.stringify(TEMPLATES["linkup-v2"].body())}`, "typed") },
  { name: "the largest valid body under the cap (15 MiB of invitations)", ...parse("linkup-v2", () => bigValidBody(15 * 1024 * 1024), { result: (page, made) => page.items.length === made.items }), big: true },
  { name: "oversized 17 MiB, Content-Length accurate (client over HTTP)", kind: "http", fault: { type: "oversized", contentLength: "accurate" }, expect: "RESPONSE_TOO_LARGE" },
  { name: "oversized 17 MiB, no Content-Length (client over HTTP)", kind: "http", fault: { type: "oversized", contentLength: "none" }, expect: "RESPONSE_TOO_LARGE" },
  { name: "oversized 64 MiB, no Content-Length (client over HTTP)", kind: "http", fault: { type: "oversized", contentLength: "none", bytes: 64 * 1024 * 1024 }, expect: "RESPONSE_TOO_LARGE" },
];

export function hostileCase(name) {
  const found = HOSTILE_CASES.find((entry) => entry.name === name);
  if (!found) throw new Error(`no hostile case ${JSON.stringify(name)}`);
  return found;
}

function judge(expect, made, run) {
  let page;
  try {
    page = run();
  } catch (error) {
    const typed = error?.name === "LinkedInNetworkError" && typeof error.code === "string";
    const code = typed ? error.code : `untyped ${error?.name}: ${error?.message}`;
    const ok = typed && code !== "INTERNAL" && (expect === "typed" || expect === code);
    return { ok, outcome: code, message: String(error?.message).slice(0, 160) };
  }
  const ok = expect === "typed" || (typeof expect === "object" && expect.result(page, made));
  return { ok, outcome: `result (${page.items.length} items)`, message: ok ? "" : "a result that is not the expected one" };
}

/** Runs one case with the package `api` (and an emulator for "http" cases); resolves to { ok, outcome, message }. */
export async function runHostileCase(api, entry, emulator) {
  if (entry.kind === "http") {
    const apiKey = `hostile-${Math.random().toString(36).slice(2)}`;
    emulator.inject({ ...entry.fault, apiKey });
    const client = api.createClient({ provider: "linkup-v2", apiKey, accountId: "acct", baseUrl: emulator.url, timeoutMs: 60000 });
    let result;
    try {
      const page = await client.sentInvitations.list({ limit: 10 });
      result = { ok: false, outcome: `result (${page.items.length} items)`, message: "the oversized body was accepted" };
    } catch (error) {
      result = judge(entry.expect, null, () => {
        throw error;
      });
    }
    return result;
  }
  const made = entry.body();
  const parseOne = (body) => api.parseResponse({ provider: entry.provider, resource: "sentInvitations", status: 200, body });
  if (made.truncations !== undefined) {
    const whole = made.truncations;
    const verdicts = [];
    for (let cut = 0; cut < whole.length - 1; cut += 7) verdicts.push(judge(entry.expect, null, () => parseOne(whole.slice(0, cut))));
    const wrong = verdicts.filter((verdict) => !verdict.ok);
    return { ok: wrong.length === 0, outcome: wrong.length ? wrong[0].outcome : `${verdicts.length} × ${entry.expect}`, message: wrong.length ? `${wrong.length} cut(s) not ${entry.expect}` : "" };
  }
  const text = typeof made === "string" ? made : made.text;
  return judge(entry.expect, made, () => parseOne(text));
}
