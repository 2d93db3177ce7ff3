//! The pure functions of the JavaScript API — `buildRequest`,
//! `parseResponse`, `planRequests`, `estimateCredits` — as JSON in, JSON out,
//! so the wasm bindings hold no logic and these run natively under test.

use crate::error::Error;
use crate::http::HttpResponse;
use crate::json::{to_json_string, to_json_string_sized};
use crate::operations::{build_request, estimate_credits, parse_response, plan_requests};
use crate::options::{build_request_keys, parse_options, plan_options, Fields};
use crate::query::{base_url, Target};

pub fn build_request_json(options: &str) -> Result<String, Error> {
    let fields = Fields::parse(options, "buildRequest", &build_request_keys())?;
    let provider = fields.provider()?;
    let resource = fields.resource()?;
    let query = fields.list_query(provider, resource)?;
    let target = Target {
        base_url: base_url(fields.text("baseUrl")?, provider.default_base_url())
            .map_err(|error| error.with_provider(provider.id()))?,
        credentials: fields.credentials(provider)?,
        resource,
        invitation_type: query.invitation_type.clone(),
    };
    Ok(to_json_string(&build_request(provider, &target, &query)?))
}

/// `now_ms` anchors relative times when the response carries no clock.
pub fn parse_response_json(
    options: &str,
    body: &str,
    now_ms: Option<i64>,
) -> Result<String, Error> {
    let options = parse_options(options)?;
    let response = HttpResponse {
        status: options.status,
        headers: &options.headers,
        body,
    };
    let page = parse_response(
        options.provider,
        options.resource,
        &response,
        options.range.as_ref(),
        now_ms,
    )?;
    Ok(to_json_string_sized(&page, body.len() * 2))
}

pub fn plan_requests_json(options: &str) -> Result<String, Error> {
    let (provider, query) = plan_options(options, "planRequests")?;
    Ok(to_json_string(&plan_requests(provider, &query)))
}

pub fn estimate_credits_json(options: &str) -> Result<String, Error> {
    let (provider, query) = plan_options(options, "estimateCredits")?;
    Ok(to_json_string(&estimate_credits(provider, &query)))
}
