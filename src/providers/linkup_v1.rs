//! LinkupAPI v1 (`POST /v1/network/<endpoint>`): the vendor's older,
//! deprecated version, still in use. Pages of 10 (`start_page`..`end_page`,
//! 1-based), 1 credit a page; errors as `{status: "error", message}`, often
//! with HTTP 200, so the envelope — not the status — decides.

mod actions;

use crate::actions::Writes;
use crate::error::{derived, Error, ErrorCode};
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{quoted, Obj, ObjectWriter};
use crate::model::{Connection, Direction, Invitation, Item, Page};
use crate::normalize::ids::invitation_id;
use crate::normalize::invitation_type::category;
use crate::normalize::names::first_present;
use crate::normalize::person::{person, PersonSource};
use crate::normalize::relative_time::{anchor, resolve, Anchor};
use crate::plan::{ceil_div, params, PlannedCall};
use crate::providers::{
    read_document, read_list, reported_position, status_error, InvitationFilter, Provider,
};
use crate::query::{
    check_token_text, quoted_list, wire_invitation_type, Credentials, Resource, Target,
};

pub struct LinkupV1;

const ID: &str = "linkup-v1";
const RESULTS_PER_PAGE: u64 = 10;
/// Pages per call: 100 items, like the other providers' largest calls.
const PAGES_PER_CALL: u64 = 10;
/// The proxy countries the API documents (default FR when none is sent).
/// `invitation_type` (default CONNECTION), in the product's words and v1's.
const FILTERS: [InvitationFilter; 3] = [
    ("CONNECTION", Some("CONNECTION")),
    ("ORGANIZATION", Some("ORGANIZATION")),
    ("NEWSLETTER", Some("CONTENT_SERIES")),
];
const COUNTRIES: [&str; 11] = [
    "US", "UK", "FR", "DE", "NL", "IT", "IL", "CA", "BR", "ES", "IN",
];

fn endpoint(resource: Resource) -> &'static str {
    match resource {
        Resource::SentInvitations => "sent-invitations",
        Resource::ReceivedInvitations => "invitations",
        Resource::Connections => "connections",
    }
}

