//! Actions over the transport: `act` withdraws, accepts or ignores one
//! invitation under the write-retry rules of `actions::retry`
//! (`withdraw_stale` builds on it, in `withdraw_stale.rs`).

use crate::actions::report::StaleStop;
use crate::actions::retry::{classify, next_step, AttemptEnd, WriteStep, WriteTally};
use crate::actions::{
    action_request, parse_action, Action, ActionOutcome, ActionResult, AnswerKind, Cost,
    InvitationSummary,
};
use crate::client::call::aborted;
use crate::client::transport::{race, CancelToken, Either, TransportError};
use crate::client::{Client, Timer, Transport};
use crate::error::{Error, ErrorCode};
use crate::http::HttpResponse;
use crate::model::Invitation;

/// How one action ended inside the client.
pub(super) enum Performed {
    Answered(ActionResult),
    Failed(Error),
    /// A budget refused the next attempt; nothing more was sent.
    Stopped(StaleStop),
}

/// What the run may still spend, checked before every attempt.
#[derive(Clone, Copy)]
pub(super) struct Allowance {
    pub spent: Cost,
    pub max_credits: Option<u64>,
    pub max_requests: Option<u64>,
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
    pub(super) async fn perform(
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
                return (self.action_failed(aborted(cancel), attempt, &tally), tally);
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
                            // A 2xx whose body cannot be read reports no billing.
                            if !(response.is_success() && error.code == ErrorCode::BadResponse) {
                                tally.answered(error.credits_used);
                            }
                            // A 500 may have come after the write was made.
                            if end == AttemptEnd::Ambiguous {
                                tally.lost(end);
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
                    return (self.action_failed(aborted(cancel), attempt, &tally), tally);
                }
            };
            let unit = shared.jitter.borrow_mut().next_unit();
            let policy = &shared.settings.retry;
            let delay =
                match next_step(policy, attempt, end, reissuable, error.retry_after_ms, unit) {
                    WriteStep::Retry { delay_ms } | WriteStep::Reissue { delay_ms } => delay_ms,
                    WriteStep::Stop => return (self.action_failed(error, attempt, &tally), tally),
                };
            if let Either::Right(()) = race(shared.timer.sleep(delay), cancel.cancelled()).await {
                return (self.action_failed(aborted(cancel), attempt, &tally), tally);
            }
        }
    }

    /// The error an action ends with: attempts, the credits its answers
    /// were billed, the provider, no secret.
    fn action_failed(&self, error: Error, attempts: u32, tally: &WriteTally) -> Performed {
        let mut error = error
            .with_provider(self.shared.provider.id())
            .with_attempts(attempts);
        error.credits_used = tally.credits_reported(None);
        Performed::Failed(self.redact(error))
    }
}
