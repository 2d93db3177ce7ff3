// The people of the emulated network: names (accents, CJK, Cyrillic, only a
// first name), headlines (emoji), public slugs (ASCII, raw non-ASCII, or none:
// a member-id profile), member ids, pictures, and the profile-URL forms each
// provider is seen to send. Uniqueness: a person's slug and member id embed
// their person number, so no two people ever share a canonical URL.

import { ALPHANUMERIC } from "./prng.mjs";

const FIRST_NAMES = [
  "Michelle", "John", "Jane", "Bob", "Yash", "Amélie", "José", "François", "Zoë", "Björn",
  "Søren", "Łukasz", "Chloé", "Renée", "Jürgen", "İlkay", "Ana", "Mateus", "Priya", "Aarav",
  "Fatima", "Mohammed", "Olga", "Дмитрий", "Анна", "Noa", "Sofía", "Çağla", "Małgorzata",
  "Siobhán", "Seán", "Ahmed", "Chen", "Yuki", "Jean-Luc", "Marie-Ève", "Hélène", "Émile",
  "Grace", "Oliver", "Ingrid", "Mía", "Kwame", "Ngozi", "Thảo", "Nikos",
];
const LAST_NAMES = [
  "Heppler", "Doe", "Williams", "Jadhav", "García Márquez", "Müller", "Østergaard", "Nowak",
  "Dubois", "Lefèvre", "van der Berg", "O'Brien", "Smith", "Kowalczyk", "Núñez", "Öztürk",
  "Иванова", "Silva", "Sharma", "Nakamura", "da Costa", "Ng", "Ó Súilleabháin", "Le Gall",
  "Björklund", "Nguyễn", "Papadopoulos", "Mensah", "Okafor", "Schäfer", "Lindqvist",
];
// East Asian names: family name first in the native order, but given here as
// first/last like every other person so a full name splits the same way.
const CJK_NAMES = [
  ["芳", "王"], ["伟", "李"], ["娜", "张"], ["花子", "佐藤"], ["太郎", "鈴木"], ["陽菜", "高橋"],
  ["지민", "김"], ["서연", "박"],
];
const ROLES = [
  "Co-Founder & CCO at", "CTO at", "Founder @", "Software Engineer at", "Ingénieure logiciel chez",
  "Head of Talent at", "Directeur commercial chez", "Product Manager at", "Data Scientist at",
  "Recruiter at", "Geschäftsführer bei", "ソフトウェアエンジニア @", "产品经理 @", "VP of Engineering at",
  "Growth Marketer at",
];
export const COMPANIES = [
  "Unique AI", "Acme Corp", "StartupXYZ", "Société Générale", "Zalando", "楽天", "腾讯", "Ørsted",
  "Nestlé", "TechCorp", "ZenX8Studio", "Mistral AI", "Doctolib", "Revolut", "Spotify",
];
const TAGS = [
  "", "", " | Financial Services Agentic AI | 🌍 New York", " — AI recruiting platform", " 🚀",
  " | ML & MLOps 🤖", " | 🇫🇷 Paris", " | Hiring! 💼", " · ex-Google", " | 東京 🗼", " | Ελληνικά & English",
];
const SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The profile-URL forms, in the order of the weight tables below. */
export const URL_FORMS = ["plain", "trailingSlash", "ukSubdomain", "frSubdomain", "trackingQuery", "subdomainQuery"];
// How often each provider sends each form. linkup-v1 "often" ends with a
// slash; ConnectSafely builds its URLs from the public identifier, so only
// the two plain forms.
const URL_FORM_WEIGHTS = {
  linkupV2: [5, 2, 1, 1, 1, 1],
  linkupV1: [2, 5, 1, 1, 1, 1],
  connectsafely: [1, 1, 0, 0, 0, 0],
};
export const PROVIDER_VIEWS = Object.keys(URL_FORM_WEIGHTS);

/**
 * One person, drawn from `rng`. `personNumber` is unique within an account's
 * network and is embedded in the slug and the member id.
 */
