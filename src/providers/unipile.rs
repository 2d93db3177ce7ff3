//! Unipile API v1 (`GET <dsn>/api/v1/users/invite/sent|invite/received`,
//! `/users/relations`): a per-customer host (no default: `baseUrl` is
//! required), `X-API-KEY`, `account_id` on every call. Billed per connected
//! account, so every call costs 0 credits. Lists are chained by an opaque
//! `cursor` (`null` on the last page), with no total and no offset: a range
//! is read from the head. Errors are RFC 7807 bodies whose `type`
//! (`errors/invalid_credentials`) is the `providerCode`; a cursor reused
//! after its list changed is `400 errors/invalid_parameters`.

mod actions;
mod items;

use crate::actions::Writes;
use crate::error::{derived, Error, ErrorCode};
use crate::http::{push_query, HttpRequest, HttpResponse, Method};
use crate::json::Obj;
use crate::model::{Item, Page};
use crate::normalize::relative_time::anchor;
use crate::plan::{params, split_range, Param, PlannedCall};
use crate::providers::{read_document, read_list, status_error, InvitationFilter, Provider};
use crate::query::{Credentials, Resource, Target};
use items::{connection, invitation};

pub struct Unipile;

const ID: &str = "unipile";
/// SPEC §3: pages of 100 (the invitation lists' largest `limit`).
const PAGE_SIZE: u64 = 100;
/// The error `type` of a refused parameter, an expired cursor among them.
const INVALID_PARAMETERS: &str = "errors/invalid_parameters";

fn path(resource: Resource) -> &'static str {
    match resource {
        Resource::SentInvitations => "/api/v1/users/invite/sent",
        Resource::ReceivedInvitations => "/api/v1/users/invite/received",
        Resource::Connections => "/api/v1/users/relations",
    }
}

fn call(offset: u64, count: u64, continuation: Option<&str>) -> PlannedCall {
    let mut params = params([("limit", count)]);
    if let Some(continuation) = continuation {
        params.push(("cursor", Param::Text(continuation.to_string())));
    }
    PlannedCall {
        offset,
        count,
        credits: 0,
        upstream_calls: 1,
        params,
    }
}

