// The actions of SPEC §9 as a TypeScript consumer sees them, compiled with
// --strict against the shipped index.d.ts; the `@ts-expect-error` lines
// prove the declarations refuse wrong use.

import {
  createClient,
  LinkedInNetworkError,
  type ActionResult,
  type Client,
  type Invitation,
  type WithdrawStalePlan,
  type WithdrawStaleResult,
  type WithdrawStaleStopReason,
} from "linkedin-network";

const client: Client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a" });
declare const invitation: Invitation;

const withdrawn: ActionResult<"withdrawn"> = await client.sentInvitations.withdraw(invitation, { signal: AbortSignal.timeout(5000) });
const outcome: "withdrawn" | "notPending" = withdrawn.outcome;
const id: string = withdrawn.invitation.id;
const accepted = await client.receivedInvitations.accept(invitation);
const acceptedOutcome: "accepted" | "notPending" = accepted.outcome;
const ignored = await client.receivedInvitations.ignore(invitation);

const plan: WithdrawStalePlan = await client.sentInvitations.withdrawStale({ olderThanDays: 21, max: 50, dryRun: true });
const firstDays: number | undefined = plan.candidates[0]?.days;
const run: WithdrawStaleResult = await client.sentInvitations.withdrawStale({
  olderThanDays: 21,
  maxCredits: 10,
  onProgress: (progress) => void progress.withdrawn,
});
const stop: WithdrawStaleStopReason = run.stopReason;
const failure: LinkedInNetworkError | null | undefined = run.results[0]?.error;

// @ts-expect-error withdraw is for sent invitations only
void client.receivedInvitations.withdraw(invitation);

// @ts-expect-error accept is for received invitations only
void client.sentInvitations.accept(invitation);

// @ts-expect-error connections have no actions
void client.connections.withdrawStale({ olderThanDays: 21 });

// @ts-expect-error olderThanDays is required
void client.sentInvitations.withdrawStale({ max: 5 });

// @ts-expect-error a dry run returns a plan, not a result
const notResult: WithdrawStaleResult = await client.sentInvitations.withdrawStale({ olderThanDays: 21, dryRun: true });

// @ts-expect-error a withdraw never says accepted
const wrongOutcome: "accepted" = withdrawn.outcome;

void [outcome, id, acceptedOutcome, ignored, firstDays, stop, failure, notResult, wrongOutcome];
export {};