export function generatePerson(rng, personNumber) {
  const cjk = rng.chance(0.08);
  const [firstName, cjkLast] = cjk ? rng.pick(CJK_NAMES) : [rng.pick(FIRST_NAMES), null];
  // About one person in twenty shows only a first name.
  const lastName = cjk ? cjkLast : rng.chance(0.05) ? null : rng.pick(LAST_NAMES);
  const headline = rng.chance(0.03) ? null : `${rng.pick(ROLES)} ${rng.pick(COMPANIES)}${rng.pick(TAGS)}`;
  const memberId = `ACoAA${base62(personNumber, 6)}${rng.chars(ALPHANUMERIC, 28)}`;
  // About one in twenty-five is seen only through a member-id URL: no public slug.
  const slug = rng.chance(0.04) ? null : makeSlug(rng, personNumber, firstName, lastName);
  const pictureUrl = rng.chance(0.1) ? null : pictureUrlFrom(rng);
  const urls = {};
  for (const view of PROVIDER_VIEWS) {
    const form = URL_FORMS[rng.weighted(URL_FORM_WEIGHTS[view])];
    urls[view] = profileUrl(slug ?? memberId, form, rng.chance(0.5));
  }
  return { firstName, lastName, headline, slug, memberId, pictureUrl, companyName: null, urls };
}

/** The canonical form SPEC §2 asks for: www host, no query, no slash, slug percent-encoded upper-case. */
export function canonicalProfileUrl(person) {
  return `https://www.linkedin.com/in/${encodeURIComponent(person.slug ?? person.memberId)}`;
}

/** "First Last", or just "First". */
export function fullName(person) {
  return person.lastName ? `${person.firstName} ${person.lastName}` : person.firstName;
}

function makeSlug(rng, personNumber, firstName, lastName) {
  const { raw, folded } = slugBase(rng.int(3), firstName, lastName);
  // Accented Latin names keep their raw slug half the time (LinkedIn allows
  // it and the URL then needs percent-encoding); scripts that cannot fold
  // (CJK, Cyrillic) always keep it.
  const base = folded !== null && rng.chance(0.5) ? folded : raw;
  // The part after the last hyphen is the person number (base 36) plus three
  // random characters: unique, whatever the names were.
  return `${base}-${personNumber.toString(36)}${rng.chars(SLUG_ALPHABET, 3)}`;
}

// Names come from small pools, so the Unicode work is done once per name pair.
const slugBases = new Map();
function slugBase(style, firstName, lastName) {
  const key = `${style}|${firstName}|${lastName}`;
  let base = slugBases.get(key);
  if (!base) {
    const words = [firstName, lastName].filter(Boolean).map((w) => w.toLowerCase());
    const joined = style === 0 ? words.join("-") : style === 1 ? words.join("") : words[0];
    const raw = joined.replace(/\s+/g, "-").replace(/[^\p{L}\p{N}-]/gu, "");
    const folded = foldToAscii(raw);
    base = { raw, folded: /^[\x20-\x7e]*$/.test(folded) ? folded : null };
    slugBases.set(key, base);
  }
  return base;
}

function foldToAscii(text) {
  const special = { ł: "l", ø: "o", ß: "ss", đ: "d", æ: "ae", ı: "i", œ: "oe" };
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[łøßđæıœ]/g, (ch) => special[ch]);
}

/** One of the URL forms of providers/NOTES.md; `encode` picks percent-encoded or raw non-ASCII. */
export function profileUrl(slugOrMemberId, form, encode) {
  const path = encode ? encodeURIComponent(slugOrMemberId) : slugOrMemberId;
  switch (form) {
    case "trailingSlash":
      return `https://www.linkedin.com/in/${path}/`;
    case "ukSubdomain":
      return `https://uk.linkedin.com/in/${path}`;
    case "frSubdomain":
      return `https://fr.linkedin.com/in/${path}/`;
    case "trackingQuery":
      return `https://www.linkedin.com/in/${path}?trk=public_profile_browsemap`;
    case "subdomainQuery":
      return `https://www.linkedin.com/in/${path}/?originalSubdomain=uk&trk=people-guest_people_search-card`;
    default:
      return `https://www.linkedin.com/in/${path}`;
  }
}

function pictureUrlFrom(rng) {
  const asset = `D4E03AQ${rng.chars(ALPHANUMERIC, 9)}`;
  const stamp = 1700000000000 + rng.int(60000000) * 1000;
  const token = rng.chars(`${ALPHANUMERIC}_-`, 43);
  return (
    `https://media.licdn.com/dms/image/v2/${asset}/profile-displayphoto-shrink_800_800/` +
    `profile-displayphoto-shrink_800_800/0/${stamp}?e=1752710400&v=beta&t=${token}`
  );
}

function base62(value, width) {
  let out = "";
  let rest = value;
  do {
    out = ALPHANUMERIC[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "A");
}
