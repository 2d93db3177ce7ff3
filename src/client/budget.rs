//! Budgets — items, credits, requests — checked before a call or an attempt
//! starts, never after. Credits a failed attempt may have cost (the request
//! went out, no answer came back) count as spent for the budget, so no
//! sequence of faults can carry the real spend past `maxCredits`.

use crate::json::ToJson;

/// Why a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The list (or the requested range) was read to its end.
    End,
    MaxItems,
    MaxCredits,
    MaxRequests,
}

impl StopReason {
    /// The public name: `"end"`, `"maxItems"`, `"maxCredits"`, `"maxRequests"`.
    pub fn as_str(self) -> &'static str {
        match self {
            StopReason::End => "end",
            StopReason::MaxItems => "maxItems",
            StopReason::MaxCredits => "maxCredits",
            StopReason::MaxRequests => "maxRequests",
        }
    }
}

impl ToJson for StopReason {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Budgets {
    pub max_items: Option<u64>,
    pub max_credits: Option<u64>,
    pub max_requests: Option<u64>,
}

/// What a run has spent, and what its calls in flight may still spend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spend {
    /// Reported (or computed) by the provider's answers.
    pub credits_used: u64,
    /// Credits of attempts that got no answer: maybe charged, maybe not.
    pub credits_at_risk: u64,
    /// The planned price of calls in flight.
    pub credits_reserved: u64,
    /// Every HTTP request sent, retries included.
    pub requests: u64,
}

impl Budgets {
    /// May a new call priced at `credits` start? Its first request is checked too.
    pub fn allows_call(&self, spend: &Spend, credits: u64) -> Result<(), StopReason> {
        let committed = spend.credits_used + spend.credits_at_risk + spend.credits_reserved;
        if self
            .max_credits
            .is_some_and(|max| committed + credits > max)
        {
            return Err(StopReason::MaxCredits);
        }
        self.allows_attempt(spend)
    }

    /// May one more request go out (a call's first attempt or a retry)?
    /// A retry's credits are already reserved; what failed before is at risk.
    pub fn allows_attempt(&self, spend: &Spend) -> Result<(), StopReason> {
        if self
            .max_requests
            .is_some_and(|max| spend.requests + 1 > max)
        {
            return Err(StopReason::MaxRequests);
        }
        let committed = spend.credits_used + spend.credits_at_risk + spend.credits_reserved;
        if self.max_credits.is_some_and(|max| committed > max) {
            return Err(StopReason::MaxCredits);
        }
        Ok(())
    }
}
