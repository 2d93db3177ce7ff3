// The four providers' envelopes mapped to the package's page model by hand:
// what a JS user would write instead of calling parseResponse. Same fields,
// same fallbacks, same type checks; `parse` is JSON.parse or lossless-json.

import { count, firstPresent, flag, object, objects, text } from "./read.mjs";
import { person } from "./person.mjs";
import { anchor, exact, parseIso, resolve } from "./time.mjs";
import { bareId, invitationId } from "./ids.mjs";

const listKey = (resource) => (resource === "connections" ? "connections" : "invitations");
const directionOf = (resource) => (resource === "receivedInvitations" ? "received" : "sent");

function linkupV2(root, resource, dateHeader) {
  if (flag(root, "success") !== true) throw new Error("success is not true");
  const warnings = [];
  const metadata = object(root, "metadata");
  const clock = anchor(metadata ? text(metadata, "timestamp") : null, dateHeader, warnings);
  const data = object(root, "data");
  if (!data) throw new Error("data is missing");
  const listType = text(data, "invitation_type");
  const items = objects(data, listKey(resource)).map((entry, index) => {
    const place = `data.${listKey(resource)}[${index}]`;
    if (resource === "connections") {
      const who = person({ fullName: text(entry, "name"), firstName: text(entry, "first_name"), lastName: text(entry, "last_name"), headline: firstPresent(text(entry, "job_title"), text(entry, "headline")), profileUrl: text(entry, "profile_url"), pictureUrl: text(entry, "profile_picture") }, warnings, `${place}.profile_url`);
      return { kind: "connection", person: who, connectedAt: null, provider: "linkup-v2" };
    }
    const [id, urn] = invitationId(entry, ["invitation_id", "id"], "entity_urn", warnings, place);
    const side = object(entry, resource === "receivedInvitations" ? "sender" : "recipient");
    const who = side
      ? person({ firstName: text(side, "first_name"), lastName: text(side, "last_name"), fullName: text(side, "name"), headline: text(side, "headline"), profileUrl: text(side, "linkedin_url"), pictureUrl: firstPresent(text(side, "profile_picture"), text(side, "profile_picture_url")) }, warnings, `${place}.linkedin_url`)
      : person({}, warnings, place);
    return {
      kind: "invitation", id, urn, direction: directionOf(resource), type: text(entry, "invitation_type") ?? listType ?? "CONNECTION",
      state: firstPresent(text(entry, "invitation_state"), text(entry, "state")), message: text(entry, "message"),
      sentAt: resolve(text(entry, "sent_time"), count(entry, "sent_time_days"), clock, warnings, `${place}.sent_time`),
      person: who, acceptToken: text(entry, "shared_secret"), providerType: text(entry, "invitation_type") ?? listType, provider: "linkup-v2",
    };
  });
  const total = count(data, "total_available_results");
  const pagination = object(data, "pagination");
  const offset = (pagination && count(pagination, "offset")) ?? 0;
  const hasMore = (pagination && flag(pagination, "has_more")) ?? (total !== null && offset + items.length < total);
  const creditsUsed = (metadata && count(metadata, "credits_consumed")) ?? Math.ceil(items.length / 50);
  return { items, offset, total, hasMore, creditsUsed, warnings };
}

function linkupV1(root, resource, dateHeader) {
  if (text(root, "status") !== "success") throw new Error("status is not success");
  const warnings = [];
  const clock = anchor(null, dateHeader, warnings);
  const data = object(root, "data");
  if (!data) throw new Error("data is missing");
  const items = objects(data, listKey(resource)).map((entry, index) => {
    const place = `data.${listKey(resource)}[${index}]`;
    const who = person({ fullName: text(entry, "name"), headline: firstPresent(text(entry, "subtitle"), text(entry, "job_title"), text(entry, "headline")), profileUrl: text(entry, "profile_url"), pictureUrl: text(entry, "profile_picture") }, warnings, `${place}.profile_url`);
    if (resource === "connections") return { kind: "connection", person: who, connectedAt: null, provider: "linkup-v1" };
    const [id, urn] = invitationId(entry, ["invitation_id"], "entity_urn", warnings, place);
    return {
      kind: "invitation", id, urn, direction: directionOf(resource), type: text(entry, "invitation_type") ?? "CONNECTION",
      state: text(entry, "invitation_state"), message: text(entry, "message"),
      sentAt: resolve(text(entry, "sent_time"), null, clock, warnings, `${place}.sent_time`),
      person: who, acceptToken: text(entry, "shared_secret"), providerType: text(entry, "invitation_type"), provider: "linkup-v1",
    };
  });
  const total = count(data, "total_available_results");
  const pagination = object(data, "pagination") ?? {};
  const startPage = count(pagination, "start_page");
  const endPage = count(pagination, "end_page") ?? startPage;
  const perPage = count(pagination, "results_per_page") || 10;
  const offset = startPage === null ? 0 : Math.max(startPage - 1, 0) * perPage;
  const hasMore = total === null ? false : endPage !== null ? endPage * perPage < total : offset + items.length < total;
  const creditsUsed = count(pagination, "pages_fetched") ?? (startPage !== null && endPage !== null && endPage >= startPage ? endPage - startPage + 1 : Math.ceil(items.length / 10));
  return { items, offset, total, hasMore, creditsUsed, warnings };
}

