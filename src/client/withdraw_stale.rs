//! `withdraw_stale` over the transport: reads the pending sent list in
//! full, plans (`actions::stale`), and withdraws one invitation at a time
//! through `act`'s machinery.
//!
//! ```text
//!  reading ──list read in full──▶ planned ──dryRun──────────────▶ Plan
//!    │ error / abort: Err             │
//!    │ budget: Ran, nothing written   ▼
//!    └──────────────────────▶ withdrawing ──each one: withdrawn | notPending | failed──┐
//!                                  │  ▲──────────────────────────────────────────────┘
//!                                  ├─ plan carried out ──────────▶ Ran: "end" (or "max", "maxCredits", "maxRequests" if the plan left some out)
//!                                  ├─ budget before an attempt ──▶ Ran: "maxCredits" | "maxRequests"
//!                                  ├─ abort ─────────────────────▶ Ran: "aborted"
//!                                  └─ AUTH / INSUFFICIENT_CREDITS ▶ Ran: "auth" | "insufficientCredits"
//! ```
//! Any other error of one withdrawal is recorded (`failed`) and the run
//! goes on; every stop says what was done.

use crate::actions::report::{
    StaleProgress, StaleStop, StaleWithdrawal, WithdrawStale, WithdrawStaleResult,
};
use crate::actions::stale::{plan_withdraw_stale, StalePlan, StaleRequest, REINVITE_WARNING};
use crate::actions::{Action, Cost, InvitationSummary};
use crate::client::actions::{Allowance, Performed};
use crate::client::budget::{Budgets, StopReason};
use crate::client::transport::CancelToken;
use crate::client::{Client, RunRequest, Timer, Transport};
use crate::error::{Error, ErrorCode};
use crate::model::{Invitation, Item};
use crate::query::Resource;

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Reads the whole pending sent list, plans the withdrawals (SPEC §9)
    /// and — unless `dry_run` — carries them out one at a time.
    pub async fn withdraw_stale(
        &self,
        request: StaleRequest,
        cancel: CancelToken,
        on_progress: &mut dyn FnMut(&StaleProgress),
    ) -> Result<WithdrawStale, Error> {
        let provider = self.shared.provider;
        if !provider.actions().contains(&Action::Withdraw) {
            return Err(crate::actions::unsupported(provider.id(), Action::Withdraw));
        }
        let read = RunRequest {
            budgets: Budgets {
                max_items: None,
                max_credits: request.max_credits,
                max_requests: request.max_requests,
            },
            ..RunRequest::default()
        };
        let list = self
            .collect(Resource::SentInvitations, read, cancel.clone(), &mut |_| {})
            .await?;
        let read_cost = Cost {
            credits: list.credits_used,
            requests: list.requests,
        };
        let mut warnings = list.warnings;
        warnings.push(REINVITE_WARNING.to_string());
        if !list.complete {
            // The oldest cannot be known from part of the list.
            warnings.push(format!(
                "the pending list could not be read in full within {}: nothing was planned",
                list.stop_reason.as_str()
            ));
            let stop = match list.stop_reason {
                StopReason::MaxRequests => StaleStop::MaxRequests,
                StopReason::MaxCredits => StaleStop::MaxCredits,
                // Longer than `collect`'s 10,000 items: far past LinkedIn's cap.
                StopReason::MaxItems | StopReason::End => StaleStop::Max,
            };
            return Ok(unfinished_read(&request, read_cost, stop, warnings));
        }
        let pending: Vec<Invitation> = list
            .items
            .into_iter()
            .filter_map(|item| match item {
                Item::Invitation(invitation) => Some(invitation),
                Item::Connection(_) => None,
            })
            .collect();
        let price = provider.action_price(Action::Withdraw);
        let mut plan = plan_withdraw_stale(&pending, &request, price, read_cost);
        plan.warnings = warnings;
        if request.dry_run {
            return Ok(WithdrawStale::Plan(plan));
        }
        Ok(WithdrawStale::Ran(
            self.run_plan(plan, &request, read_cost, &cancel, on_progress)
                .await,
        ))
    }

    async fn run_plan(
        &self,
        plan: StalePlan,
        request: &StaleRequest,
        read_cost: Cost,
        cancel: &CancelToken,
        on_progress: &mut dyn FnMut(&StaleProgress),
    ) -> WithdrawStaleResult {
        let mut result = WithdrawStaleResult {
            results: Vec::with_capacity(plan.candidates.len()),
            withdrawn: 0,
            not_pending: 0,
            failed: 0,
            credits_used: read_cost.credits,
            requests: read_cost.requests,
            complete: false,
            stop_reason: StaleStop::for_plan(&plan),
            warnings: plan.warnings.clone(),
        };
        // What may have been charged (lost answers included), for the budget.
        let mut committed = read_cost;
        let planned = u64::try_from(plan.candidates.len()).unwrap_or(u64::MAX);
        for candidate in &plan.candidates {
            let allowance = Allowance {
                spent: committed,
                max_credits: request.max_credits,
                max_requests: request.max_requests,
            };
            let invitation = &candidate.invitation;
            let (performed, tally) = self
                .perform(Action::Withdraw, invitation, cancel, allowance)
                .await;
            committed = committed.plus(Cost {
                credits: tally.credits_committed(),
                requests: tally.requests,
            });
            result.requests = result.requests.saturating_add(tally.requests);
            let summary = InvitationSummary::of(invitation);
            let stop = match performed {
                Performed::Answered(done) => {
                    result.credits_used = result.credits_used.saturating_add(done.credits_used);
                    result.record(StaleWithdrawal {
                        invitation: summary,
                        outcome: Some(done.outcome),
                        error: None,
                    });
                    None
                }
                // Aborted before anything was sent for it: not a withdrawal.
                Performed::Failed(error)
                    if error.code == ErrorCode::Aborted && tally.requests == 0 =>
                {
                    Some(StaleStop::Aborted)
                }
                Performed::Failed(error) => {
                    result.credits_used = result.credits_used.saturating_add(error.credits_used);
                    let stop = StaleStop::for_error(&error);
                    result.record(StaleWithdrawal {
                        invitation: summary,
                        outcome: None,
                        error: Some(error),
                    });
                    stop
                }
                Performed::Stopped(reason) => Some(reason),
            };
            if let Some(reason) = stop {
                result.stop_reason = reason;
                on_progress(&progress(&result, planned, Some(reason)));
                return result;
            }
            on_progress(&progress(&result, planned, None));
        }
        result.complete = result.stop_reason == StaleStop::End;
        on_progress(&progress(&result, planned, Some(result.stop_reason)));
        result
    }
}

fn progress(result: &WithdrawStaleResult, planned: u64, stop: Option<StaleStop>) -> StaleProgress {
    StaleProgress {
        planned,
        done: u64::try_from(result.results.len()).unwrap_or(u64::MAX),
        withdrawn: result.withdrawn,
        not_pending: result.not_pending,
        failed: result.failed,
        credits_used: result.credits_used,
        requests: result.requests,
        stop_reason: stop,
    }
}

/// A run whose read of the list a budget cut short: nothing planned or written.
fn unfinished_read(
    request: &StaleRequest,
    read: Cost,
    stop: StaleStop,
    warnings: Vec<String>,
) -> WithdrawStale {
    if request.dry_run {
        return WithdrawStale::Plan(StalePlan {
            candidates: Vec::new(),
            credits: read.credits,
            requests: read.requests,
            left_out: 0,
            limited_by: Some(stop.as_str()),
            warnings,
        });
    }
    WithdrawStale::Ran(WithdrawStaleResult {
        results: Vec::new(),
        withdrawn: 0,
        not_pending: 0,
        failed: 0,
        credits_used: read.credits,
        requests: read.requests,
        complete: false,
        stop_reason: stop,
        warnings,
    })
}
