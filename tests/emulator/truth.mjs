// What `data()` returns: the ground truth behind every rendered field, with
// ids as decimal strings, so a test can compute the normalized output it
// expects without parsing a provider's wire format.

import { canonicalProfileUrl, fullName } from "./people.mjs";
import { connectSafelyAgo, connectedDateText, linkupV1SentTime, linkupV2SentTime, utcDayBefore } from "./time.mjs";

/** The person as truth: null where the providers send "" or nothing. */
export function personTruth(person) {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    name: fullName(person),
    headline: person.headline,
    slug: person.slug,
    memberId: person.memberId,
    memberUrn: `urn:li:fsd_profile:${person.memberId}`,
    canonicalUrl: canonicalProfileUrl(person),
    pictureUrl: person.pictureUrl,
    companyName: person.companyName,
  };
}

/** A sent or received invitation as truth. */
export function invitationTruth(item) {
  const truth = {
    id: item.idText,
    urn: `urn:li:invitation:${item.idText}`,
    direction: item.resource === "sentInvitations" ? "sent" : "received",
    type: item.category,
    linkupType: item.linkupType,
    state: item.state,
    message: item.message,
    ageDays: item.ageDays,
    sentTime: {
      linkupV2: linkupV2SentTime(item.ageDays),
      linkupV1: linkupV1SentTime(item.ageDays),
      connectsafely: connectSafelyAgo(item.ageDays),
    },
    person: personTruth(item.person),
    urls: { ...item.person.urls },
  };
  if (item.resource === "receivedInvitations") {
    truth.sharedSecret = item.sharedSecret;
    truth.mutualConnections = item.mutualConnections;
    truth.v1IdForm = item.v1IdForm;
  }
  return truth;
}

/** A connection as truth; its date depends on the clock (`nowMs`). */
export function connectionTruth(item, nowMs) {
  const connectedOn = utcDayBefore(nowMs, item.ageDays);
  return {
    person: personTruth(item.person),
    ageDays: item.ageDays,
    connectedOn,
    connectedText: connectedDateText(connectedOn),
    urls: { ...item.person.urls },
  };
}

/** One resource of one account, in list order. */
export function resourceTruth(account, resource, nowMs) {
  const list = account.list(resource);
  return resource === "connections" ? list.map((item) => connectionTruth(item, nowMs)) : list.map(invitationTruth);
}
