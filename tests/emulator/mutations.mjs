// Mutations over time: what happens to an account between two syncs (people
// connect, invitations are accepted, withdrawn, declined, new ones arrive),
// applied in one step, answered with the exact diff a sync should report.
//
// `mutate(spec)` — every key optional; a count is an integer >= 0, an id
// list an array of decimal strings (never numbers):
//
//   account            the account key ("default")
//   advanceMs          moves the emulator clock and every item's age on first
//   withdrawSent       count | [invitationId]  sent invitations leave the list
//   removeReceived     count | [invitationId]  received ones leave (declined, withdrawn by the sender)
//   removeConnections  count | [memberId | canonicalUrl | slug]  connections leave
//   acceptSent         count | [invitationId]  a sent invitation leaves and its
//                                              person joins the head of connections
//   acceptReceived     count | [invitationId]  a received one leaves; a CONNECTION
//                                              one's person joins the head of connections
//   addSent            count  new sent invitations at the head (age 0)
//   addReceived        count  new received CONNECTION invitations at the head
//   addConnections     count  new people at the head of connections
//
// Applied in that order. A count picks items at seeded random positions
// (acceptReceived among CONNECTION invitations), so the same seed and the
// same calls give the same changes. A bad spec (an unknown key, an id that
// is not in the list, a count above what is there) changes nothing and
// throws a TypeError.
//
// The answer: `{account, now, versions, changes}` where changes is
// `{sentInvitations: {added, removed}, receivedInvitations: {added, removed},
// connections: {added, removed}, accepted: [{invitation, connection}]}`: the
// difference between the lists before and after, as truth (truth.mjs), in
// list order (newest first); `accepted` pairs a removed sent invitation with
// the added connection of the same person (SPEC §8).

import { RESOURCES } from "./data.mjs";
import { streamFor } from "./prng.mjs";
import { connectionTruth, invitationTruth } from "./truth.mjs";
import { canonicalProfileUrl } from "./people.mjs";

const COUNT_OR_IDS = ["withdrawSent", "removeReceived", "removeConnections", "acceptSent", "acceptReceived"];
const COUNT_ONLY = ["addSent", "addReceived", "addConnections"];
export const MUTATION_KEYS = ["account", "advanceMs", ...COUNT_OR_IDS, ...COUNT_ONLY];
const RESOURCE_OF = {
  withdrawSent: "sentInvitations",
  acceptSent: "sentInvitations",
  removeReceived: "receivedInvitations",
  acceptReceived: "receivedInvitations",
  removeConnections: "connections",
};
const ADDS = { addSent: "sentInvitations", addReceived: "receivedInvitations", addConnections: "connections" };

function fail(message) {
  throw new TypeError(`mutate: ${message}`);
}

function checkSpec(spec) {
  if (!spec || typeof spec !== "object" || Array.isArray(spec)) fail("the body is an object");
  for (const key of Object.keys(spec)) if (!MUTATION_KEYS.includes(key)) fail(`unknown key ${key}; known: ${MUTATION_KEYS.join(", ")}`);
  if (spec.account !== undefined && (typeof spec.account !== "string" || spec.account === "")) fail("account must be a non-empty string");
  if (spec.advanceMs !== undefined && !(Number.isInteger(spec.advanceMs) && spec.advanceMs >= 0)) fail("advanceMs must be an integer >= 0");
  for (const key of COUNT_ONLY) {
    if (spec[key] !== undefined && !(Number.isInteger(spec[key]) && spec[key] >= 0)) fail(`${key} must be an integer >= 0`);
  }
  for (const key of COUNT_OR_IDS) {
    const value = spec[key];
    if (value === undefined || (Number.isInteger(value) && value >= 0)) continue;
    if (!Array.isArray(value) || value.some((id) => typeof id !== "string" || id === "")) {
      fail(`${key} must be an integer >= 0 or an array of id strings`);
    }
  }
}

/** Does connection `item` answer to `key` (member id, canonical URL, or slug)? */
function connectionMatches(item, key) {
  const p = item.person;
  return p.memberId === key || canonicalProfileUrl(p) === key || (p.slug !== null && p.slug === key);
}

/** The items an op names: ids looked up, or `count` picked at seeded positions among `eligible`. */
function select(account, key, value, rng) {
  const resource = RESOURCE_OF[key];
  const list = account.list(resource);
  if (Array.isArray(value)) {
    return value.map((id) => {
      const hit = resource === "connections" ? list.find((item) => connectionMatches(item, id)) : account.findInvitation(resource, id);
      if (!hit) fail(`${key}: ${id} is not in ${resource} of this account`);
      return hit;
    });
  }
  const eligible = key === "acceptReceived" ? list.filter((item) => item.category === "CONNECTION") : [...list];
  if (value > eligible.length) fail(`${key}: ${value} asked, ${eligible.length} there`);
  const picked = [];
  for (let i = 0; i < value; i += 1) picked.push(...eligible.splice(rng.int(eligible.length), 1));
  return picked;
}

/**
 * Applies `spec` to one account of `network`. `clock.advance(ms)` moves the
 * emulator clock; `clock.now()` reads it. Returns the answer described above.
 */
export function mutate(network, spec, clock) {
  checkSpec(spec);
  const accountKey = spec.account ?? "default";
  const account = network.account(accountKey);
  const saved = account.saveState();
  const before = Object.fromEntries(RESOURCES.map((r) => [r, [...account.list(r)]]));
  const index = account.mutations;
  account.mutations += 1;
  // The clock moves first: what is accepted or added below is born at the new time.
  const advanceMs = spec.advanceMs ?? 0;
  network.advance(advanceMs);
  clock.advance(advanceMs);
  try {
    for (const key of COUNT_OR_IDS) {
      if (spec[key] === undefined) continue;
      const rng = streamFor(network.factory.seed32, `mutate:${key}:${accountKey}`, index);
      for (const item of select(account, key, spec[key], rng)) {
        if (!account.list(item.resource).includes(item)) fail(`${key}: an item is named twice`);
        if (key.startsWith("accept")) account.accept(item);
        else account.remove(item);
      }
    }
  } catch (error) {
    account.restoreState(saved);
    network.advance(-advanceMs);
    clock.advance(-advanceMs);
    throw error;
  }
  for (const [key, resource] of Object.entries(ADDS)) if (spec[key]) account.shift(resource, spec[key]);
  return { account: accountKey, now: new Date(clock.now()).toISOString(), versions: { ...account.versions }, changes: diff(account, before, clock.now()) };
}

/** The true changes between `before` (lists of items) and the account's lists now. */
export function diff(account, before, nowMs) {
  const changes = {};
  const truth = (item) => (item.resource === "connections" ? connectionTruth(item, nowMs) : invitationTruth(item));
  const addedItems = {};
  const removedItems = {};
  for (const resource of RESOURCES) {
    const after = account.list(resource);
    const was = new Set(before[resource]);
    const is = new Set(after);
    addedItems[resource] = after.filter((item) => !was.has(item));
    removedItems[resource] = before[resource].filter((item) => !is.has(item));
    changes[resource] = { added: addedItems[resource].map(truth), removed: removedItems[resource].map(truth) };
  }
  const newConnections = new Map(addedItems.connections.map((item) => [canonicalProfileUrl(item.person), item]));
  changes.accepted = removedItems.sentInvitations
    .filter((item) => newConnections.has(canonicalProfileUrl(item.person)))
    .map((item) => ({ invitation: invitationTruth(item), connection: truth(newConnections.get(canonicalProfileUrl(item.person))) }));
  return changes;
}
