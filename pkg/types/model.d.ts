// linkedin-network declarations — The schema: ids, items, pages, runs and their progress, estimates and planned calls.

export type ProviderId = "linkup-v2" | "linkup-v1" | "connectsafely" | "unipile";
export type ResourceName = "sentInvitations" | "receivedInvitations" | "connections";

/**
 * What a sent or received invitation list can be filtered by. linkup-v2 and
 * linkup-v1 filter by all three; ConnectSafely's sent list holds only
 * connection invitations (so `"CONNECTION"` is accepted and sends nothing) and
 * its received list cannot be filtered. `connections` takes no filter.
 */
export type InvitationTypeFilter = "CONNECTION" | "ORGANIZATION" | "NEWSLETTER";
/**
 * One vocabulary on every provider (linkup's `CONTENT_SERIES` is
 * `"NEWSLETTER"`); unknown types pass through upper-cased. The provider's own
 * word is in `providerType`.
 */
export type InvitationType =
  | "CONNECTION"
  | "ORGANIZATION"
  | "NEWSLETTER"
  | "EVENT"
  | "MEMBER_FOLLOW"
  | (string & {});
export type Country = "US" | "UK" | "FR" | "DE" | "NL" | "IT" | "IL" | "CA" | "BR" | "ES" | "IN";

/** A time the provider gave relative to its clock, resolved where possible. */
export interface RelativeTime {
  /** What the provider said: "5d", "Sent yesterday", "Connected on Feb 15, 2024". */
  text: string;
  /** Whole days before `anchor`. */
  days: number | null;
  /** ISO 8601 instant (`anchor − days × 24 h`, or the absolute date given), as `toISOString` prints it. */
  at: string | null;
  /** `"exact"`: the provider gave an instant (Unipile's `parsed_datetime` / `created_at`). */
  precision: "exact" | "day" | "week" | "month" | "year" | null;
  /** The server clock the text was relative to (metadata timestamp, else the Date header, else the local clock). */
  anchor: string | null;
}

export interface Person {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  headline: string | null;
  /**
   * Canonical: `https://www.linkedin.com/in/<slug>`; a public identifier's
   * ASCII letters lower-cased (LinkedIn ignores their case), escapes in
   * upper-case hex, a member-id slug (`ACoA…`) as sent.
   */
  profileUrl: string | null;
  /** The `/in/<slug>`, percent-decoded and lower-cased; null for member-id URLs unless the provider gave one. */
  publicIdentifier: string | null;
  memberId: string | null;
  memberUrn: string | null;
  pictureUrl: string | null;
  organization: string | null;
}

export interface Invitation {
  /** The discriminant of `Item`. */
  kind: "invitation";
  /** Exact decimal id ("7329176687475109888"); compare as strings or BigInt, never Number. */
  id: string;
  urn: string | null;
  direction: "sent" | "received";
  type: InvitationType;
  state: string | null;
  message: string | null;
  sentAt: RelativeTime | null;
  /** The other side: the recipient of a sent invitation, the sender of a received one. */
  person: Person;
  /** shared_secret / validationToken of a received invitation. */
  acceptToken: string | null;
  /** The provider's own word for the type (`"CONTENT_SERIES"`, `"SENT"`), as sent. */
  providerType: string | null;
  provider: ProviderId;
}

export interface Connection {
  /** The discriminant of `Item`. */
  kind: "connection";
  person: Person;
  connectedAt: RelativeTime | null;
  provider: ProviderId;
}

export type Item = Invitation | Connection;

/** One provider answer as `parseResponse` reads it. */
export interface ParsedPage<T extends Item = Item> {
  items: T[];
  /** List position of the first item. */
  offset: number;
  /** The provider's count of the whole list; null where it gives none (ConnectSafely). */
  total: number | null;
  hasMore: boolean;
  creditsUsed: number;
  warnings: string[];
}

/** What `list` returns: one planned range, every call of it. */
export interface Page<T extends Item = Item> extends ParsedPage<T> {
  /** Continues right after the last item; pass it to `list`, `iterate` or `collect`. */
  cursor: string;
  /** HTTP requests sent, retries included. */
  requests: number;
  /**
   * The same `list` call from this page's cursor (same limit, filter and
   * budgets); resolves to `null` when this page was the last. Not part of
   * the page's JSON.
   */
  next(): Promise<Page<T> | null>;
}

/**
 * `iterate()`'s result. `cursor` is, after every yielded item, the cursor
 * that continues right after it (null before the first), so `break`, then
 * `collect({ cursor: iterator.cursor })`, repeats and skips nothing.
 */
export interface RunIterator<T extends Item> extends AsyncGenerator<T, void, undefined> {
  readonly cursor: string | null;
}

export type StopReason = "end" | "maxItems" | "maxCredits" | "maxRequests";

export interface Progress {
  pages: number;
  items: number;
  total: number | null;
  creditsUsed: number;
  requests: number;
  /** Continues right after the items delivered so far (at most 1 KB, holds no secret). */
  cursor: string;
  duplicatesDropped: number;
  warnings: string[];
  /**
   * `null` while the run goes on. A run that ends (the list's end or a
   * budget, not a `break`) sends one last event saying why: for `iterate`,
   * the only place a `for await` loop learns that `maxCredits` stopped it.
   */
  stopReason: StopReason | null;
}

export interface CollectResult<T extends Item = Item> {
  items: T[];
  total: number | null;
  /** True when the list was read to its end. */
  complete: boolean;
  stopReason: StopReason;
  creditsUsed: number;
  requests: number;
  duplicatesDropped: number;
  warnings: string[];
  cursor: string;
}

export interface Estimate {
  credits: number;
  requests: number;
  upstreamCalls: number;
}

export interface PlannedCall {
  /** The list range the call covers: `[offset, offset + count)`. */
  offset: number;
  count: number;
  credits: number;
  upstreamCalls: number;
  /** The provider's own pagination parameters: `{offset, count}`, `{start_page, end_page}` or `{startIndex, limit?}`. */
  params: Record<string, number>;
}

export interface BuiltRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string | null;
}
