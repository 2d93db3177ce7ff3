// The three providers' envelopes mapped to the package's page model by hand:
// what a JS user would write instead of calling parseResponse. Same fields,
// same fallbacks, same type checks; `parse` is JSON.parse or lossless-json.

import { count, firstPresent, flag, object, objects, text } from "./read.mjs";
import { person } from "./person.mjs";
import { anchor, resolve } from "./time.mjs";
import { invitationId } from "./ids.mjs";

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
      return { person: who, connectedAt: null, provider: "linkup-v2" };
    }
    const [id, urn] = invitationId(entry, ["invitation_id", "id"], "entity_urn", warnings, place);
    const side = object(entry, resource === "receivedInvitations" ? "sender" : "recipient");
    const who = side
      ? person({ firstName: text(side, "first_name"), lastName: text(side, "last_name"), fullName: text(side, "name"), headline: text(side, "headline"), profileUrl: text(side, "linkedin_url"), pictureUrl: firstPresent(text(side, "profile_picture"), text(side, "profile_picture_url")) }, warnings, `${place}.linkedin_url`)
      : person({}, warnings, place);
    return {
      id, urn, direction: directionOf(resource), type: text(entry, "invitation_type") ?? listType ?? "CONNECTION",
      state: firstPresent(text(entry, "invitation_state"), text(entry, "state")), message: text(entry, "message"),
      sentAt: resolve(text(entry, "sent_time"), count(entry, "sent_time_days"), clock, warnings, `${place}.sent_time`),
      person: who, acceptToken: text(entry, "shared_secret"), provider: "linkup-v2",
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
    if (resource === "connections") return { person: who, connectedAt: null, provider: "linkup-v1" };
    const [id, urn] = invitationId(entry, ["invitation_id"], "entity_urn", warnings, place);
    return {
      id, urn, direction: directionOf(resource), type: text(entry, "invitation_type") ?? "CONNECTION",
      state: text(entry, "invitation_state"), message: text(entry, "message"),
      sentAt: resolve(text(entry, "sent_time"), null, clock, warnings, `${place}.sent_time`),
      person: who, acceptToken: text(entry, "shared_secret"), provider: "linkup-v1",
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
      return { person: who, connectedAt: resolve(text(entry, "connectedDate"), null, clock, warnings, `${place}.connectedDate`), provider: "connectsafely" };
    }
    const [id, urn] = invitationId(entry, ["invitationId", "id"], "invitationUrn", warnings, place);
    const kind = text(entry, "invitationType");
    const direction = kind === "SENT" ? "sent" : kind === "RECEIVED" ? "received" : directionOf(resource);
    const profile = object(entry, "profile") ?? {};
    const who = person({ firstName: text(profile, "firstName"), lastName: text(profile, "lastName"), headline: text(profile, "headline"), profileUrl: text(profile, "profileUrl"), publicIdentifier: text(profile, "publicIdentifier"), memberId: text(entry, "memberId"), memberUrn: text(entry, "memberUrn"), organization: text(entry, "companyName") }, warnings, `${place}.profile.profileUrl`);
    const sentAt = text(entry, "sentAt");
    return {
      id, urn, direction, type: text(entry, "invitationCategory") ?? "CONNECTION", state: text(entry, "state"), message: text(entry, "message"),
      sentAt: resolve(sentAt ?? text(entry, "receivedAt"), null, clock, warnings, place),
      person: who, acceptToken: text(entry, "validationToken"), provider: "connectsafely",
    };
  });
  const pageSize = resource === "connections" ? (count(root, "limit") ?? 12) : 10;
  return { items, offset: count(root, "startIndex") ?? 0, total: null, hasMore: items.length > 0 && items.length >= pageSize, creditsUsed: 0, warnings };
}

const MAPPERS = { "linkup-v2": linkupV2, "linkup-v1": linkupV1, connectsafely: connectSafely };

/** `(provider, resource, body, dateHeader) => page`, reading JSON with `parse`. */
export function makeBaseline(parse) {
  return (provider, resource, body, dateHeader) => {
    const root = parse(body);
    if (typeof root !== "object" || root === null || Array.isArray(root)) throw new Error("body should be a JSON object");
    return MAPPERS[provider](root, resource, dateHeader);
  };
}