function connectSafely(root, resource, dateHeader) {
  if (flag(root, "success") === false) throw new Error("success is false");
  const warnings = [];
  const clock = anchor(null, dateHeader, warnings);
  const items = objects(root, listKey(resource)).map((entry, index) => {
    const place = `${listKey(resource)}[${index}]`;
    if (resource === "connections") {
      const who = person({ firstName: text(entry, "firstName"), lastName: text(entry, "lastName"), headline: text(entry, "headline"), profileUrl: text(entry, "profileUrl"), publicIdentifier: text(entry, "vanityName"), memberId: text(entry, "memberId"), memberUrn: text(entry, "memberUrn"), pictureUrl: text(entry, "profilePicture") }, warnings, `${place}.profileUrl`);
      return { kind: "connection", person: who, connectedAt: resolve(text(entry, "connectedDate"), null, clock, warnings, `${place}.connectedDate`), provider: "connectsafely" };
    }
    const [id, urn] = invitationId(entry, ["invitationId", "id"], "invitationUrn", warnings, place);
    const kind = text(entry, "invitationType");
    const direction = kind === "SENT" ? "sent" : kind === "RECEIVED" ? "received" : directionOf(resource);
    const profile = object(entry, "profile") ?? {};
    const who = person({ firstName: text(profile, "firstName"), lastName: text(profile, "lastName"), headline: text(profile, "headline"), profileUrl: text(profile, "profileUrl"), publicIdentifier: text(profile, "publicIdentifier"), memberId: text(entry, "memberId"), memberUrn: text(entry, "memberUrn"), organization: text(entry, "companyName") }, warnings, `${place}.profile.profileUrl`);
    const sentAt = text(entry, "sentAt");
    return {
      kind: "invitation", id, urn, direction, type: text(entry, "invitationCategory") ?? "CONNECTION", state: text(entry, "state"), message: text(entry, "message"),
      sentAt: resolve(sentAt ?? text(entry, "receivedAt"), null, clock, warnings, place),
      person: who, acceptToken: text(entry, "validationToken"), providerType: text(entry, "linkedInInvitationType"), provider: "connectsafely",
    };
  });
  const pageSize = resource === "connections" ? (count(root, "limit") ?? 12) : 10;
  return { items, offset: count(root, "startIndex") ?? 0, total: null, hasMore: items.length > 0 && items.length >= pageSize, creditsUsed: 0, warnings };
}

// Unipile ({object, items, cursor}; src/providers/unipile*.rs): instants
// (`parsed_datetime`, epoch `created_at`) are exact times, LinkedIn's words
// (`date`) the fallback; the cursor is the has-more signal.

/** `created_at` below this is in seconds, else in milliseconds. */
const SECONDS_BELOW = 100_000_000_000;

/** The list: required, an array of objects (a missing list is no empty page). */
function unipileItems(root) {
  const value = root.items;
  if (!Array.isArray(value)) throw new Error(value === undefined || value === null ? "items is missing" : "items should be an array");
  for (const element of value) {
    if (typeof element !== "object" || element === null || Array.isArray(element)) throw new Error("items[] should be an object");
  }
  return value;
}

