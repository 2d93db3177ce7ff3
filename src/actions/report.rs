//! What `withdrawStale` reports: each withdrawal's outcome or error, the
//! counts, what the run spent and why it ended — serialized as the JS API
//! returns it.

use crate::actions::stale::StalePlan;
use crate::actions::{ActionOutcome, InvitationSummary};
use crate::error::{Error, ErrorCode};
use crate::json::write::json_object;
use crate::json::ToJson;

/// Why a `withdrawStale` run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaleStop {
    /// Every stale invitation was handled.
    End,
    /// More were stale than `max` allowed.
    Max,
    MaxCredits,
    MaxRequests,
    /// The caller's signal.
    Aborted,
    /// An `AUTH` error: every later call would fail the same way.
    Auth,
    /// An `INSUFFICIENT_CREDITS` error: the same.
    InsufficientCredits,
}

impl StaleStop {
    /// The public name: `"end"`, `"max"`, `"maxCredits"`, `"maxRequests"`,
    /// `"aborted"`, `"auth"`, `"insufficientCredits"`.
    pub fn as_str(self) -> &'static str {
        match self {
            StaleStop::End => "end",
            StaleStop::Max => "max",
            StaleStop::MaxCredits => "maxCredits",
            StaleStop::MaxRequests => "maxRequests",
            StaleStop::Aborted => "aborted",
            StaleStop::Auth => "auth",
            StaleStop::InsufficientCredits => "insufficientCredits",
        }
    }

    /// The stop an error forces, if it is one that ends the run: the rest
    /// of the plan would fail the same way (or the caller asked to stop).
    pub fn for_error(error: &Error) -> Option<StaleStop> {
        match error.code {
            ErrorCode::Auth => Some(StaleStop::Auth),
            ErrorCode::InsufficientCredits => Some(StaleStop::InsufficientCredits),
            ErrorCode::Aborted => Some(StaleStop::Aborted),
            _ => None,
        }
    }

    /// The stop a plan limited by `limited_by` ends with once carried out.
    pub fn for_plan(plan: &StalePlan) -> StaleStop {
        match plan.limited_by {
            Some("max") => StaleStop::Max,
            Some("maxCredits") => StaleStop::MaxCredits,
            Some("maxRequests") => StaleStop::MaxRequests,
            _ => StaleStop::End,
        }
    }
}

impl ToJson for StaleStop {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

/// One planned withdrawal as it went: an outcome, or the error it ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleWithdrawal {
    pub invitation: InvitationSummary,
    pub outcome: Option<ActionOutcome>,
    pub error: Option<Error>,
}

/// A `withdrawStale` run that wrote (not a dry run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithdrawStaleResult {
    pub results: Vec<StaleWithdrawal>,
    pub withdrawn: u64,
    pub not_pending: u64,
    pub failed: u64,
    /// The whole run: reading the list and every withdrawal.
    pub credits_used: u64,
    pub requests: u64,
    pub complete: bool,
    pub stop_reason: StaleStop,
    pub warnings: Vec<String>,
}

impl WithdrawStaleResult {
    /// Counts one withdrawal's end and keeps it.
    pub fn record(&mut self, withdrawal: StaleWithdrawal) {
        match (withdrawal.outcome, &withdrawal.error) {
            (Some(ActionOutcome::NotPending), _) => self.not_pending += 1,
            (Some(_), _) => self.withdrawn += 1,
            (None, _) => self.failed += 1,
        }
        self.results.push(withdrawal);
    }
}

/// `onProgress`'s argument during a `withdrawStale` run, after each
/// withdrawal and once more when it ends (`stop_reason` then set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleProgress {
    pub planned: u64,
    pub done: u64,
    pub withdrawn: u64,
    pub not_pending: u64,
    pub failed: u64,
    pub credits_used: u64,
    pub requests: u64,
    pub stop_reason: Option<StaleStop>,
}

/// What `withdrawStale` returns: the plan of a dry run, or what a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WithdrawStale {
    Plan(StalePlan),
    Ran(WithdrawStaleResult),
}

impl ToJson for WithdrawStale {
    fn write_json(&self, out: &mut String) {
        match self {
            WithdrawStale::Plan(plan) => plan.write_json(out),
            WithdrawStale::Ran(result) => result.write_json(out),
        }
    }
}

json_object!(StaleWithdrawal, |this| {
    "invitation" => this.invitation,
    "outcome" => this.outcome,
    "error" => this.error,
});

json_object!(WithdrawStaleResult, |this| {
    "results" => this.results,
    "withdrawn" => this.withdrawn,
    "notPending" => this.not_pending,
    "failed" => this.failed,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "complete" => this.complete,
    "stopReason" => this.stop_reason,
    "warnings" => this.warnings,
});

json_object!(StaleProgress, |this| {
    "planned" => this.planned,
    "done" => this.done,
    "withdrawn" => this.withdrawn,
    "notPending" => this.not_pending,
    "failed" => this.failed,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "stopReason" => this.stop_reason,
});