impl Provider for LinkupV1 {
    fn id(&self) -> &'static str {
        ID
    }

    fn default_base_url(&self) -> &'static str {
        "https://api.linkupapi.com"
    }

    fn check_credentials(&self, credentials: &Credentials) -> Result<(), Error> {
        Credentials::require(&credentials.api_key, "apiKey", ID)?;
        Credentials::require(&credentials.login_token, "loginToken", ID)?;
        if let Some(country) = &credentials.country {
            check_token_text(country, "country")?;
            if !COUNTRIES.contains(&country.to_ascii_uppercase().as_str()) {
                return Err(Error::invalid_input(
                    "country",
                    &format!("must be one of {} for {ID}", quoted_list(&COUNTRIES)),
                ));
            }
        }
        Ok(())
    }

    fn invitation_filters(&self, resource: Resource) -> &'static [InvitationFilter] {
        if resource.is_invitations() {
            &FILTERS
        } else {
            &[]
        }
    }

    fn credential_fields(&self) -> &'static [&'static str] {
        &["apiKey", "loginToken", "country"]
    }

    fn page_size(&self, _resource: Resource) -> u64 {
        RESULTS_PER_PAGE * PAGES_PER_CALL
    }

    /// Up to the end of `offset`'s page: one credit, and the total arrives
    /// with it; later calls start on the page grid, so no page is paid twice.
    fn first_call_limit(&self, _resource: Resource, offset: u64) -> u64 {
        RESULTS_PER_PAGE - offset % RESULTS_PER_PAGE
    }

    /// Pages of 10 covering the range, grouped 10 pages a call; each call
    /// covers only the part of its pages inside the range (the rest of a
    /// partly covered page is fetched, paid for, and dropped).
    fn plan(&self, _resource: Resource, offset: u64, limit: u64) -> Vec<PlannedCall> {
        // Saturating throughout: no offset, however large, can wrap into a
        // small page number (callers refuse offsets past MAX_OFFSET anyway).
        let end = offset.saturating_add(limit);
        let Some(last_item) = end.checked_sub(1).filter(|_| limit > 0) else {
            return Vec::new();
        };
        let first_page = offset / RESULTS_PER_PAGE;
        let last_page = last_item / RESULTS_PER_PAGE;
        let mut calls = Vec::new();
        let mut page = first_page;
        while page <= last_page {
            let until = last_page.min(page.saturating_add(PAGES_PER_CALL - 1));
            let pages = until - page + 1;
            let start = offset.max(page.saturating_mul(RESULTS_PER_PAGE));
            let stop = end.min(until.saturating_add(1).saturating_mul(RESULTS_PER_PAGE));
            calls.push(PlannedCall {
                offset: start,
                count: stop - start,
                credits: pages,
                upstream_calls: pages,
                params: params([
                    ("start_page", page.saturating_add(1)),
                    ("end_page", until.saturating_add(1)),
                ]),
            });
            match until.checked_add(1) {
                Some(next) => page = next,
                None => break,
            }
        }
        calls
    }

    fn build_request(&self, target: &Target, call: &PlannedCall) -> Result<HttpRequest, Error> {
        let credentials = &target.credentials;
        let api_key = Credentials::require(&credentials.api_key, "apiKey", ID)?;
        let login_token = Credentials::require(&credentials.login_token, "loginToken", ID)?;
        let start_page = call
            .param("start_page")
            .unwrap_or((call.offset / RESULTS_PER_PAGE).saturating_add(1));
        let end_page = call.param("end_page").unwrap_or(start_page);
        let mut body = String::with_capacity(128);
        let mut fields = ObjectWriter::new(&mut body);
        fields
            .field("start_page", &start_page)
            .field("end_page", &end_page);
        let kind = target.invitation_type.as_deref();
        if let Some(wire) = wire_invitation_type(self, target.resource, kind) {
            fields.field("invitation_type", wire);
        }
        if let Some(country) = &credentials.country {
            fields.field("country", &country.to_ascii_uppercase());
        }
        fields.field("login_token", login_token);
        fields.end();
        let url = format!(
            "{}/v1/network/{}",
            target.base_url,
            endpoint(target.resource)
        );
        Ok(HttpRequest::json_post(
            url,
            vec![("x-api-key", api_key.to_string())],
            body,
        ))
    }

    fn writes(&self) -> Option<&'static Writes> {
        Some(&actions::WRITES)
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
        match root.text("status")? {
            Some("success") if response.is_success() => {}
            Some("error") => return Err(envelope_error(&root, response, now_ms)?),
            _ if !response.is_success() => return Err(status_error(ID, response, now_ms)),
            Some(other) => {
                return Err(root.wrong(
                    "status",
                    &format!("should be \"success\" or \"error\", got {}", quoted(other)),
                ))
            }
            None => return Err(root.wrong("status", "is missing")),
        }
        let mut warnings = Vec::new();
        let clock = anchor(None, response.header("date"), now_ms, &mut warnings);
        let data = root.required_object("data")?;
        let key = if resource.is_invitations() {
            "invitations"
        } else {
            "connections"
        };
        let items = read_list(&data, key, |entry| {
            Ok(match resource {
                Resource::Connections => Item::Connection(connection(entry, &mut warnings)?),
                _ => Item::Invitation(invitation(entry, resource, clock.as_ref(), &mut warnings)?),
            })
        })?;
        let total = data.count("total_available_results")?;
        // Page mode (what the client sends) echoes its pages in `pagination`;
        // total-results mode has no pagination block and starts at the top.
        let asked = call.and_then(|call| call.param("start_page"));
        let pagination = match asked {
            Some(_) => Some(data.required_object("pagination")?),
            None => data.object("pagination")?,
        };
        let (start_page, end_page, per_page, pages_fetched) = match &pagination {
            Some(p) => (
                Some(reported_position(p, "start_page", asked)?),
                p.count("end_page")?,
                p.count("results_per_page")?,
                p.count("pages_fetched")?,
            ),
            None => (None, None, None, None),
        };
        let per_page = per_page
            .filter(|size| *size > 0)
            .unwrap_or(RESULTS_PER_PAGE);
        let returned = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let offset = match start_page {
            Some(page) => page
                .checked_sub(1)
                .and_then(|page| page.checked_mul(per_page))
                .ok_or_else(|| {
                    data.wrong(
                        "pagination",
                        "holds a start_page that is no list position (0, or too large)",
                    )
                })?,
            None => 0,
        };
        let end_page = end_page.or(start_page);
        let has_more = match (end_page, total) {
            (Some(end_page), Some(total)) => end_page.saturating_mul(per_page) < total,
            (None, Some(total)) => offset.saturating_add(returned) < total,
            _ => false,
        };
        let credits_used = pages_fetched
            .or_else(|| Some(end_page?.checked_sub(start_page?)? + 1))
            .unwrap_or_else(|| ceil_div(returned, RESULTS_PER_PAGE));
        Ok(Page {
            items,
            offset,
            total,
            has_more,
            credits_used,
            warnings,
            continuation: None,
        })
    }
}

