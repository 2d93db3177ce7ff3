// Shared by the list-shift and list-deletion tests: the package in Node, a
// whole read of one list with its identity keys, the checks every moving-list
// run must pass, and the measurement table they print.

import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const api = await import(new URL("../../../../pkg/entry/node.js", import.meta.url).href);
export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
const OUTPUT_DIR = fileURLToPath(new URL("../../../../test-output/reliability/", import.meta.url));

/** Credentials of one run: its own API key (ledger) and account (data). */
export function credentials(provider, tag) {
  const apiKey = `key-${tag}`;
  const account = `acct-${tag}`;
  return { apiKey, account, auth: provider === "linkup-v1" ? { apiKey, loginToken: account } : { apiKey, accountId: account } };
}

export function baseUrlOf(emu, provider) {
  return provider === "connectsafely" ? `${emu.url}/linkedin` : emu.url;
}

/** What identifies an item exactly once: an invitation's id, a connection's canonical profile URL. */
export const keyOf = (resource, item) => (resource === "connections" ? item.person.profileUrl : item.id);
export const truthKey = (resource, row) => (resource === "connections" ? row.person.canonicalUrl : row.id);

/** The list as this provider shows it (linkup and Unipile list CONNECTION invitations only), as keys. */
export function truthKeys(emu, provider, account, resource) {
  const rows = emu.data(account, resource);
  const shown = resource !== "connections" && provider !== "connectsafely" ? rows.filter((row) => row.linkupType === "CONNECTION") : rows;
  return shown.map((row) => truthKey(resource, row));
}

/** Collects the whole list; resolves to the result and the delivered keys. */
export async function readAll(emu, provider, auth, resource, extra = {}) {
  const client = api.createClient({ provider, ...auth, baseUrl: baseUrlOf(emu, provider), retry: { baseDelayMs: 10 }, ...extra });
  const result = await client[resource].collect({});
  return { result, keys: result.items.map((item) => keyOf(resource, item)) };
}

/**
 * The checks of a read over a list that moved: no key twice, no key that was
 * never in the list, and every key of `mustHave` exactly once. Returns problems.
 */
export function movingListProblems({ keys, everKnown, mustHave }) {
  const problems = [];
  const counts = new Map();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
  if (twice.length) problems.push(`${twice.length} item(s) delivered more than once, e.g. ${twice[0]}`);
  const unknown = keys.filter((key) => !everKnown.has(key));
  if (unknown.length) problems.push(`${unknown.length} delivered item(s) were never in the list, e.g. ${unknown[0]}`);
  const missing = mustHave.filter((key) => !counts.has(key));
  if (missing.length) problems.push(`${missing.length} of ${mustHave.length} items that were in the list throughout never delivered, e.g. ${missing[0]}`);
  return problems;
}

/** The re-read windows the run reports: [{ from, to, credits, fresh }]. */
export function repairs(warnings) {
  return warnings.flatMap((warning) => {
    const match = /^re-read items (\d+)–(\d+) after the shift \((\d+) credits\): (\d+) of them not seen before/.exec(warning);
    return match ? [{ from: Number(match[1]), to: Number(match[2]), credits: Number(match[3]), fresh: Number(match[4]) }] : [];
  });
}

/** Prints a measurement table and saves it as test-output/reliability/<name>.txt. */
export function printTable(name, title, header, rows) {
  const all = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, index) => Math.max(...all.map((row) => row[index].length)));
  const lines = all.map((row) => row.map((text, index) => text.padEnd(widths[index])).join(" | ").trimEnd());
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("-+-"));
  const text = `${title}\n${lines.join("\n")}`;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(`${OUTPUT_DIR}${name}.txt`, `${text}\n`);
  console.log(`\n${text}\n`);
}