/** The other side of an invitation from `holder`'s `[name, member id, public id]` and headline keys. */
function someone(holder, [name, memberId, publicId], headline, warnings, place) {
  return person(
    { fullName: text(holder, name), headline: text(holder, headline), publicIdentifier: text(holder, publicId), memberId: text(holder, memberId) },
    warnings,
    `${place}.${publicId}`,
  );
}

/** `parsed_datetime` (an instant) wins over `date` (LinkedIn's words). */
function unipileSentAt(entry, clock, warnings, place) {
  const shown = text(entry, "date");
  const instant = text(entry, "parsed_datetime");
  if (instant !== null) {
    const time = exact(shown ?? instant, parseIso(instant), clock);
    if (time !== null) return time;
    warnings.push(`${place}.parsed_datetime: ${JSON.stringify(instant)} is not an ISO 8601 instant; the date text is read instead`);
  }
  return resolve(shown, null, clock, warnings, `${place}.date`);
}

function unipileInvitation(entry, resource, clock, warnings, place) {
  const id = bareId(entry, "id");
  if (id === null) throw new Error(`${place}.id is missing`);
  const specifics = object(entry, "specifics");
  const secret = specifics ? text(specifics, "shared_secret") : null;
  let direction = "sent";
  let who;
  let acceptToken = null;
  if (resource === "receivedInvitations") {
    const inviter = object(entry, "inviter");
    direction = "received";
    who = inviter ? someone(inviter, ["inviter_name", "inviter_id", "inviter_public_identifier"], "inviter_description", warnings, `${place}.inviter`) : person({}, warnings, place);
    acceptToken = secret;
  } else {
    who = someone(entry, ["invited_user", "invited_user_id", "invited_user_public_id"], "invited_user_description", warnings, place);
  }
  return {
    kind: "invitation", id, urn: null, direction, type: "CONNECTION", state: null, message: text(entry, "invitation_text"),
    sentAt: unipileSentAt(entry, clock, warnings, place), person: who, acceptToken, providerType: null, provider: "unipile",
  };
}

/** `created_at`: epoch milliseconds (seconds below 10^11), exact. */
function unipileConnectedAt(entry, clock, warnings, place) {
  const epoch = count(entry, "created_at");
  if (epoch === null) return null;
  const digits = String(entry.created_at);
  const time = exact(digits, epoch < SECONDS_BELOW ? epoch * 1000 : epoch, clock);
  if (time === null) warnings.push(`${place}.created_at: ${digits} is not an instant a JavaScript Date can hold; connectedAt is null`);
  return time;
}

function unipileConnection(entry, clock, warnings, place) {
  const who = person(
    {
      firstName: text(entry, "first_name"), lastName: text(entry, "last_name"), headline: text(entry, "headline"),
      profileUrl: text(entry, "public_profile_url"), publicIdentifier: text(entry, "public_identifier"),
      memberId: text(entry, "member_id"), memberUrn: text(entry, "member_urn"), pictureUrl: text(entry, "profile_picture_url"),
    },
    warnings,
    `${place}.public_profile_url`,
  );
  return { kind: "connection", person: who, connectedAt: unipileConnectedAt(entry, clock, warnings, place), provider: "unipile" };
}

function unipile(root, resource, dateHeader) {
  text(root, "object");
  const warnings = [];
  const clock = anchor(null, dateHeader, warnings);
  const list = unipileItems(root).map((entry, index) => {
    const place = `items[${index}]`;
    return resource === "connections" ? unipileConnection(entry, clock, warnings, place) : unipileInvitation(entry, resource, clock, warnings, place);
  });
  // `null` ends the chain; a body without the field says nothing.
  if (!("cursor" in root)) throw new Error("cursor is missing: whether more items follow is unknown");
  const cursor = text(root, "cursor");
  return { items: list, offset: 0, total: null, hasMore: cursor !== null, creditsUsed: 0, warnings };
}

const MAPPERS = { "linkup-v2": linkupV2, "linkup-v1": linkupV1, connectsafely: connectSafely, unipile };

/** `(provider, resource, body, dateHeader) => page`, reading JSON with `parse`. */
export function makeBaseline(parse) {
  return (provider, resource, body, dateHeader) => {
    const root = parse(body);
    if (typeof root !== "object" || root === null || Array.isArray(root)) throw new Error("body should be a JSON object");
    return MAPPERS[provider](root, resource, dateHeader);
  };
}
