// The seeded network behind every provider: an item factory that builds any
// item from (seed, resource, sequence number) alone, and per-account lists
// that change independently (shifts, mutations, actions), each with a version
// counter. Providers only render these items.
//
// Ages: an item is born at an instant of the network's own time, `elapsedMs`
// (0 at the start, moved only by `advance`, i.e. mutate's advanceMs). A
// generated item of age d was born at -d days; an item added later is born at
// the time it was added. `ageDays` is whole days from birth to `elapsedMs`.

import { ALPHANUMERIC, mix32, mulberry32, normalizeSeed, seedFor, streamFor } from "./prng.mjs";
import { COMPANIES, generatePerson } from "./people.mjs";
import { DAY_MS } from "./time.mjs";

export const RESOURCES = ["sentInvitations", "receivedInvitations", "connections"];
export const DEFAULT_SIZES = { connections: 1201, sent: 145, received: 26 };
const SIZE_KEY = { sentInvitations: "sent", receivedInvitations: "received", connections: "connections" };
const RESOURCE_INDEX = { sentInvitations: 0, receivedInvitations: 1, connections: 2 };

// Ages spread over these many days, newest first: sent invitations reach four
// months (so some are stale, over three weeks), connections ten years.
const MAX_AGE_DAYS = { sentInvitations: 120, receivedInvitations: 90, connections: 3650 };

// Invitation ids: 19 digits near 7.3e18, between 2^62 and 2^63 where doubles
// are 1,024 apart. The base and the stride are multiples of 1,024 and the
// random remainder never is, so no id survives a trip through a JS number.
const ID_BASE = { sentInvitations: 7_330_000_000_000_000_000n, receivedInvitations: 7_320_000_000_000_000_000n };
const ID_STRIDE = 4_194_304n; // 2^22: ids grow with the sequence number, as LinkedIn's do over time.

// The received mix, by list position, repeating every 26: 19 CONNECTION,
// 3 ORGANIZATION, 2 NEWSLETTER, 1 EVENT, 1 MEMBER_FOLLOW (the default 26).
const C = "CONNECTION";
const RECEIVED_CATEGORY_CYCLE = [
  C, C, C, "ORGANIZATION", C, C, C, "NEWSLETTER", C, C, C, "ORGANIZATION", C, C, "EVENT", C,
  "NEWSLETTER", C, C, "ORGANIZATION", C, C, C, "MEMBER_FOLLOW", C, C,
];
/** linkup's `invitation_type` for a ConnectSafely category; null: linkup cannot list it. */
export const LINKUP_TYPE = { CONNECTION: "CONNECTION", ORGANIZATION: "ORGANIZATION", NEWSLETTER: "CONTENT_SERIES", EVENT: null, MEMBER_FOLLOW: null };
/** LinkedIn's own GenericInvitationType name, which ConnectSafely passes on as `linkedInInvitationType`. */
export const LINKEDIN_INVITATION_TYPE = { CONNECTION: "CONNECTION", ORGANIZATION: "ORGANIZATION", NEWSLETTER: "CONTENT_SERIES", EVENT: "EVENT", MEMBER_FOLLOW: "MEMBER_FOLLOW" };

const NEWSLETTERS = ["The Rust Weekly 🦀", "Café & Code", "Tech Insights FR", "週刊エンジニア"];
const EVENTS = ["RustConf 2026 — Montréal", "Web Summit Lisboa", "AI Paris Meetup"];
const MESSAGES = [
  "Hi {first}, I'd love to connect!",
  "Bonjour {first}, ravi de vous avoir rencontré à la conférence 👋",
  "Hello {first} — great talk yesterday. Let's stay in touch.",
  "{first}さん、よろしくお願いします！",
  "Hi {first},\nI'm building something in your space; would love your take.",
  'Loved your post "Scaling Rust at 10x" — connect?',
];

/** Validates and completes the `sizes` option. */
export function resolveSizes(sizes = {}) {
  const resolved = { ...DEFAULT_SIZES };
  for (const key of Object.keys(DEFAULT_SIZES)) {
    if (sizes[key] === undefined) continue;
    if (!Number.isInteger(sizes[key]) || sizes[key] < 0 || sizes[key] > 1_000_000) {
      throw new TypeError(`sizes.${key} must be an integer from 0 to 1000000`);
    }
    resolved[key] = sizes[key];
  }
  return resolved;
}

/**
 * One list item. The cheap facts (id, age, type) are drawn when the item is
 * built; the person and the texts are drawn from a second stream on first
 * read, so a 100,000-item list costs little until it is rendered.
 */
class NetworkItem {
  #seed32;
  #details = null;
  #elapsed;

