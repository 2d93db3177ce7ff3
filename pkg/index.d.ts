// Type declarations for linkedin-network. They describe exactly what the
// code returns: every key of the model is always present, `null` where the
// provider gave nothing; ids are decimal strings, never numbers.

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

export interface RetryOptions {
  /** Attempts in all, the first included (1–10; default 3). */
  maxAttempts?: number;
  /** Default 500. */
  baseDelayMs?: number;
  /** Caps every wait, `Retry-After` included (default 20000). */
  maxDelayMs?: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface CommonClientOptions {
  /** https only, except loopback hosts (http://127.0.0.1:port). */
  baseUrl?: string;
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  retry?: RetryOptions;
  /** Per attempt, body included (default 25000). */
  timeoutMs?: number;
  /** Pages in flight at once once the total is known (1–16; default 4). */
  concurrency?: number;
}

export type ClientOptions =
  | (CommonClientOptions & { provider: "linkup-v2"; apiKey: string; accountId: string })
  | (CommonClientOptions & { provider: "linkup-v1"; apiKey: string; loginToken: string; country?: Country })
  | (CommonClientOptions & { provider: "connectsafely"; apiKey: string; accountId?: string })
  /** Unipile: `baseUrl` is required (your account's own DSN, e.g. `https://api8.unipile.com:13851`). */
  | (CommonClientOptions & { provider: "unipile"; apiKey: string; accountId: string; baseUrl: string });

/** `F` is what the list can be filtered by: `never` for connections. */
export interface RangeOptions<F extends string = InvitationTypeFilter> {
  offset?: number;
  /** 1–10000; default 10. */
  limit?: number;
  invitationType?: F;
}

export interface ListOptions<F extends string = InvitationTypeFilter> extends RangeOptions<F> {
  /**
   * A page's (or a progress event's, or a result's) cursor: the range starts
   * right after what that page delivered. Not together with `offset`.
   */
  cursor?: string;
  /** A range planned past it is `BUDGET_EXCEEDED`, with nothing sent. */
  maxCredits?: number;
  /** A range planned past it is `BUDGET_EXCEEDED`, with nothing sent. */
  maxRequests?: number;
  signal?: AbortSignal;
}

export interface RunOptions<F extends string = InvitationTypeFilter> {
  /** Where to start when there is no cursor (default 0); not together with `cursor`. */
  offset?: number;
  invitationType?: F;
  maxItems?: number;
  /** No call starts whose price would pass it. */
  maxCredits?: number;
  /** A Worker on the free plan has 50 subrequests. */
  maxRequests?: number;
  /** From a page, a progress event or a result: continues exactly there. */
  cursor?: string;
  concurrency?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface ResourceClient<T extends Item, F extends string = InvitationTypeFilter> {
  /** One planned range `[offset, offset + limit)`, or the range after `cursor`. */
  list(options?: ListOptions<F>): Promise<Page<T>>;
  /** Every item, in list order, as pages arrive. */
  iterate(options?: RunOptions<F>): RunIterator<T>;
  /** Every item in one result; stops at `maxItems` (10,000 when not given). */
  collect(options?: RunOptions<F>): Promise<CollectResult<T>>;
  /** The price of a range, before anything is spent. */
  estimate(options?: RangeOptions<F>): Estimate;
}

/** What an action did (SPEC §9). `notPending`: nothing was pending any more (already withdrawn, accepted, ignored or expired — possibly by a lost earlier attempt of the same call). */
export type ActionOutcome = "withdrawn" | "accepted" | "ignored" | "notPending";

/** Enough of an invitation to find it in your own store. */
export interface InvitationRef {
  id: string;
  name: string | null;
  profileUrl: string | null;
}

export interface ActionResult<O extends ActionOutcome = ActionOutcome> {
  outcome: O | "notPending";
  invitation: InvitationRef;
  /** Credits charged, including a lost attempt's when its repeat found nothing pending. */
  creditsUsed: number;
  /** HTTP requests sent, repeats included. */
  requests: number;
}

export interface ActionOptions {
  signal?: AbortSignal;
}

export type WithdrawStaleStopReason =
  | "end"
  | "max"
  | "maxCredits"
  | "maxRequests"
  | "aborted"
  | "auth"
  | "insufficientCredits";

export interface WithdrawStaleProgress {
  planned: number;
  done: number;
  withdrawn: number;
  notPending: number;
  failed: number;
  creditsUsed: number;
  requests: number;
  /** `null` while the run goes on; why it ended in the last event. */
  stopReason: WithdrawStaleStopReason | null;
}

export interface WithdrawStaleOptions {
  /** Withdraw only invitations at least this many whole days old (never a younger one); 1 or more. */
  olderThanDays: number;
  /** At most this many withdrawals (oldest first); 1–500 (LinkedIn rate-limits writes). */
  max?: number;
  /** For the whole run, reading the pending list included. */
  maxCredits?: number;
  maxRequests?: number;
  /** Plan only: read the list, write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: WithdrawStaleProgress) => void;
  signal?: AbortSignal;
}

export interface WithdrawStalePlan {
  /** Oldest first. */
  candidates: { invitation: Invitation; days: number }[];
  /** What the real run spends: reading the list plus every planned withdrawal. */
  credits: number;
  requests: number;
  /** Stale invitations left out by `max`, `maxCredits` or `maxRequests`. */
  leftOut: number;
  limitedBy: "max" | "maxCredits" | "maxRequests" | null;
  warnings: string[];
}

export interface WithdrawStaleResult {
  results: { invitation: InvitationRef; outcome: "withdrawn" | "notPending" | null; error: LinkedInNetworkError | null }[];
  withdrawn: number;
  notPending: number;
  failed: number;
  creditsUsed: number;
  requests: number;
  complete: boolean;
  stopReason: WithdrawStaleStopReason;
  /** Always includes: a withdrawn person cannot be invited again for about three weeks. */
  warnings: string[];
}

/**
 * What each provider's invitation lists can be filtered by (`never`: no
 * filter), so that a filter a provider cannot apply fails to compile where
 * the provider is known.
 */
export interface InvitationFilters {
  "linkup-v2": { sent: InvitationTypeFilter; received: InvitationTypeFilter };
  "linkup-v1": { sent: InvitationTypeFilter; received: InvitationTypeFilter };
  /** Its sent list holds only connection invitations; its received list cannot be filtered. */
  connectsafely: { sent: "CONNECTION"; received: never };
  /** Both lists hold only connection invitations. */
  unipile: { sent: "CONNECTION"; received: "CONNECTION" };
}

export interface SentInvitationsClient<F extends string = InvitationTypeFilter> extends ResourceClient<Invitation, F> {
  /** Withdraws one pending sent invitation, as list, iterate or sync returned it. */
  withdraw(invitation: Invitation, options?: ActionOptions): Promise<ActionResult<"withdrawn">>;
  /** Reads the whole pending list and plans the withdrawals of the stale ones, writing nothing. */
  withdrawStale(options: WithdrawStaleOptions & { dryRun: true }): Promise<WithdrawStalePlan>;
  /** Reads the whole pending list and withdraws the stale ones, oldest first, one at a time. */
  withdrawStale(options: WithdrawStaleOptions & { dryRun?: false }): Promise<WithdrawStaleResult>;
}

export interface ReceivedInvitationsClient<F extends string = InvitationTypeFilter> extends ResourceClient<Invitation, F> {
  accept(invitation: Invitation, options?: ActionOptions): Promise<ActionResult<"accepted">>;
  /** Not offered by linkup-v2 or linkup-v1: INVALID_INPUT there, nothing sent. */
  ignore(invitation: Invitation, options?: ActionOptions): Promise<ActionResult<"ignored">>;
}

/** A client; `P` is its provider where the options said it statically. */
export interface Client<P extends ProviderId = ProviderId> {
  readonly sentInvitations: SentInvitationsClient<InvitationFilters[P]["sent"]>;
  readonly receivedInvitations: ReceivedInvitationsClient<InvitationFilters[P]["received"]>;
  /** Connections cannot be filtered by type: `invitationType` does not compile. */
  readonly connections: ResourceClient<Connection, never>;
}

export type ErrorCode =
  | "INVALID_INPUT"
  | "AUTH"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "INSUFFICIENT_CREDITS"
  | "PROVIDER_ERROR"
  | "BAD_RESPONSE"
  | "NETWORK"
  | "TIMEOUT"
  | "ABORTED"
  | "BUDGET_EXCEEDED"
  | "RESPONSE_TOO_LARGE"
  | "REDIRECT_REFUSED"
  /** A bug inside the package (a Rust panic); the module restarts itself and the next call works. */
  | "INTERNAL"
  /** The WebAssembly module could not be loaded (missing .wasm, a CSP without 'wasm-unsafe-eval'); `cause` holds why. */
  | "LOAD_FAILED";

export interface LinkedInNetworkErrorJSON {
  name: "LinkedInNetworkError";
  code: ErrorCode;
  message: string;
  provider: ProviderId | null;
  status: number | null;
  providerCode: ProviderCode | null;
  providerMessage: string | null;
  retryable: boolean;
  retryAfterMs: number | null;
  attempts: number;
  creditsUsed: number;
}

/**
 * A stable code to `switch` on, never free text: the provider's own where it
 * sends one (linkup-v2 `INVALID_API_KEY`, `RATE_LIMITED`, …; ConnectSafely's
 * overview envelope), else one the package reads from the provider's words
 * and status (linkup-v1, ConnectSafely's endpoint pages). The words
 * themselves are in `providerMessage`.
 */
export type ProviderCode =
  // Derived by the package where the provider sends no code.
  | "INVALID_API_KEY"
  | "INVALID_COOKIE"
  | "RATE_LIMIT"
  | "NO_CREDITS"
  | "NOT_FOUND"
  | "INVALID_PARAMS"
  | "SERVER_ERROR"
  | "UNKNOWN"
  // linkup-v2's own.
  | "ACCOUNT_INACTIVE"
  | "INVALID_ACCOUNT"
  | "RATE_LIMITED"
  | "INSUFFICIENT_CREDITS"
  | "INVALID_ACTION"
  | "INTERNAL_ERROR"
  | (string & {});

/** Every failure the package reports. Never carries an API key, login token or account id. */
export declare class LinkedInNetworkError extends Error {
  readonly name: "LinkedInNetworkError";
  readonly code: ErrorCode;
  readonly provider: ProviderId | null;
  /** HTTP status when a response arrived (linkup-v1 errors keep their 200). */
  readonly status: number | null;
  /** A stable code (see `ProviderCode`), e.g. "INSUFFICIENT_CREDITS" or "INVALID_COOKIE". */
  readonly providerCode: ProviderCode | null;
  /** The provider's own words, shortened; never a secret. */
  readonly providerMessage: string | null;
  /**
   * For ABORTED and TIMEOUT, the signal's `reason`; for NETWORK, the
   * runtime's error (name and redacted message); for LOAD_FAILED, why.
   */
  readonly cause?: unknown;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly attempts: number;
  readonly creditsUsed: number;
  /** A type guard that also recognizes errors from another copy of the package. */
  static is(value: unknown): value is LinkedInNetworkError;
  toJSON(): LinkedInNetworkErrorJSON;
}

export declare function createClient(options: ClientOptions & { provider: "linkup-v2" }): Client<"linkup-v2">;
export declare function createClient(options: ClientOptions & { provider: "linkup-v1" }): Client<"linkup-v1">;
export declare function createClient(options: ClientOptions & { provider: "connectsafely" }): Client<"connectsafely">;
export declare function createClient(options: ClientOptions & { provider: "unipile" }): Client<"unipile">;
export declare function createClient(options: ClientOptions): Client;

/** Resolves once the WebAssembly module is instantiated (at once in Node and workerd). */
export declare function ready(): Promise<void>;

export type BuildRequestOptions = RangeOptions & { resource: ResourceName; baseUrl?: string } & (
    | { provider: "linkup-v2"; apiKey: string; accountId: string }
    | { provider: "linkup-v1"; apiKey: string; loginToken: string; country?: Country }
    | { provider: "connectsafely"; apiKey: string; accountId?: string }
    | { provider: "unipile"; apiKey: string; accountId: string; baseUrl: string }
  );

/** The one request for a range; a range that needs several calls is refused (use planRequests). */
export declare function buildRequest(options: BuildRequestOptions): BuiltRequest;

export interface ParseResponseOptions {
  provider: ProviderId;
  resource: ResourceName;
  status: number;
  /** The raw response text: never pre-parsed, or ids above 2^53 are already wrong. */
  body: string;
  headers?: Record<string, string> | Headers;
  /** With `limit`: keep only items of `[offset, offset + limit)`. */
  offset?: number;
  limit?: number;
}

export declare function parseResponse(options: ParseResponseOptions & { resource: "connections" }): ParsedPage<Connection>;
export declare function parseResponse(
  options: ParseResponseOptions & { resource: "sentInvitations" | "receivedInvitations" },
): ParsedPage<Invitation>;
export declare function parseResponse(options: ParseResponseOptions): ParsedPage;

export interface PlanOptions extends RangeOptions {
  provider: ProviderId;
  resource: ResourceName;
}

export declare function planRequests(options: PlanOptions): PlannedCall[];
export declare function estimateCredits(options: PlanOptions): Estimate;

// Sync (SPEC §8): what changed since last time, at the price of the change.

/** An item that left a list, as the sync state remembers it: enough to find it in your own store. */
export interface Removed {
  /** The invitation id, or the connection's canonical profile URL (else its member id). */
  key: string;
  /** The invitation id; for a connection its member id, where known. */
  id: string | null;
  name: string | null;
  profileUrl: string | null;
}

export interface ListChanges<T extends Item> {
  /** In list order (newest first). */
  added: T[];
  removed: Removed[];
}

export interface Changes {
  sentInvitations: ListChanges<Invitation>;
  receivedInvitations: ListChanges<Invitation>;
  /** `removed` is reported by full syncs only (`full: true`, or a first sync). */
  connections: ListChanges<Connection>;
  /** Sent invitations that became connections; each is also in `sentInvitations.removed`, its connection in `connections.added`. */
  accepted: { invitation: Removed; connection: Connection }[];
  /** True on a first sync (of any list): everything read is in `added`. */
  baseline: boolean;
}

export interface SyncProgress {
  resource: ResourceName;
  /** Items read so far from this list (new ones, on a head read). */
  items: number;
  creditsUsed: number;
  requests: number;
}

export interface SyncOptions {
  /** The `state` the last sync returned; null or absent for a first sync. */
  state?: string | null;
  /** Default: all three lists. */
  resources?: ResourceName[];
  /** Read connections in full too: reports removed connections, sets `lastFullSyncAt`. */
  full?: boolean;
  maxCredits?: number;
  maxRequests?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  /** Opaque, versioned, holds no secret; store it (chrome.storage, KV, D1) and pass it to the next sync. */
  state: string;
  changes: Changes;
  /** False when a budget cut the sync short: only whole lists were committed (a first reading as far as it went); the next sync resumes losing nothing. */
  complete: boolean;
  stopReason: StopReason;
  creditsUsed: number;
  requests: number;
  warnings: string[];
  /** When connections were last read in full (ISO 8601). */
  lastFullSyncAt: string | null;
}

export interface Client<P extends ProviderId = ProviderId> {
  /** What changed since `state`: invitations read in full, connections from the head until a known one. */
  sync(options?: SyncOptions): Promise<SyncResult>;
}

/** Items as `list`/`collect`/`sync` gave them: one array, or the lists by name. */
export type Snapshot =
  | Item[]
  | { sentInvitations?: Invitation[] | null; receivedInvitations?: Invitation[] | null; connections?: Connection[] | null };

export interface DiffSnapshotsOptions {
  provider: ProviderId;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/** The pure half of sync, for callers with their own store. */
export declare function diffSnapshots(options: DiffSnapshotsOptions): Changes;
