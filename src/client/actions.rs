//! Actions over the transport: `act` (withdraw, accept, ignore one
//! invitation) under the write-retry rules of `actions::retry`, and
//! `withdraw_stale`, which reads the pending sent list, plans, and
//! withdraws one invitation at a time.
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
use crate::actions::retry::{classify, next_step, AttemptEnd, WriteStep, WriteTally};
use crate::actions::stale::{plan_withdraw_stale, StalePlan, StaleRequest, REINVITE_WARNING};
use crate::actions::{
    action_request, parse_action, Action, ActionOutcome, ActionResult, AnswerKind, Cost,
    InvitationSummary,
};
use crate::client::budget::{Budgets, StopReason};
use crate::client::call::aborted;
use crate::client::transport::{race, CancelToken, Either, TransportError};
use crate::client::{Client, RunRequest, Timer, Transport};
use crate::error::{Error, ErrorCode};
use crate::http::HttpResponse;
use crate::model::{Invitation, Item};
use crate::query::Resource;

/// How one action ended inside the client.
enum Performed {
    Answered(ActionResult),
    Failed(Error),
    /// A budget refused the next attempt; nothing more was sent.
    Stopped(StaleStop),
}

/// What the run may still spend, checked before every attempt.
#[derive(Clone, Copy)]
struct Allowance {
    spent: Cost,
    max_credits: Option<u64>,
    max_requests: Option<u64>,
}

impl Allowance {
    const UNLIMITED: Allowance = Allowance {
        spent: Cost {
            credits: 0,
            requests: 0,
        },
        max_credits: None,
        max_requests: None,
    };

    fn allows(&self, tally: &WriteTally) -> Result<(), StaleStop> {
        let requests = self.spent.requests.saturating_add(tally.requests);
        if self.max_requests.is_some_and(|max| requests >= max) {
            return Err(StaleStop::MaxRequests);
        }
        let credits = self
            .spent
            .credits
            .saturating_add(tally.credits_committed())
            .saturating_add(tally.price.credits);
        if self.max_credits.is_some_and(|max| credits > max) {
            return Err(StaleStop::MaxCredits);
        }
        Ok(())
    }
}

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Withdraws, accepts or ignores one invitation (as list, iterate or
    /// sync returned it). `INVALID_INPUT` before anything is sent for an
    /// action this provider lacks or a field it needs that is missing.
    pub async fn act(
        &self,
        action: Action,
        invitation: &Invitation,
        cancel: CancelToken,
    ) -> Result<ActionResult, Error> {
        match self
            .perform(action, invitation, &cancel, Allowance::UNLIMITED)
            .await
            .0
        {
            Performed::Answered(result) => Ok(result),
            Performed::Failed(error) => Err(error),
            Performed::Stopped(reason) => Err(Error::new(
                ErrorCode::BudgetExceeded,
                format!("{} refused the next attempt", reason.as_str()),
            )),
        }
    }

    /// Sends one action until it is answered, fails for good, is aborted
    /// or `allowance` refuses an attempt. Returns what it spent too.
    async fn perform(
        &self,
        action: Action,
        invitation: &Invitation,
        cancel: &CancelToken,
        allowance: Allowance,
    ) -> (Performed, WriteTally) {
        let shared = &self.shared;
        let provider = shared.provider;
        let price = provider.action_price(action);
        let mut tally = WriteTally::new(price);
        let request = match action_request(
            provider,
            action,
            invitation,
            &shared.credentials,
            &shared.base_url,
        ) {
            Ok(request) => request,
            Err(error) => return (Performed::Failed(self.redact(error)), tally),
        };
        let reissuable = provider.action_reissuable(action);
        let mut attempt: u32 = 0;
        loop {
            if cancel.is_cancelled() {
                return (self.failed(aborted(), attempt, &tally), tally);
            }
            if let Err(reason) = allowance.allows(&tally) {
                return (Performed::Stopped(reason), tally);
            }
            attempt += 1;
            tally.sent();
            let send = race(
                shared.transport.send(request.clone()),
                shared.timer.sleep(shared.settings.timeout_ms),
            );
            let (end, error) = match race(send, cancel.cancelled()).await {
                Either::Left(Either::Left(Ok(raw))) => {
                    let response = HttpResponse {
                        status: raw.status,
                        headers: &raw.headers,
                        body: &raw.body,
                    };
                    let now = Some(shared.timer.now_ms());
                    match parse_action(provider, action, &response, now) {
                        Ok(answer) => {
                            tally.answered(answer.credits_used);
                            let outcome = match answer.kind {
                                AnswerKind::Done => action.done(),
                                AnswerKind::NotPending => ActionOutcome::NotPending,
                            };
                            let result = ActionResult {
                                outcome,
                                invitation: InvitationSummary::of(invitation),
                                credits_used: tally.credits_reported(Some(answer.kind)),
                                requests: tally.requests,
                            };
                            return (Performed::Answered(result), tally);
                        }
                        Err(error) => {
                            let end = classify(&error);
                            if response.is_success() && error.code == ErrorCode::BadResponse {
                                // A 2xx whose billing cannot be read.
                                tally.lost(end);
                            } else {
                                tally.answered(error.credits_used);
                            }
                            (end, error)
                        }
                    }
                }
                Either::Left(Either::Left(Err(failure))) => {
                    let end = match failure {
                        TransportError::Network(_) => AttemptEnd::NoResponse,
                        TransportError::CutShort(_) => AttemptEnd::Ambiguous,
                        TransportError::TooLarge { .. } | TransportError::Redirect { .. } => {
                            AttemptEnd::Final
                        }
                    };
                    if end != AttemptEnd::Final {
                        tally.lost(end);
                    }
                    (end, super::call::transport_error(provider.id(), failure))
                }
                Either::Left(Either::Right(())) => {
                    tally.lost(AttemptEnd::Ambiguous);
                    let error = Error::new(
                        ErrorCode::Timeout,
                        format!(
                            "{} did not answer within {} ms",
                            provider.id(),
                            shared.settings.timeout_ms
                        ),
                    )
                    .with_retry(true, None);
                    (AttemptEnd::Ambiguous, error)
                }
                Either::Right(()) => {
                    tally.lost(AttemptEnd::Ambiguous);
                    return (self.failed(aborted(), attempt, &tally), tally);
                }
            };
            let unit = shared.jitter.borrow_mut().next_unit();
            let policy = &shared.settings.retry;
            let delay =
                match next_step(policy, attempt, end, reissuable, error.retry_after_ms, unit) {
                    WriteStep::Retry { delay_ms } | WriteStep::Reissue { delay_ms } => delay_ms,
                    WriteStep::Stop => return (self.failed(error, attempt, &tally), tally),
                };
            if let Either::Right(()) = race(shared.timer.sleep(delay), cancel.cancelled()).await {
                return (self.failed(aborted(), attempt, &tally), tally);
            }
        }
    }

    /// The error an action ends with: attempts, the credits its answers
    /// were billed, the provider, no secret.
    fn failed(&self, error: Error, attempts: u32, tally: &WriteTally) -> Performed {
        let mut error = error
            .with_provider(self.shared.provider.id())
            .with_attempts(attempts);
        error.credits_used = tally.credits_reported(None);
        Performed::Failed(self.redact(error))
    }

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
                _ => StaleStop::MaxCredits,
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
