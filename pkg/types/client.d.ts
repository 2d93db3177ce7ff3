// linkedin-network declarations — The client: its options, the per-list clients and what they take.
import type { CollectResult, Connection, Country, Estimate, Invitation, InvitationTypeFilter, Item, Page, Progress, ProviderId, RunIterator } from "./model.js";
import type { ActionOptions, ActionResult, WithdrawStaleOptions, WithdrawStalePlan, WithdrawStaleResult } from "./actions.js";
import type { SyncOptions, SyncResult } from "./sync.js";

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
  /** What changed since `state`: invitations read in full, connections from the head until a known one. */
  sync(options?: SyncOptions): Promise<SyncResult>;
}