  // Every field assigned in one order, so all items share one hidden class.
  constructor(seed32, elapsed, { resource, seq, bornMs, id = null, state = null, category = null, v1IdForm = null, person = null }) {
    this.#seed32 = seed32;
    this.#elapsed = elapsed;
    if (person) this.#details = { person };
    this.resource = resource;
    this.seq = seq;
    /** When it was born, on the network's own time (ms; 0 = the start). */
    this.bornMs = bornMs;
    /** Invitations: the id as a BigInt, and as its exact decimal text. */
    this.id = id;
    this.idText = id === null ? null : id.toString();
    this.state = state;
    /** Invitations: ConnectSafely's category, and linkup's invitation_type for it (null: not listed). */
    this.category = category;
    this.linkupType = category === null ? null : LINKUP_TYPE[category];
    /** Received invitations: how linkup-v1 writes the id ("number" or "string"). */
    this.v1IdForm = v1IdForm;
  }

  /** Whole days from birth to the network's time. */
  get ageDays() {
    return Math.floor((this.#elapsed() - this.bornMs) / DAY_MS);
  }

  get person() {
    return this.#load().person;
  }

  /** Invitations: the note sent with it, or null. */
  get message() {
    return this.#load().message;
  }

  /** Received invitations: linkup `shared_secret`, ConnectSafely `validationToken`. */
  get sharedSecret() {
    return this.#load().sharedSecret;
  }

  /** Received invitations: linkup-v1 `shared_connections` ("13 mutual connections"). */
  get mutualConnections() {
    return this.#load().mutualConnections;
  }

  #load() {
    if (this.#details) return this.#details;
    const rng = streamFor(this.#seed32, `${this.resource}:details`, this.seq);
    const person = generatePerson(rng, this.seq * 3 + RESOURCE_INDEX[this.resource]);
    const details = { person };
    if (this.resource !== "connections") {
      details.message = rng.chance(0.4) ? rng.pick(MESSAGES).replaceAll("{first}", person.firstName) : null;
    }
    if (this.resource === "receivedInvitations") {
      details.sharedSecret = rng.chars(ALPHANUMERIC, 8);
      details.mutualConnections = rng.int(40);
      person.companyName = companyNameFor(this.category, rng);
    }
    this.#details = details;
    return details;
  }
}

/**
 * Builds items on demand and caches them. Items are shared by every account:
 * each account's generated data is identical for a seed.
 */
export function createItemFactory(seed, sizes, elapsed = () => 0) {
  const seed32 = normalizeSeed(seed);
  // A seed-dependent offset (a multiple of the stride) so two seeds never share ids.
  const seedOffset = BigInt(mix32(seed32) & 0xfffff) * ID_STRIDE;
  const caches = Object.fromEntries(RESOURCES.map((r) => [r, []]));
  const idBase = {
    sentInvitations: ID_BASE.sentInvitations + seedOffset,
    receivedInvitations: ID_BASE.receivedInvitations + seedOffset,
  };

  function build(resource, seq, bornAtMs = 0) {
    const size = sizes[SIZE_KEY[resource]];
    // Sequence numbers 0..size-1 are the generated list, newest (size-1) at
    // its head; numbers from size on are the items added later (born at `bornAtMs`).
    const listIndex = seq < size ? size - 1 - seq : null;
    // Two draws only: a bare generator, not a full stream (this runs per item of a 100,000-item list).
    const next = mulberry32(seedFor(seed32, resource, seq));
    const ageDays = listIndex === null ? 0 : Math.floor(((listIndex + next()) * (MAX_AGE_DAYS[resource] + 1)) / size);
    const fields = { resource, seq, bornMs: listIndex === null ? bornAtMs : -ageDays * DAY_MS };
    if (resource !== "connections") {
      let remainder = 1 + Math.floor(next() * (Number(ID_STRIDE) - 2));
      if (remainder % 1024 === 0) remainder += 1;
      // seq × stride + remainder stays far below 2^53: exact as a Number.
      fields.id = idBase[resource] + BigInt(seq * Number(ID_STRIDE) + remainder);
      fields.state = "PENDING";
      // Shifted-in received invitations are CONNECTION ones, so linkup's
      // default filter sees the shift too.
      fields.category =
        resource === "sentInvitations" || listIndex === null
          ? "CONNECTION"
          : RECEIVED_CATEGORY_CYCLE[listIndex % RECEIVED_CATEGORY_CYCLE.length];
      // linkup-v1 shows received ids two ways (NOTES): alternate them.
      if (resource === "receivedInvitations") fields.v1IdForm = seq % 2 === 0 ? "number" : "string";
    }
    return new NetworkItem(seed32, elapsed, fields);
  }

  return {
    sizes,
    seed32,
    sizeOf: (resource) => sizes[SIZE_KEY[resource]],
    /** A generated item (seq < size), shared by every account. */
    item(resource, seq) {
      const cache = caches[resource];
      return (cache[seq] ??= build(resource, seq));
    },
    /** An item added later (seq >= size): one account's own, born now. */
    fresh(resource, seq) {
      return build(resource, seq, elapsed());
    },
    /** The connection an accepted invitation makes: the same person, born now. */
    connectionWith(person, seq) {
      return new NetworkItem(seed32, elapsed, { resource: "connections", seq, bornMs: elapsed(), person });
    },
  };
}

function companyNameFor(category, rng) {
  if (category === "ORGANIZATION") return rng.pick(COMPANIES);
  if (category === "NEWSLETTER") return rng.pick(NEWSLETTERS);
  if (category === "EVENT") return rng.pick(EVENTS);
  return null;
}

/** One account's lists: generated on first read, then changed by shifts, mutations and actions. */
export class AccountNetwork {
  constructor(key, factory) {
    this.key = key;
    this.factory = factory;
    this.lists = {};
    this.nextSeq = {};
    /** Per resource: bumped on every change of that list. */
    this.versions = { sentInvitations: 0, receivedInvitations: 0, connections: 0 };
    /** Items that left a list (withdrawn, accepted, ignored, removed): still findable by person. */
    this.departed = [];
    /** How many mutate calls this account has seen: the index of its seeded choices. */
    this.mutations = 0;
  }

  /** The live list, newest first. */
  list(resource) {
    if (!this.lists[resource]) {
      const size = this.factory.sizeOf(resource);
      this.lists[resource] = Array.from({ length: size }, (_, i) => this.factory.item(resource, size - 1 - i));
      this.nextSeq[resource] = size;
    }
    return this.lists[resource];
  }

  /** A new item of `resource` (fresh person and id, born now), not yet in the list. */
  newItem(resource) {
    this.list(resource);
    return this.factory.fresh(resource, this.nextSeq[resource]++);
  }

  /** Puts items at the head, in the order given (the first becomes the head). */
  insertHead(resource, items) {
    if (items.length === 0) return;
    this.list(resource).unshift(...items);
    this.versions[resource] += 1;
  }

  /** Takes `item` out of its list; true when it was there. */
  remove(item) {
    const list = this.list(item.resource);
    const index = list.indexOf(item);
    if (index < 0) return false;
    list.splice(index, 1);
    this.departed.push(item);
    this.versions[item.resource] += 1;
    return true;
  }

  /** Inserts `count` new items at the head (a new invitation pushes the list down); returns them, newest first. */
  shift(resource, count = 1) {
    const added = [];
    for (let i = 0; i < count; i += 1) added.unshift(this.newItem(resource));
    this.insertHead(resource, added);
    return added;
  }

  /** The pending invitation of `resource` with this id, or null. */
  findInvitation(resource, idText) {
    return this.list(resource).find((item) => item.idText === idText) ?? null;
  }

  /**
   * A pending invitation becomes a connection: it leaves its list and its
   * person joins the head of connections. A received invitation from anything
   * but a person (an organisation, a newsletter, ...) makes no connection.
   * Returns the new connection, or null.
   */
  accept(item) {
    if (!this.remove(item)) return null;
    if (item.category !== "CONNECTION") return null;
    const connection = this.factory.connectionWith(item.person, item.seq);
    this.insertHead("connections", [connection]);
    return connection;
  }

  /** Anyone this account has seen, by public identifier (decoded or encoded) or member id. */
  findPerson(profileId) {
    let decoded = profileId;
    try {
      decoded = decodeURIComponent(profileId);
    } catch {
      // Not percent-encoded: compare as given.
    }
    const matches = (p) => p.slug === decoded || p.memberId === decoded;
    for (const resource of RESOURCES) {
      const hit = this.list(resource).find((item) => matches(item.person));
      if (hit) return hit.person;
    }
    return this.departed.find((item) => matches(item.person))?.person ?? null;
  }

  /** Everything a failed mutation must put back. */
  saveState() {
    for (const resource of RESOURCES) this.list(resource);
    return {
      lists: Object.fromEntries(RESOURCES.map((r) => [r, [...this.lists[r]]])),
      nextSeq: { ...this.nextSeq },
      versions: { ...this.versions },
      departed: this.departed.length,
      mutations: this.mutations,
    };
  }

  restoreState(saved) {
    this.lists = saved.lists;
    this.nextSeq = saved.nextSeq;
    this.versions = saved.versions;
    this.departed.length = saved.departed;
    this.mutations = saved.mutations;
  }
}

/** All accounts of one emulator: created lazily by key, all from the same factory. */
export function createNetwork({ seed, sizes }) {
  let elapsedMs = 0;
  const factory = createItemFactory(seed, resolveSizes(sizes), () => elapsedMs);
  let accounts = new Map();
  return {
    factory,
    /** The network's own time (ms since the start), moved only by `advance`. */
    elapsed: () => elapsedMs,
    /** Moves the network's time on: every item ages by `ms`. */
    advance(ms) {
      elapsedMs += ms;
    },
    account(key) {
      let account = accounts.get(key);
      if (!account) {
        account = new AccountNetwork(key, factory);
        accounts.set(key, account);
      }
      return account;
    },
    reset() {
      accounts = new Map();
      elapsedMs = 0;
    },
  };
}
