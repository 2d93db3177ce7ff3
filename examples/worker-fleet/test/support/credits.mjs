// The price a sync should have, from the package's own planner: invitation
// lists read in full, connections in full on a first sync, else from the head
// at the incremental floor — one call of a unit (linkup-v2: 50 for a credit,
// linkup-v1: a page of 10, ConnectSafely: one request) while fewer than a
// unit are new.

import { estimateCredits } from "../../../../pkg/entry/node.js";
import { lengths } from "./population.mjs";

const UNIT = { "linkup-v2": 50, "linkup-v1": 10, connectsafely: 10 };

const full = (provider, resource, limit) => (limit === 0 ? 0 : estimateCredits({ provider, resource, offset: 0, limit }).credits);

/** Credits of the next sync of `account`: a baseline (`first`) or an incremental one. */
export function floorOf(account, { first }) {
  const n = lengths(account);
  const { provider } = account;
  const connections = first ? full(provider, "connections", n.connections) : full(provider, "connections", UNIT[provider]);
  return full(provider, "sentInvitations", n.sentInvitations) + full(provider, "receivedInvitations", n.receivedInvitations) + connections;
}