impl Provider for Unipile {
    fn id(&self) -> &'static str {
        ID
    }

    /// None: each customer has its own host (a "DSN").
    fn default_base_url(&self) -> &'static str {
        ""
    }

    fn check_credentials(&self, credentials: &Credentials) -> Result<(), Error> {
        Credentials::require(&credentials.api_key, "apiKey", ID)?;
        Credentials::require(&credentials.account_id, "accountId", ID)?;
        Ok(())
    }

    /// No filter parameter: both invitation lists hold connection
    /// invitations only, so `CONNECTION` is accepted and nothing is sent.
    fn invitation_filters(&self, resource: Resource) -> &'static [InvitationFilter] {
        if resource.is_invitations() {
            &[("CONNECTION", None)]
        } else {
            &[]
        }
    }

    fn credential_fields(&self) -> &'static [&'static str] {
        &["apiKey", "accountId"]
    }

    fn page_size(&self, _resource: Resource) -> u64 {
        PAGE_SIZE
    }

    /// From the head: `[offset, offset + limit)` reads `[0, offset + limit)`
    /// in pages of 100 and drops the items before `offset`.
    fn plan(&self, _resource: Resource, offset: u64, limit: u64) -> Vec<PlannedCall> {
        split_range(0, offset.saturating_add(limit), PAGE_SIZE)
            .into_iter()
            .map(|(offset, count)| call(offset, count, None))
            .collect()
    }

    fn addressable(&self) -> bool {
        false
    }

    fn reports_total(&self, _resource: Resource) -> bool {
        false
    }

    fn chained(&self) -> bool {
        true
    }

    fn plan_next(
        &self,
        _resource: Resource,
        offset: u64,
        count: u64,
        continuation: Option<&str>,
    ) -> Option<PlannedCall> {
        Some(call(offset, count.min(PAGE_SIZE), continuation))
    }

    fn continuation_refused(&self, error: &Error) -> bool {
        error.status == Some(400) && error.provider_code.as_deref() == Some(INVALID_PARAMETERS)
    }

    fn writes(&self) -> Option<&'static Writes> {
        Some(&actions::WRITES)
    }

    fn build_request(&self, target: &Target, call: &PlannedCall) -> Result<HttpRequest, Error> {
        let api_key = Credentials::require(&target.credentials.api_key, "apiKey", ID)?;
        let account_id = Credentials::require(&target.credentials.account_id, "accountId", ID)?;
        if target.base_url.is_empty() {
            return Err(Error::invalid_input("baseUrl", "is required for unipile"));
        }
        let mut url = format!("{}{}", target.base_url, path(target.resource));
        push_query(&mut url, "account_id", account_id);
        let limit = call.param("limit").unwrap_or(call.count);
        push_query(&mut url, "limit", &limit.to_string());
        if let Some(continuation) = call.text_param("cursor") {
            push_query(&mut url, "cursor", continuation);
        }
        Ok(HttpRequest {
            method: Method::Get,
            url,
            headers: vec![
                ("accept", "application/json".to_string()),
                ("x-api-key", api_key.to_string()),
            ],
            body: None,
        })
    }

    fn parse_page(
        &self,
        resource: Resource,
        response: &HttpResponse<'_>,
        call: Option<&PlannedCall>,
        now_ms: Option<i64>,
    ) -> Result<Page, Error> {
        let document = read_document(ID, response, now_ms)?;
        let root = Obj::root(ID, &document)?;
        if !response.is_success() {
            return Err(problem_error(&root, response, call, now_ms));
        }
        root.text("object")?;
        let mut warnings = Vec::new();
        let clock = anchor(None, response.header("date"), now_ms, &mut warnings);
        let items = read_list(&root, "items", |entry| {
            Ok(match resource {
                Resource::Connections => {
                    Item::Connection(connection(entry, clock.as_ref(), &mut warnings)?)
                }
                _ => Item::Invitation(invitation(entry, resource, clock.as_ref(), &mut warnings)?),
            })
        })?;
        // `null` ends the chain; a body without the field says nothing, and
        // reading it as the end would stop a run early and silently.
        if !root.has("cursor") {
            return Err(root.wrong("cursor", "is missing: whether more items follow is unknown"));
        }
        let continuation = root.text("cursor")?.map(str::to_string);
        // A call without a continuation reads the head; one with a
        // continuation reads from the position it was planned at.
        let offset = call
            .filter(|call| call.continues_chain())
            .map_or(0, |call| call.offset);
        Ok(Page {
            items,
            offset,
            total: None,
            has_more: continuation.is_some(),
            credits_used: 0,
            warnings,
            continuation,
        })
    }
}

/// An RFC 7807 body `{status, type, title, detail}`: the status decides the
/// code (403 is a restriction of the account, not a bad key), `type` is the
/// `providerCode`, `detail` the provider's words.
fn problem_error(
    root: &Obj<'_, '_>,
    response: &HttpResponse<'_>,
    call: Option<&PlannedCall>,
    now_ms: Option<i64>,
) -> Error {
    let text = |key| root.text(key).ok().flatten();
    let kind = text("type");
    let words = text("detail").or(text("title"));
    let mut error = status_error(ID, response, now_ms);
    if matches!(response.status, 403 | 422) {
        error.code = ErrorCode::ProviderError;
    }
    let expired =
        kind == Some(INVALID_PARAMETERS) && call.is_some_and(PlannedCall::continues_chain);
    error.message = format!(
        "{ID} answered HTTP {} {}: {}{}",
        response.status,
        kind.unwrap_or("without an error type"),
        crate::error::shorten(words.unwrap_or("no detail")),
        if expired {
            " (the request carried a cursor: it is no longer valid once the list changed)"
        } else {
            ""
        }
    );
    if let Some(words) = words {
        error = error.with_provider_message(words);
    }
    error.with_provider_code(kind.unwrap_or(derived::for_status(response.status)))
}
