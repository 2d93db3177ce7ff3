// The terminal half of the demo: the same run as the page (www/js/run.js),
// through the package's Node entry, one line per provider.

import { createClient } from "../pkg/entry/node.js";
import { DEFAULT_MAX_ITEMS, PROVIDERS } from "../www/js/providers.js";
import { planRun, runProvider, totals } from "../www/js/run.js";
import { pendingByWeek } from "../www/js/network.js";

const number = new Intl.NumberFormat("en-US");

/**
 * Fetches every list through each provider and resolves to one summary per
 * provider: { provider, label, sentPending, stale, received, connections,
 * credits, estimated, requests, error }.
 */
export async function summarize(config, { maxItems = DEFAULT_MAX_ITEMS, signal, onSummary } = {}) {
  return Promise.all(PROVIDERS.map(async ({ id, label }) => {
    const plan = planRun({ createClient, provider: id, config, maxItems });
    const estimated = Object.values(plan).reduce((sum, estimate) => sum + estimate.credits, 0);
    const outcome = await runProvider({ createClient, provider: id, config, maxItems, signal });
    const sums = totals(outcome);
    const items = (resource) => (outcome[resource].ok ? outcome[resource].result.items : null);
    const sent = items("sentInvitations");
    const byWeek = sent ? pendingByWeek(sent) : null;
    const summary = {
      provider: id,
      label,
      sentPending: byWeek?.pending ?? null,
      stale: byWeek?.stale.length ?? null,
      received: items("receivedInvitations")?.length ?? null,
      connections: items("connections")?.length ?? null,
      credits: sums.credits,
      estimated,
      requests: sums.requests,
      error: sums.error ? `${sums.error.code ?? "ERROR"}: ${sums.error.message}` : null,
    };
    onSummary?.(summary);
    return summary;
  }));
}

const show = (value) => (value === null ? "–" : number.format(value));

const COLUMNS = [
  ["provider", 14, (s) => s.label],
  ["sent pending (stale)", 21, (s) => `${show(s.sentPending)} (${show(s.stale)})`],
  ["received", 9, (s) => show(s.received)],
  ["connections", 12, (s) => show(s.connections)],
  ["credits spent / estimated", 26, (s) => `${show(s.credits)} / ≤ ${show(s.estimated)}`],
  ["requests", 9, (s) => show(s.requests)],
];

function line(cells) {
  return `  ${cells.map((text, index) => (index === 0 ? text.padEnd(COLUMNS[0][1]) : text.padStart(COLUMNS[index][1]))).join(" ")}`;
}

/** The summary table's header line. */
export function summaryHeader() {
  return line(COLUMNS.map(([title]) => title));
}

/** One provider's line of the terminal summary. */
export function formatSummary(s) {
  if (s.error) return `  ${s.label.padEnd(COLUMNS[0][1])} ${s.error}`;
  return line(COLUMNS.map(([, , value]) => value(s)));
}
