//! One planned call, sent until it succeeds, fails for good, is cancelled or
//! a budget refuses the next attempt: retries, per-attempt timeout, backoff.

use core::cell::Cell;
use std::rc::Rc;

use crate::client::budget::{Budgets, Spend, StopReason};
use crate::client::transport::CancelToken;
use crate::client::transport::{race, Either, TransportError};
use crate::client::{Client, Timer, Transport};
use crate::error::{Cause, Error, ErrorCode};
use crate::http::HttpResponse;
use crate::model::Page;
use crate::operations::parse_response;
use crate::plan::PlannedCall;
use crate::query::Target;

/// How a call ended.
#[derive(Debug)]
pub enum CallOutcome {
    Page(Page),
    /// A budget refused an attempt: the run stops cleanly here.
    Stopped(StopReason),
    Failed(Error),
}

/// Everything one call shares with its run.
pub struct CallContext<T: Transport, C: Timer> {
    pub client: Client<T, C>,
    pub target: Rc<Target>,
    pub spend: Rc<Cell<Spend>>,
    pub budgets: Budgets,
    pub cancel: CancelToken,
}

impl<T: Transport, C: Timer> Clone for CallContext<T, C> {
    fn clone(&self) -> Self {
        CallContext {
            client: self.client.clone(),
            target: Rc::clone(&self.target),
            spend: Rc::clone(&self.spend),
            budgets: self.budgets,
            cancel: self.cancel.clone(),
        }
    }
}

/// Gives a call's reserved credits back however the call ends, dropped
/// futures included.
struct Reservation {
    spend: Rc<Cell<Spend>>,
    credits: u64,
}

impl Drop for Reservation {
    fn drop(&mut self) {
        let mut spend = self.spend.get();
        spend.credits_reserved = spend.credits_reserved.saturating_sub(self.credits);
        self.spend.set(spend);
    }
}

fn update(spend: &Cell<Spend>, change: impl FnOnce(&mut Spend)) {
    let mut value = spend.get();
    change(&mut value);
    spend.set(value);
}

/// Runs `call`. Its credits are already reserved and its first request
/// counted by the run (so planning can refuse it synchronously).
pub async fn run_call<T: Transport, C: Timer>(
    context: CallContext<T, C>,
    call: PlannedCall,
) -> CallOutcome {
    let client = &context.client;
    let shared = &client.shared;
    let provider = shared.provider;
    let _reservation = Reservation {
        spend: Rc::clone(&context.spend),
        credits: call.credits,
    };
    let mut attempt: u32 = 0;
    loop {
        if attempt > 0 {
            if let Err(reason) = context.budgets.allows_attempt(&context.spend.get()) {
                return CallOutcome::Stopped(reason);
            }
            update(&context.spend, |spend| spend.requests += 1);
        }
        attempt += 1;
        let request = match provider.build_request(&context.target, &call) {
            Ok(request) => request,
            Err(error) => return CallOutcome::Failed(error),
        };
        let send = race(
            shared.transport.send(request),
            shared.timer.sleep(shared.settings.timeout_ms),
        );
        let error = match race(send, context.cancel.cancelled()).await {
            Either::Left(Either::Left(Ok(raw))) => {
                let response = HttpResponse {
                    status: raw.status,
                    headers: &raw.headers,
                    body: &raw.body,
                };
                let now = shared.timer.now_ms();
                match parse_response(
                    provider,
                    context.target.resource,
                    &response,
                    Some(&call),
                    Some(now),
                ) {
                    Ok(page) => {
                        update(&context.spend, |spend| {
                            spend.credits_used += page.credits_used
                        });
                        return CallOutcome::Page(page);
                    }
                    Err(error) => {
                        // A 2xx that did not parse was most likely charged.
                        if response.is_success() {
                            update(&context.spend, |spend| {
                                spend.credits_at_risk += call.credits
                            });
                        }
                        error
                    }
                }
            }
            Either::Left(Either::Left(Err(failure))) => {
                if !matches!(failure, TransportError::Redirect { .. }) {
                    update(&context.spend, |spend| {
                        spend.credits_at_risk += call.credits
                    });
                }
                transport_error(provider.id(), failure)
            }
            Either::Left(Either::Right(())) => {
                update(&context.spend, |spend| {
                    spend.credits_at_risk += call.credits
                });
                Error::new(
                    ErrorCode::Timeout,
                    format!(
                        "{} did not answer within {} ms",
                        provider.id(),
                        shared.settings.timeout_ms
                    ),
                )
                .with_retry(true, None)
            }
            Either::Right(()) => {
                update(&context.spend, |spend| {
                    spend.credits_at_risk += call.credits
                });
                return CallOutcome::Failed(aborted(&context.cancel).with_attempts(attempt));
            }
        };
        let error = error.with_provider(provider.id()).with_attempts(attempt);
        let unit = shared.jitter.borrow_mut().next_unit();
        let Some(delay) = shared.settings.retry.delay_after(attempt, &error, unit) else {
            return CallOutcome::Failed(error);
        };
        if let Either::Right(()) = race(shared.timer.sleep(delay), context.cancel.cancelled()).await
        {
            return CallOutcome::Failed(aborted(&context.cancel).with_attempts(attempt));
        }
    }
}

/// The error of a cancelled operation: `TIMEOUT` when the caller's deadline
/// cancelled it, else `ABORTED`.
pub fn aborted(cancel: &CancelToken) -> Error {
    if cancel.timed_out() {
        Error::new(
            ErrorCode::Timeout,
            "the operation timed out: its AbortSignal's deadline passed (a TimeoutError)",
        )
    } else {
        Error::new(
            ErrorCode::Aborted,
            "the operation was aborted by its AbortSignal",
        )
    }
}

/// The error a transport failure becomes, for reads and writes alike.
pub fn transport_error(provider: &'static str, failure: TransportError) -> Error {
    match failure {
        TransportError::Network(detail) => Error::new(
            ErrorCode::Network,
            format!("could not reach {provider}: {detail}"),
        )
        .with_cause(Cause::from_description(&detail))
        .with_retry(true, None),
        TransportError::CutShort(detail) => Error::new(
            ErrorCode::Network,
            format!("the connection to {provider} ended before the response did: {detail}"),
        )
        .with_cause(Cause::from_description(&detail))
        .with_retry(true, None),
        TransportError::TooLarge { limit } => Error::new(
            ErrorCode::ResponseTooLarge,
            format!(
                "{provider}'s response is larger than the {} MiB limit",
                limit / (1024 * 1024)
            ),
        ),
        TransportError::Redirect { status } => {
            let (status_text, status) = match status {
                0 => ("a redirect".to_string(), None),
                _ => (format!("HTTP {status} (a redirect)"), Some(status)),
            };
            let mut error = Error::new(
                ErrorCode::RedirectRefused,
                format!("{provider} answered {status_text}; redirects are refused so credentials never reach another origin"),
            );
            error.status = status;
            error
        }
    }
}
