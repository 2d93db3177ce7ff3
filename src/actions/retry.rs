//! When a write is sent again (SPEC §9): only where a second attempt cannot
//! do a second, different thing. Pure: the client reports how each attempt
//! ended, this module says whether to send again, and keeps the tally that
//! turns the attempts into the credits reported.
//!
//! | attempt ended with                                         | what happened upstream                  | next step |
//! |------------------------------------------------------------|-----------------------------------------|-----------|
//! | no response (`Network`: refused, reset, DNS)                | nothing arrived, or nothing was answered | retry (backoff) |
//! | 429, linkup-v1's HTTP-200 "Rate limit exceeded", 503        | refused before acting                   | retry (`Retry-After`, else backoff) |
//! | timeout of a sent request, body cut short                   | ambiguous: it may have been done        | re-issue if the action is re-issuable, else stop |
//! | 500, 502, 504, 408; a 2xx answer that cannot be read        | ambiguous: it may have been done        | re-issue if the action is re-issuable, else stop |
//! | any other answer (4xx, auth, credits, redirect, too large)  | definitive                              | stop: the error |
//! | abort                                                       | —                                       | stop: `ABORTED` |
//!
//! Every step is bounded by `retry.maxAttempts` (the first attempt included).
//!
//! A *re-issue* is the same request again. It is allowed only for an action
//! the provider declares re-issuable (`Writes::reissuable`): the
//! request names the one invitation, so a repeat can only act on it, and once
//! the action is done it answers "not pending". That answer is then the
//! outcome `notPending` — never an error — and since the lost attempt most
//! likely did the action, its price counts as charged: a provider bills a
//! write that was made, whatever error came after it (a 500 written after
//! the change, a lost answer).
//!
//! ```text
//!   attempt ──answer──────────────────────────▶ done | notPending   (result)
//!      │  └─definitive error──────────────────▶ error                (stop)
//!      ├─no response / refused ─▶ wait ─▶ attempt                   (retry)
//!      └─ambiguous ─┬─re-issuable─▶ wait ─▶ attempt, maybeActed      (re-issue)
//!                   └─otherwise───────────────▶ error                (stop)
//! ```

use crate::actions::{AnswerKind, Cost};
use crate::client::retry::RetryPolicy;
use crate::error::{Error, ErrorCode};

/// How one attempt of a write ended, by what it says about the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptEnd {
    /// No response at all (the transport's `Network`).
    NoResponse,
    /// The provider refused before acting: rate limited, or unavailable (503).
    Refused,
    /// The request went out and no answer that can be trusted came back.
    Ambiguous,
    /// An answer that settles it: the error is the result.
    Final,
}

/// What the client does after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    /// Send again after `delay_ms`: the failed attempt did nothing.
    Retry { delay_ms: u64 },
    /// Send the same request again after `delay_ms`: the failed attempt may
    /// have acted, and a "not pending" answer will mean it did.
    Reissue { delay_ms: u64 },
    /// Do not send again: the error is the result.
    Stop,
}

/// How an answered attempt's error (already mapped by the provider) ended.
/// Transport failures are classified by the client, which sees them raw.
pub fn classify(error: &Error) -> AttemptEnd {
    if error.code == ErrorCode::RateLimited {
        return AttemptEnd::Refused;
    }
    match error.status {
        Some(503) => AttemptEnd::Refused,
        Some(408 | 500 | 502 | 504) => AttemptEnd::Ambiguous,
        // A 2xx is the provider saying it acted; a body we cannot read does
        // not undo that.
        Some(200..=299) if error.code == ErrorCode::BadResponse => AttemptEnd::Ambiguous,
        _ => AttemptEnd::Final,
    }
}

/// The step after attempt number `failed` (1-based) ended as `end`.
/// `unit` is a random number in `[0, 1)` for the jitter.
pub fn next_step(
    policy: &RetryPolicy,
    failed: u32,
    end: AttemptEnd,
    reissuable: bool,
    retry_after_ms: Option<u64>,
    unit: f64,
) -> WriteStep {
    if failed >= policy.max_attempts {
        return WriteStep::Stop;
    }
    match end {
        AttemptEnd::NoResponse => WriteStep::Retry {
            delay_ms: policy.backoff_ms(failed, None, unit),
        },
        AttemptEnd::Refused => WriteStep::Retry {
            delay_ms: policy.backoff_ms(failed, retry_after_ms, unit),
        },
        AttemptEnd::Ambiguous if reissuable => WriteStep::Reissue {
            delay_ms: policy.backoff_ms(failed, retry_after_ms, unit),
        },
        AttemptEnd::Ambiguous | AttemptEnd::Final => WriteStep::Stop,
    }
}

/// What the attempts of one action have spent, and may have done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteTally {
    /// The action's price (one successful call).
    pub price: Cost,
    /// Requests sent.
    pub requests: u64,
    /// Credits the answers (errors included) reported.
    pub credits_answered: u64,
    /// Credits of attempts without an answer: maybe charged.
    pub credits_at_risk: u64,
    /// An attempt was lost after it may have reached the provider: it may
    /// have done the action.
    pub maybe_acted: bool,
}

impl WriteTally {
    pub fn new(price: Cost) -> WriteTally {
        WriteTally {
            price,
            ..WriteTally::default()
        }
    }

    /// One more request goes out.
    pub fn sent(&mut self) {
        self.requests = self.requests.saturating_add(1);
    }

    /// An attempt was answered, billed `credits` (an error answer too: its
    /// billing is the answer's, even where the attempt was ambiguous).
    pub fn answered(&mut self, credits: u64) {
        self.credits_answered = self.credits_answered.saturating_add(credits);
    }

    /// An attempt ended as `end` without an answer that settles what it did
    /// (no response, a timeout, a cut body, a 2xx that cannot be read, a
    /// 500, an abort in flight): its price is at risk, and if it may have
    /// reached the provider (`Ambiguous`), it may have acted.
    pub fn lost(&mut self, end: AttemptEnd) {
        self.credits_at_risk = self.credits_at_risk.saturating_add(self.price.credits);
        if end == AttemptEnd::Ambiguous {
            self.maybe_acted = true;
        }
    }

    /// Credits to report once the last answer was `kind`: the answers' own,
    /// plus — when a re-issue found nothing pending after an attempt that
    /// may have acted — that attempt's price, once (only one can have acted).
    pub fn credits_reported(&self, kind: Option<AnswerKind>) -> u64 {
        let inferred = match kind {
            Some(AnswerKind::NotPending) if self.maybe_acted => self.price.credits,
            _ => 0,
        };
        self.credits_answered.saturating_add(inferred)
    }

    /// Credits a budget must count as spent: everything that may have been charged.
    pub fn credits_committed(&self) -> u64 {
        self.credits_answered.saturating_add(self.credits_at_risk)
    }
}
