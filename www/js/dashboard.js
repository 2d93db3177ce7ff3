// The network on show (store.js) drawn into the page: the three tables with
// their counts, the chart and the stale list. Redrawn after a fetch, a sync
// and an action, so every view shows the same lists.

import { RESOURCES } from "./providers.js";
import { network } from "./store.js";
import { createTable } from "./tables.js";
import { clearChart, showChart } from "./chart.js";
import { formatNumber } from "./format.js";

const tables = {};
// Per list: a note for its caption, and the error code when its fetch failed.
const notes = {};
const failures = {};

/** Builds the tables; `rowActions[resource](item)` gives a row's buttons. */
export function initDashboard(rowActions = {}) {
  for (const { id } of RESOURCES) tables[id] = createTable(id, { rowActions: rowActions[id] });
}

/** Empties every view (a new fetch is under way). */
export function clearNetwork(message) {
  for (const { id } of RESOURCES) {
    tables[id].show([]);
    document.querySelector(`[data-count="${id}"]`).textContent = "";
  }
  clearChart(message);
}

/**
 * Draws the network on show. `fetched` (after a fetch) sets each list's caption
 * note and failure: { [resource]: { note, error } }; without it they are kept.
 */
export function showNetwork(providerLabel, fetched) {
  if (fetched) {
    for (const { id } of RESOURCES) {
      notes[id] = fetched[id]?.note ?? "";
      failures[id] = fetched[id]?.error ?? null;
    }
  }
  for (const { id } of RESOURCES) {
    const items = network.lists[id];
    tables[id].show(items, notes[id] ?? "");
    document.querySelector(`[data-count="${id}"]`).textContent = failures[id] ? `(${failures[id]})` : `(${formatNumber(items.length)})`;
  }
  if (failures.sentInvitations) clearChart(`No chart: fetching sent invitations failed with ${failures.sentInvitations}.`);
  else showChart(network.lists.sentInvitations, providerLabel);
  document.dispatchEvent(new CustomEvent("network-shown"));
}
