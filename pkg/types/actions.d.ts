// linkedin-network declarations — Actions (SPEC §9): withdraw, accept, ignore, withdrawStale.
import type { Invitation } from "./model.js";
import type { LinkedInNetworkError } from "./errors.js";

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