/// `{status: "error", message}`: the message is all there is, so it decides
/// the code (SPEC §5); the HTTP status (often 200) is kept as sent.
fn envelope_error(
    root: &Obj<'_, '_>,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<Error, Error> {
    let message = root
        .text("message")?
        .or(root.text("error")?)
        .unwrap_or("no message");
    let lower = message.to_ascii_lowercase();
    let mentions = |words: &[&str]| words.iter().any(|word| crate::text::contains(&lower, word));
    // linkup-v1 sends words, no code: the stable code is read from them.
    let (code, retryable, provider_code) = if mentions(&["rate limit", "too many requests"]) {
        (ErrorCode::RateLimited, true, derived::RATE_LIMIT)
    } else if mentions(&["insufficient credit", "not enough credit"]) {
        (ErrorCode::InsufficientCredits, false, derived::NO_CREDITS)
    } else if mentions(&["cookie", "login_token", "login token"]) {
        (ErrorCode::Auth, false, derived::INVALID_COOKIE)
    } else if mentions(&["api key", "api_key"]) {
        (ErrorCode::Auth, false, derived::INVALID_API_KEY)
    } else if response.is_success() {
        (ErrorCode::ProviderError, false, derived::UNKNOWN)
    } else {
        let by_status = status_error(ID, response, now_ms);
        (
            by_status.code,
            by_status.retryable,
            derived::for_status(response.status),
        )
    };
    let retry_after = if retryable {
        crate::providers::retry_after_ms(response, now_ms)
    } else {
        None
    };
    Ok(Error::new(
        code,
        format!(
            "{ID} answered HTTP {} with an error: {}",
            response.status,
            crate::error::shorten(message)
        ),
    )
    .with_provider(ID)
    .with_status(response.status)
    .with_provider_code(provider_code)
    .with_provider_message(message)
    .with_retry(retryable, retry_after))
}

fn invitation(
    entry: &Obj<'_, '_>,
    resource: Resource,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Invitation, Error> {
    let (id, urn) = invitation_id(entry, &["invitation_id"], "entity_urn", warnings)?;
    let direction = match resource {
        Resource::ReceivedInvitations => Direction::Received,
        _ => Direction::Sent,
    };
    Ok(Invitation {
        id,
        urn,
        direction,
        kind: category(entry.text("invitation_type")?.unwrap_or("CONNECTION")),
        provider_type: entry.text("invitation_type")?.map(str::to_string),
        state: entry.text("invitation_state")?.map(str::to_string),
        message: entry.text("message")?.map(str::to_string),
        sent_at: resolve(
            entry.text("sent_time")?,
            None,
            clock,
            &|| entry.path_of("sent_time"),
            warnings,
        ),
        person: person_of(entry, warnings)?,
        accept_token: entry.text("shared_secret")?.map(str::to_string),
        provider: ID,
    })
}

fn connection(entry: &Obj<'_, '_>, warnings: &mut Vec<String>) -> Result<Connection, Error> {
    Ok(Connection {
        person: person_of(entry, warnings)?,
        connected_at: None,
        provider: ID,
    })
}

/// v1 puts the person's fields on the item itself, for every resource.
fn person_of(
    entry: &Obj<'_, '_>,
    warnings: &mut Vec<String>,
) -> Result<crate::model::Person, Error> {
    Ok(person(
        PersonSource {
            full_name: entry.text("name")?,
            headline: first_present(&[
                entry.text("subtitle")?,
                entry.text("job_title")?,
                entry.text("headline")?,
            ]),
            profile_url: entry.text("profile_url")?,
            picture_url: entry.text("profile_picture")?,
            ..PersonSource::default()
        },
        &|| entry.path_of("profile_url"),
        warnings,
    ))
}
