//! Options of the pure functions (`buildRequest`, `planRequests`,
//! `estimateCredits`, `parseResponse`): no client, everything in the call.

use crate::error::Error;
use crate::json::{quoted, type_name, Value};
use crate::plan::PlannedCall;
use crate::providers::Provider;
use crate::query::{ListQuery, Resource, MAX_LIMIT, MAX_OFFSET};

use super::{Fields, AUTH_KEYS};

/// The keys `buildRequest` accepts: a range and everything to authenticate it.
pub fn build_request_keys() -> Vec<&'static str> {
    let mut keys = vec!["provider", "resource", "offset", "limit", "invitationType"];
    keys.extend(AUTH_KEYS);
    keys
}

/// `planRequests` / `estimateCredits`: `{provider, resource, offset, limit, invitationType}`.
pub fn plan_options(json: &str, what: &str) -> Result<(&'static dyn Provider, ListQuery), Error> {
    let fields = Fields::parse(
        json,
        what,
        &["provider", "resource", "offset", "limit", "invitationType"],
    )?;
    let provider = fields.provider()?;
    let query = fields.list_query(provider, fields.resource()?)?;
    Ok((provider, query))
}

/// `parseResponse`'s options (the body travels separately, unparsed).
pub struct ParseOptions {
    pub provider: &'static dyn Provider,
    pub resource: Resource,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// With `offset` and `limit`, items outside that range are dropped.
    pub range: Option<PlannedCall>,
}

pub fn parse_options(json: &str) -> Result<ParseOptions, Error> {
    let fields = Fields::parse(
        json,
        "parseResponse",
        &[
            "provider", "resource", "status", "headers", "offset", "limit",
        ],
    )?;
    let provider = fields.provider()?;
    let resource = fields.resource()?;
    let status = fields.integer("status", 100, 599)?.ok_or_else(|| {
        Error::invalid_input("status", "is required: the HTTP status of the response")
    })?;
    let mut headers = Vec::new();
    if let Some(value) = fields.present("headers") {
        let Value::Object(map) = value else {
            return Err(Error::invalid_input(
                "headers",
                &format!("must be an object or a Headers, got {}", type_name(value)),
            ));
        };
        for (name, value) in map {
            match value {
                Value::String(text) => headers.push((name.to_string(), text.to_string())),
                other => {
                    return Err(Error::invalid_input(
                        &format!("headers[{}]", quoted(name)),
                        &format!("must be a string, got {}", type_name(other)),
                    ))
                }
            }
        }
    }
    let range = match (
        fields.integer("offset", 0, MAX_OFFSET)?,
        fields.integer("limit", 1, MAX_LIMIT)?,
    ) {
        // The provider's own parameters for a call at that range, so the
        // page's reported position is checked against the one asked for.
        (Some(offset), Some(count)) => Some(PlannedCall {
            offset,
            count,
            credits: 0,
            upstream_calls: 0,
            params: provider
                .plan(resource, offset, count)
                .into_iter()
                .next()
                .map(|call| call.params)
                .unwrap_or_default(),
        }),
        (None, None) => None,
        _ => {
            return Err(Error::invalid_input(
                "offset",
                "and limit go together: give both to keep only that range, or neither",
            ))
        }
    };
    Ok(ParseOptions {
        provider,
        resource,
        status: status as u16,
        headers,
        range,
    })
}
