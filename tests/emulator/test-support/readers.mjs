// Whole-list readers through each provider's HTTP API, reduced to comparable
// keys: invitations by their exact id (read from strings, never through a JS
// number), connections by the decoded `/in/` segment of their profile URL
// (the truth's `slug ?? memberId`).

import { cs, finish, v1, v2 } from "./helpers.mjs";

export const PROVIDERS = ["linkup-v2", "linkup-v1", "connectsafely", "unipile"];
const UNIPILE_PATHS = { sentInvitations: "invite/sent", receivedInvitations: "invite/received", connections: "relations" };

/** Unipile: GET /api/v1/users/<path>?account_id&cursor&limit; `apiKey: null` sends no X-API-KEY. */
export async function unipileGet(emu, resource, query = {}, { apiKey = "key-1", ...init } = {}) {
  const headers = apiKey === null ? {} : { "x-api-key": apiKey };
  const search = new URLSearchParams(query).toString();
  return finish(await fetch(`${emu.url}/api/v1/users/${UNIPILE_PATHS[resource]}${search ? `?${search}` : ""}`, { headers, ...init }));
}

/** Every page of a unipile list, following the cursor: [{status, json}] per call. */
export async function unipilePages(emu, resource, account, { limit, apiKey = "key-1" } = {}) {
  const pages = [];
  let cursor;
  do {
    const query = { account_id: account };
    if (limit !== undefined) query.limit = limit;
    if (cursor) query.cursor = cursor;
    const page = await unipileGet(emu, resource, query, { apiKey });
    pages.push(page);
    if (page.status !== 200) return pages;
    cursor = page.json.cursor;
  } while (cursor !== null);
  return pages;
}

/** The key of a unipile item: the invitation id, or the relation's profile. */
export const unipileKey = (item) => (item.object === "UserRelation" ? profileKey(item.public_profile_url) : item.id);

/** The `/in/<segment>` of a profile URL, percent-decoded. */
export function profileKey(url) {
  return decodeURIComponent(new URL(url).pathname.split("/")[2]);
}

/** The truth item's key, as profileKey gives it for a connection. */
export function truthKey(item) {
  return item.id ?? item.person.slug ?? item.person.memberId;
}

const lastSegment = (urn) => urn.slice(urn.lastIndexOf(":") + 1);

/** Every item of `resource` for `account` through `provider`, as keys in list order. */
export async function readKeys(emu, provider, resource, account, { apiKey = "key-1" } = {}) {
  if (provider === "linkup-v2") {
    const action = { sentInvitations: "list_sent", receivedInvitations: "list_invitations", connections: "list_connections" }[resource];
    const { json } = await v2(emu, action, { count: 100000 }, { account, apiKey });
    if (resource === "connections") return json.data.connections.map((c) => profileKey(c.profile_url));
    return json.data.invitations.map((inv) => lastSegment(inv.entity_urn));
  }
  if (provider === "linkup-v1") {
    const { json } = await v1(emu, resource, { total_results: 100000 }, { loginToken: account, apiKey });
    if (resource === "connections") return json.data.connections.map((c) => profileKey(c.profile_url));
    return json.data.invitations.map((inv) => lastSegment(inv.entity_urn));
  }
  if (provider === "connectsafely") {
    const keys = [];
    const pageSize = resource === "connections" ? 12 : 10;
    for (let startIndex = 0; ; startIndex += pageSize) {
      const query = { accountId: account, startIndex };
      if (resource === "connections") query.limit = pageSize;
      const { json } = await cs(emu, resource, query, { apiKey });
      const items = json[resource === "connections" ? "connections" : "invitations"];
      keys.push(...items.map((item) => (resource === "connections" ? profileKey(item.profileUrl) : item.invitationId)));
      if (items.length < pageSize) return keys;
    }
  }
  if (provider === "unipile") {
    const pages = await unipilePages(emu, resource, account, { limit: resource === "connections" ? 1000 : 100, apiKey });
    return pages.flatMap((page) => page.json.items.map(unipileKey));
  }
  throw new Error(`no reader for ${provider}`);
}

/** What `provider` lists of a truth list: linkup (its default filter) and unipile see only CONNECTION received invitations. */
export function visibleTo(provider, resource, truthItems) {
  if (provider !== "connectsafely" && resource === "receivedInvitations") return truthItems.filter((item) => item.linkupType === "CONNECTION");
  return truthItems;
}

/** Set difference of two key lists: [added (in after, not before), removed (in before, not after)]. */
export function keyDiff(before, after) {
  const was = new Set(before);
  const is = new Set(after);
  return [after.filter((k) => !was.has(k)), before.filter((k) => !is.has(k))];
}
