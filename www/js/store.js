// What the page remembers. The last sync's state per provider, kept in
// localStorage as the package hands it over (an opaque string, no secret),
// with the list sizes it has seen (to price a full re-read beside the sync);
// and the network the tables and the chart show, kept in memory. No DOM here.

import { RESOURCES } from "./providers.js";

const PREFIX = "linkedin-network-demo:sync:";

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (a sandboxed frame, strict privacy settings)
  }
}

/** The saved sync of `provider`: { state, counts: {[resource]: n}, syncedAt } or null. */
export function loadSync(provider) {
  const text = storage()?.getItem(PREFIX + provider);
  if (!text) return null;
  try {
    const entry = JSON.parse(text);
    return typeof entry?.state === "string" ? entry : null;
  } catch {
    return null;
  }
}

export function saveSync(provider, entry) {
  storage()?.setItem(PREFIX + provider, JSON.stringify(entry));
}

export function forgetSync(provider) {
  storage()?.removeItem(PREFIX + provider);
}

/** The list sizes after a sync: a baseline's are what it read; later ones move by what was added and removed. */
export function countsAfter(previous, changes) {
  const counts = {};
  for (const { id } of RESOURCES) {
    const { added, removed } = changes[id];
    counts[id] = changes.baseline || !previous ? added.length : Math.max(0, (previous[id] ?? 0) + added.length - removed.length);
  }
  return counts;
}

/** The key sync uses for an item: an invitation's id, a connection's profile URL (else member id). */
export function itemKey(item) {
  return item.kind === "invitation" ? item.id : item.person.profileUrl ?? item.person.memberId;
}

/** The network on show: one provider's three lists, newest first; `provider` null before any fetch. */
export const network = {
  provider: null,
  lists: Object.fromEntries(RESOURCES.map(({ id }) => [id, []])),
};

export function setNetwork(provider, lists) {
  network.provider = provider;
  for (const { id } of RESOURCES) network.lists[id] = lists[id] ?? [];
}

/** Takes the items with these keys out of one list; returns how many left. */
export function removeFromList(resource, keys) {
  const gone = new Set(keys);
  const before = network.lists[resource].length;
  network.lists[resource] = network.lists[resource].filter((item) => !gone.has(itemKey(item)));
  return before - network.lists[resource].length;
}

/** Applies a sync's changes to the lists on show (added at the head, once; removed taken out). */
export function applyChanges(changes) {
  for (const { id } of RESOURCES) {
    const { added, removed } = changes[id];
    removeFromList(id, removed.map((entry) => entry.key));
    const known = new Set(network.lists[id].map(itemKey));
    network.lists[id] = [...added.filter((item) => !known.has(itemKey(item))), ...network.lists[id]];
  }
}
