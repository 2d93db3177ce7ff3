//! Pagination plans and credit arithmetic (SPEC §3), pure: a range of a list
//! becomes provider calls with their price before anything is sent.
//!
//! Each provider decides its own grid (see `providers/`); this module holds
//! what they share: the planned call, the price, splitting a range, and
//! cutting a page down to the range its call was planned for.

use crate::json::write::{json_object, Pairs};
use crate::json::ToJson;
use crate::model::Page;

/// A pagination parameter's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Number(u64),
    /// An opaque continuation the provider issued (a cursor chain's link).
    Text(String),
}

/// A provider's pagination parameters, in the order it documents them.
pub type Params = Vec<(&'static str, Param)>;

/// One provider call of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedCall {
    /// The list range this call covers: `[offset, offset + count)`.
    pub offset: u64,
    pub count: u64,
    /// What the provider charges for it at most.
    pub credits: u64,
    /// Requests the provider makes to LinkedIn to serve it.
    pub upstream_calls: u64,
    /// The provider's own pagination parameters (`{offset, count}`,
    /// `{start_page, end_page}`, `{startIndex, limit}`).
    pub params: Params,
}

impl PlannedCall {
    /// Exclusive end of the range the call covers.
    pub fn end(&self) -> u64 {
        self.offset.saturating_add(self.count)
    }

    /// A pagination parameter by name, for the provider that planned it.
    pub fn param(&self, name: &str) -> Option<u64> {
        self.params.iter().find_map(|(key, value)| match value {
            Param::Number(number) => (*key == name).then_some(*number),
            Param::Text(_) => None,
        })
    }

    /// A text parameter by name (a provider's continuation), for the provider that planned it.
    pub fn text_param(&self, name: &str) -> Option<&str> {
        self.params.iter().find_map(|(key, value)| match value {
            Param::Text(text) => (*key == name).then_some(text.as_str()),
            Param::Number(_) => None,
        })
    }

    /// Whether the call continues a cursor chain (carries a provider's continuation).
    pub fn continues_chain(&self) -> bool {
        self.params
            .iter()
            .any(|(_, value)| matches!(value, Param::Text(_)))
    }
}

/// The price of a plan: what `estimateCredits` returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Estimate {
    pub credits: u64,
    pub requests: u64,
    pub upstream_calls: u64,
}

pub fn estimate(calls: &[PlannedCall]) -> Estimate {
    calls
        .iter()
        .fold(Estimate::default(), |sum, call| Estimate {
            credits: sum.credits + call.credits,
            requests: sum.requests + 1,
            upstream_calls: sum.upstream_calls + call.upstream_calls,
        })
}

/// Splits `[offset, offset + limit)` into consecutive `(offset, count)`
/// pieces of at most `step` items, the last one shorter.
pub fn split_range(offset: u64, limit: u64, step: u64) -> Vec<(u64, u64)> {
    let step = step.max(1);
    let end = offset.saturating_add(limit);
    let mut pieces = Vec::new();
    let mut start = offset;
    while start < end {
        let count = step.min(end - start);
        pieces.push((start, count));
        start += count;
    }
    pieces
}

/// `ceil(numerator / denominator)` for the "1 credit per 50, rounded up" rules.
pub fn ceil_div(numerator: u64, denominator: u64) -> u64 {
    numerator.div_ceil(denominator.max(1))
}

/// Numeric params from `(name, value)` pairs.
pub fn params<const N: usize>(pairs: [(&'static str, u64); N]) -> Params {
    pairs
        .into_iter()
        .map(|(name, value)| (name, Param::Number(value)))
        .collect()
}

/// Drops the items of `page` outside the range `call` was planned for: a
/// provider whose page grid is coarser than the range (linkup-v1's pages of
/// 10, ConnectSafely's fixed pages) returns more than was asked. A page cut
/// at its end has more after it, whatever the provider said.
pub fn clip_to_call(page: &mut Page, call: &PlannedCall) {
    let first = page.offset;
    let skip = call.offset.saturating_sub(first);
    let keep = call.end().saturating_sub(first.max(call.offset));
    let skip = usize::try_from(skip)
        .unwrap_or(usize::MAX)
        .min(page.items.len());
    page.items.drain(..skip);
    let keep = usize::try_from(keep).unwrap_or(usize::MAX);
    if page.items.len() > keep {
        page.items.truncate(keep);
        page.has_more = true;
    }
    page.offset = first.max(call.offset);
}

impl ToJson for Param {
    fn write_json(&self, out: &mut String) {
        match self {
            Param::Number(number) => number.write_json(out),
            Param::Text(text) => text.as_str().write_json(out),
        }
    }
}

json_object!(PlannedCall, |this| {
    "offset" => this.offset,
    "count" => this.count,
    "credits" => this.credits,
    "upstreamCalls" => this.upstream_calls,
    "params" => Pairs(&this.params),
});

json_object!(Estimate, |this| {
    "credits" => this.credits,
    "requests" => this.requests,
    "upstreamCalls" => this.upstream_calls,
});
