// Names, canonical profile URLs and the Person model, by hand in JS, with the
// package's rules (SPEC §2): first/last split or joined, https on
// www.linkedin.com, slug percent-encoded upper-case, /in/ACoAA… as member id.

import { nonBlank } from "./read.mjs";

const MEMBER_ID_PREFIX = "ACoA";
const ORIGIN = "https://www.linkedin.com";
const HEX = "0123456789ABCDEF";
const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

export function personNames(fullName, firstName, lastName) {
  const full = nonBlank(fullName);
  const first = nonBlank(firstName);
  const last = nonBlank(lastName);
  if (first === null && last === null) {
    if (full === null) return [null, null, null];
    const words = full.split(/\s+/).filter(Boolean);
    return [full, words[0] ?? null, words.length > 1 ? words.slice(1).join(" ") : null];
  }
  const name = full ?? [first, last].filter((part) => part !== null).join(" ");
  return [name, first, last];
}

function percentDecode(text) {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte === 0x25 && index + 2 < bytes.length) {
      const high = parseInt(String.fromCharCode(bytes[index + 1]), 16);
      const low = parseInt(String.fromCharCode(bytes[index + 2]), 16);
      if (!Number.isNaN(high) && !Number.isNaN(low)) {
        out[length++] = high * 16 + low;
        index += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

function percentEncode(bytes) {
  let encoded = "";
  for (const byte of bytes) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e;
    encoded += unreserved ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return encoded;
}

function utf8OrNull(bytes) {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

function isLinkedInHost(authority) {
  if (authority.includes("@")) return false;
  const host = authority.split(":")[0].replace(/\.+$/, "").toLowerCase();
  return host === "linkedin.com" || (host.endsWith(".linkedin.com") && /^[a-z0-9.-]+$/.test(host.slice(0, -".linkedin.com".length)));
}

/** `{ url, publicIdentifier, memberId }`, or null when it is not a LinkedIn URL. */
export function canonicalProfileUrl(raw) {
  const text = raw.trim();
  let path;
  if (text.startsWith("/") && !text.startsWith("//")) {
    path = text;
  } else {
    const rest = text.replace(/^https?:\/\//i, "").replace(/^\/\//, "");
    const end = rest.search(/[/?#]/);
    const authority = end < 0 ? rest : rest.slice(0, end);
    if (!isLinkedInHost(authority)) return null;
    path = end < 0 ? "" : rest.slice(end);
  }
  const segments = path.split(/[?#]/)[0].split("/").filter(Boolean);
  if (segments.length === 0) return null;
  if (segments.length >= 2 && segments[0].toLowerCase() === "in") {
    const decoded = percentDecode(segments[1]);
    const slug = utf8OrNull(decoded);
    const url = `${ORIGIN}/in/${percentEncode(decoded)}`;
    return slug !== null && slug.startsWith(MEMBER_ID_PREFIX)
      ? { url, publicIdentifier: null, memberId: slug }
      : { url, publicIdentifier: slug, memberId: null };
  }
  return { url: ORIGIN + segments.map((segment) => `/${percentEncode(percentDecode(segment))}`).join(""), publicIdentifier: null, memberId: null };
}

const MEMBER_URN = /^urn:li:(?:fsd_profile|fs_profile|fs_miniProfile|member|person):([^:(),]+)$/;

/** The Person model from a provider's fields (any may be null). */
export function person(source, warnings, urlPath) {
  const [name, firstName, lastName] = personNames(source.fullName, source.firstName, source.lastName);
  let profileUrl = null;
  let publicIdentifier = null;
  let memberIdFromUrl = null;
  const raw = nonBlank(source.profileUrl);
  if (raw !== null) {
    const link = canonicalProfileUrl(raw);
    if (link) {
      ({ url: profileUrl, publicIdentifier, memberId: memberIdFromUrl } = link);
    } else {
      warnings.push(`${urlPath}: ${JSON.stringify(raw)} is not a LinkedIn URL; kept as sent`);
      profileUrl = raw;
    }
  }
  if (publicIdentifier === null && memberIdFromUrl === null) {
    const slug = nonBlank(source.publicIdentifier);
    if (slug !== null) {
      const decoded = percentDecode(slug);
      profileUrl ??= `${ORIGIN}/in/${percentEncode(decoded)}`;
      const slugText = utf8OrNull(decoded);
      if (slugText !== null && slugText.startsWith(MEMBER_ID_PREFIX)) memberIdFromUrl = slugText;
      else if (slugText !== null) publicIdentifier = slugText;
    }
  }
  const memberUrn = nonBlank(source.memberUrn);
  const memberId = nonBlank(source.memberId) ?? (memberUrn !== null ? (MEMBER_URN.exec(memberUrn.trim())?.[1] ?? null) : null) ?? memberIdFromUrl;
  return {
    name,
    firstName,
    lastName,
    headline: nonBlank(source.headline),
    profileUrl,
    publicIdentifier,
    memberId,
    memberUrn,
    pictureUrl: nonBlank(source.pictureUrl),
    organization: nonBlank(source.organization),
  };
}
