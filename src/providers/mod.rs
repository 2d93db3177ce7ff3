//! The providers: one trait every wire format implements, and the registry
//! that names them. Adding a provider is a new file and one registry line;
//! no other provider and no shared code changes.

mod connectsafely;
mod linkup_v1;
mod linkup_v2;
mod unipile;

use crate::actions::{Action, Cost, Writes};
use crate::error::{Error, ErrorCode};
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{parse_object, Obj, Value};
use crate::model::{Item, Page};
use crate::normalize::time::parse_http_date;
use crate::plan::PlannedCall;
use crate::query::{Credentials, Resource, Target};

pub use connectsafely::ConnectSafely;
pub use linkup_v1::LinkupV1;
pub use linkup_v2::LinkupV2;
pub use unipile::Unipile;

/// One provider's wire format: request shape, envelope, error mapping and
/// page arithmetic — and nothing shared, which lives in `normalize/`.
pub trait Provider: Sync {
    /// The id callers pass as `provider`.
    fn id(&self) -> &'static str;

    /// The production base URL (NOTES.md), used when the caller gives none;
    /// empty where each customer has its own host, so `baseUrl` is required.
    fn default_base_url(&self) -> &'static str;

    /// Rejects credentials this provider cannot work with, naming the field.
    fn check_credentials(&self, credentials: &Credentials) -> Result<(), Error>;

    /// The invitation types `resource` can be filtered by: each the
    /// product's word (SPEC §2's vocabulary) and the word sent for it, or
    /// `None` where the list holds only that type and nothing is sent. Empty
    /// when the list cannot be filtered.
    fn invitation_filters(&self, resource: Resource) -> &'static [InvitationFilter];

    /// The credential and account options this provider takes
    /// (`apiKey`, `accountId`, `loginToken`, `country`); any other is refused
    /// by name, so a `loginToken` given to linkup-v2 is not silently ignored.
    fn credential_fields(&self) -> &'static [&'static str];

    /// The most items one call should ask for, on this provider's grid.
    fn page_size(&self, resource: Resource) -> u64;

    /// The most items the call at `offset` should ask for while the list's
    /// length is still unknown. A provider that bills what is *asked for*
    /// (linkup-v1 bills every page of a range, past the end too) keeps this
    /// to the rest of one page, so a short list costs only what it holds.
    fn first_call_limit(&self, resource: Resource, _offset: u64) -> u64 {
        self.page_size(resource)
    }

    /// Plans `[offset, offset + limit)` into calls that cover it exactly.
    fn plan(&self, resource: Resource, offset: u64, limit: u64) -> Vec<PlannedCall>;

    /// The HTTP request for one planned call.
    fn build_request(&self, target: &Target, call: &PlannedCall) -> Result<HttpRequest, Error>;

    /// Reads a response into a normalized page, or the error it reports.
    /// With `call` (the planned call the response answers), the position the
    /// response reports must be the one asked for: a provider that answered
    /// another part of the list is `BAD_RESPONSE`, never a silently clipped
    /// page. `now_ms` anchors relative times when the response carries no clock.
    fn parse_page(
        &self,
        resource: Resource,
        response: &HttpResponse<'_>,
        call: Option<&PlannedCall>,
        now_ms: Option<i64>,
    ) -> Result<Page, Error>;

    /// Whether any page can be fetched by its offset alone, so pages may be
    /// fetched concurrently once the total is known. A provider with opaque
    /// cursors would say no and be read one page after another.
    fn addressable(&self) -> bool {
        true
    }

    /// Whether an answer says how long the list is (a total). Without one,
    /// a run cannot see items removed before its position, so each read
    /// after the first starts on the last item read to check it is still
    /// there, and the estimate counts that overlap.
    fn reports_total(&self, _resource: Resource) -> bool {
        true
    }

    /// Whether this provider's lists are chained by an opaque cursor: each
    /// page is reached only through the continuation the page before it
    /// gave (`Page::continuation`), from the head of the list. Its `plan`
    /// then reads from the head — `[offset, offset + limit)` costs the calls
    /// for `[0, offset + limit)`, the items before `offset` read and dropped
    /// — and the run follows `plan_next` from page to page, one at a time.
    fn chained(&self) -> bool {
        false
    }

    /// The call for up to `count` items at list position `offset`, reached
    /// through `continuation` (`None`: the head). Offset providers plan it
    /// by position; a chained provider carries the continuation in the
    /// call's params.
    fn plan_next(
        &self,
        resource: Resource,
        offset: u64,
        count: u64,
        _continuation: Option<&str>,
    ) -> Option<PlannedCall> {
        self.plan(resource, offset, count).into_iter().next()
    }

    /// Whether `error`, the answer to a call that carried a continuation,
    /// says the continuation is no longer valid (the list changed since it
    /// was issued), so the run starts the chain again from the head.
    fn continuation_refused(&self, _error: &Error) -> bool {
        false
    }

    /// The actions (SPEC §9) this provider's API offers, their price and
    /// its functions that send and read them; `None`: it offers none.
    fn writes(&self) -> Option<&'static Writes> {
        None
    }
}

/// One `invitationType` a list accepts: the product's word, and the word
/// the provider is sent for it (`None`: the list holds only this type).
pub type InvitationFilter = (&'static str, Option<&'static str>);

