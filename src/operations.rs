//! The four pure operations — plan, estimate, build, parse — one function
//! each, shared by Rust callers, the client and the wasm exports, so the
//! rules they apply (validation, clipping, status on errors) live once.

use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::model::Page;
use crate::plan::{clip_to_call, estimate, Estimate, PlannedCall};
use crate::providers::Provider;
use crate::query::{ListQuery, Resource, Target};

/// The calls that cover `query`'s range exactly, each with its price.
pub fn plan_requests(provider: &dyn Provider, query: &ListQuery) -> Vec<PlannedCall> {
    provider.plan(query.resource, query.offset, query.limit)
}

/// What `query` costs: credits, HTTP requests, upstream calls — what a run
/// of the range sends when nothing fails, overlapping reads included.
pub fn estimate_credits(provider: &dyn Provider, query: &ListQuery) -> Estimate {
    estimate(&run_calls(provider, query))
}

/// The calls a run of `query`'s range sends when nothing fails, as
/// `client::run` reads it: the first call no larger than
/// `Provider::first_call_limit` (the list's length is not known yet), the
/// rest on the provider's page grid; on a list without a total (and not
/// chained) each read after the first starts one item early, on the last
/// item read, to notice items removed before it. A chained list is its
/// plan. This may be more calls than `plan_requests`, never more credits.
pub fn run_calls(provider: &dyn Provider, query: &ListQuery) -> Vec<PlannedCall> {
    let resource = query.resource;
    if provider.chained() {
        return plan_requests(provider, query);
    }
    let size = provider.page_size(resource).max(1);
    let overlapping = !provider.reports_total(resource);
    let end = query.offset.saturating_add(query.limit);
    let mut calls: Vec<PlannedCall> = Vec::new();
    let mut next = query.offset;
    while next < end {
        let first = calls.is_empty();
        let overlap = u64::from(overlapping && !first);
        // The first call is no larger than the provider reads a list of
        // unknown length with (linkup-v1: the rest of one page).
        let step = if first {
            provider.first_call_limit(resource, next).clamp(1, size)
        } else {
            size
        };
        let remaining = (end - next).min(step);
        let from = next.saturating_sub(overlap);
        let count = remaining.saturating_add(overlap).min(size);
        let Some(call) = provider.plan(resource, from, count).into_iter().next() else {
            break;
        };
        if call.end() <= next {
            break;
        }
        next = call.end();
        calls.push(call);
    }
    calls
}

/// The one HTTP request for `query`'s range. A range the provider cannot
/// serve in one call is refused rather than silently shortened: plan it
/// with [`plan_requests`] and build each call.
pub fn build_request(
    provider: &dyn Provider,
    target: &Target,
    query: &ListQuery,
) -> Result<HttpRequest, Error> {
    provider.check_credentials(&target.credentials)?;
    let calls = plan_requests(provider, query);
    match calls.as_slice() {
        [call] => provider.build_request(target, call),
        _ => Err(Error::invalid_input(
            "limit",
            &format!(
                "of {} needs {} requests with {} (at most {} items a call); use planRequests and build one request per planned call",
                query.limit,
                calls.len(),
                provider.id(),
                provider.page_size(query.resource)
            ),
        )),
    }
}

/// Reads one response. With `range` (the call the response answers), the
/// position the response reports must be the one asked for, and items
/// outside the range are dropped (linkup-v1 and ConnectSafely return whole
/// pages). Every error carries the provider and the HTTP status.
pub fn parse_response(
    provider: &dyn Provider,
    resource: Resource,
    response: &HttpResponse<'_>,
    range: Option<&PlannedCall>,
    now_ms: Option<i64>,
) -> Result<Page, Error> {
    let mut page = provider
        .parse_page(resource, response, range, now_ms)
        .map_err(|mut error| {
            error.provider = Some(provider.id());
            error.status = error.status.or(Some(response.status));
            error
        })?;
    if let Some(call) = range {
        clip_to_call(&mut page, call);
    }
    Ok(page)
}
