// "Spent on this page": the credits and HTTP requests of every call the page
// made through the package since it loaded, by kind, as the package reported
// them. The emulator's ledger for the demo's key counts the same.

import { formatNumber } from "./format.js";

const KINDS = [
  { id: "fetch", label: "Fetches (collect)" },
  { id: "sync", label: "Syncs (sync)" },
  { id: "preview", label: "Withdrawal previews (withdrawStale, dry run)" },
  { id: "action", label: "Withdrawals, accepts, ignores" },
];

const sums = Object.fromEntries(KINDS.map(({ id }) => [id, { credits: 0, requests: 0 }]));
const lastFetches = new Map();

function row(tr, { credits, requests }) {
  tr.querySelector('[data-cell="credits"]').textContent = formatNumber(credits);
  tr.querySelector('[data-cell="requests"]').textContent = formatNumber(requests);
}

function render() {
  const total = { credits: 0, requests: 0 };
  for (const { id } of KINDS) {
    row(document.querySelector(`#spend tr[data-kind="${id}"]`), sums[id]);
    total.credits += sums[id].credits;
    total.requests += sums[id].requests;
  }
  row(document.querySelector("#spend tfoot tr"), total);
}

export function initSpend() {
  const tbody = document.querySelector("#spend tbody");
  for (const { id, label } of KINDS) {
    const tr = document.createElement("tr");
    tr.dataset.kind = id;
    tr.innerHTML = '<th scope="row"></th><td class="num" data-cell="credits"></td><td class="num" data-cell="requests"></td>';
    tr.querySelector("th").textContent = label;
    tbody.append(tr);
  }
  render();
}

/** Adds what one call spent to its kind's row and the total. */
export function addSpend(kind, credits, requests) {
  sums[kind].credits += credits;
  sums[kind].requests += requests;
  render();
}

/** Remembers what the last complete fetch through `provider` spent (a full re-read, measured). */
export function recordFullFetch(provider, credits, requests) {
  lastFetches.set(provider, { credits, requests });
}

export function lastFullFetch(provider) {
  return lastFetches.get(provider) ?? null;
}