/// A provider's actions, read from its [`Writes`] (none without one).
impl dyn Provider + '_ {
    /// The actions its API offers.
    pub fn actions(&self) -> &'static [Action] {
        self.writes().map_or(&[], |writes| writes.actions)
    }

    /// What one successful `action` costs: credits and HTTP requests.
    pub fn action_price(&self, _action: Action) -> Cost {
        self.writes().map_or(
            Cost {
                credits: 0,
                requests: 1,
            },
            |writes| writes.price,
        )
    }

    /// Whether `action` may be sent again after an ambiguous failure
    /// (`Writes::reissuable`); no by default.
    pub fn action_reissuable(&self, action: Action) -> bool {
        self.writes()
            .is_some_and(|writes| writes.reissuable.contains(&action))
    }
}

impl core::fmt::Debug for dyn Provider {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.id())
    }
}

/// Every provider the product speaks, by id.
static REGISTRY: [&dyn Provider; 4] = [&LinkupV2, &LinkupV1, &ConnectSafely, &Unipile];

/// The provider with this id, or `INVALID_INPUT` listing the accepted ids.
pub fn find(id: &str) -> Result<&'static dyn Provider, Error> {
    REGISTRY
        .iter()
        .copied()
        .find(|provider| provider.id() == id)
        .ok_or_else(|| {
            let ids: Vec<&str> = REGISTRY.iter().map(|provider| provider.id()).collect();
            Error::invalid_input(
                "provider",
                &format!("must be one of {}", crate::query::quoted_list(&ids)),
            )
        })
}

pub fn all() -> &'static [&'static dyn Provider] {
    &REGISTRY
}

/// The error for a non-2xx answer, by its status alone (SPEC §5's last row);
/// providers refine it from their envelope. Retryable statuses and
/// `Retry-After` are decided here, once for all providers.
pub fn status_error(
    provider: &'static str,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Error {
    let status = response.status;
    let code = match status {
        300..=399 => ErrorCode::RedirectRefused,
        401 | 403 => ErrorCode::Auth,
        402 => ErrorCode::InsufficientCredits,
        404 => ErrorCode::NotFound,
        429 => ErrorCode::RateLimited,
        _ => ErrorCode::ProviderError,
    };
    let retryable = matches!(status, 408 | 429 | 500 | 502 | 503 | 504);
    let retry_after = if retryable {
        retry_after_ms(response, now_ms)
    } else {
        None
    };
    let message = if code == ErrorCode::RedirectRefused {
        format!("{provider} answered HTTP {status} (a redirect); redirects are refused so credentials never reach another origin")
    } else {
        format!("{provider} answered HTTP {status}")
    };
    Error::new(code, message)
        .with_provider(provider)
        .with_status(status)
        .with_retry(retryable, retry_after)
}

/// `Retry-After` in milliseconds: delay-seconds, or an HTTP date measured
/// against the response's own `Date` (the server's clock) else `now_ms`.
pub fn retry_after_ms(response: &HttpResponse<'_>, now_ms: Option<i64>) -> Option<u64> {
    let value = response.header("retry-after")?.trim();
    // delay-seconds is 1*DIGIT (RFC 9110 §10.2.3): no fractions, no signs.
    if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        let seconds = crate::json::parse_u64(value).unwrap_or(u64::MAX);
        return Some(seconds.saturating_mul(1000));
    }
    let at = parse_http_date(value)?;
    let now = response
        .header("date")
        .and_then(parse_http_date)
        .or(now_ms)?;
    Some(u64::try_from(at.saturating_sub(now)).unwrap_or(0))
}

/// The response body as a JSON document; a non-2xx body that is not JSON
/// (a gateway's HTML page) is the error its status says.
pub fn read_document<'t>(
    provider: &'static str,
    response: &HttpResponse<'t>,
    now_ms: Option<i64>,
) -> Result<Value<'t>, Error> {
    parse_object(provider, response.body).map_err(|error| {
        if response.is_success() {
            error
        } else {
            status_error(provider, response, now_ms)
        }
    })
}

/// The items of an envelope's list field `key`, each normalized by `read`.
pub fn read_list(
    container: &Obj<'_, '_>,
    key: &'static str,
    mut read: impl FnMut(&Obj<'_, '_>) -> Result<Item, Error>,
) -> Result<Vec<Item>, Error> {
    let entries = container.list(key)?;
    let mut items = Vec::with_capacity(entries.len());
    for entry in &entries {
        items.push(read(entry)?);
    }
    Ok(items)
}

/// A list position the response reports in `key` of `container`: required,
/// and, when the request asked for `expected`, equal to it. A position that
/// is missing or not the one asked for would otherwise be read as 0 and the
/// page clipped away, ending a run early with `complete: true`.
pub fn reported_position(
    container: &Obj<'_, '_>,
    key: &'static str,
    expected: Option<u64>,
) -> Result<u64, Error> {
    let position = container.count(key)?.ok_or_else(|| {
        container.wrong(
            key,
            "is missing: the page's position in the list is unknown",
        )
    })?;
    match expected {
        Some(asked) if asked != position => Err(container.wrong(
            key,
            &format!("is {position}, but the request asked for {asked}: the answer is another part of the list"),
        )),
        _ => Ok(position),
    }
}
