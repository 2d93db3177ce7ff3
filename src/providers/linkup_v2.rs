//! LinkupAPI v2 (`POST /v2/network`, `{account_id, action, params}`): the
//! current LinkupAPI. Offset/count pagination; 1 credit per 50 results
//! returned, rounded up, per call; errors in a `{success: false, error}`
//! envelope with a documented code and HTTP status.

mod actions;

use crate::actions::Writes;
use crate::error::{Error, ErrorCode};
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{Obj, ObjectWriter};
use crate::model::{Connection, Direction, Invitation, Item, Page};
use crate::normalize::ids::invitation_id;
use crate::normalize::invitation_type::category;
use crate::normalize::names::first_present;
use crate::normalize::person::{person, PersonSource};
use crate::normalize::relative_time::{anchor, resolve, Anchor};
use crate::plan::{ceil_div, params, split_range, PlannedCall};
use crate::providers::{
    read_document, read_list, reported_position, status_error, InvitationFilter, Provider,
};
use crate::query::{wire_invitation_type, Credentials, Resource, Target};

pub struct LinkupV2;

const ID: &str = "linkup-v2";
/// A multiple of 50 (so only the last call of a plan pays for a partial 50)
/// and LinkedIn's own page of 100 (so each call is one upstream request).
const PAGE_SIZE: u64 = 100;
const RESULTS_PER_CREDIT: u64 = 50;
const UPSTREAM_PAGE: u64 = 100;
/// `invitation_type` values, in the product's words and LinkupAPI's.
const LINKUP_FILTERS: [InvitationFilter; 3] = [
    ("CONNECTION", Some("CONNECTION")),
    ("ORGANIZATION", Some("ORGANIZATION")),
    ("NEWSLETTER", Some("CONTENT_SERIES")),
];

fn action(resource: Resource) -> &'static str {
    match resource {
        Resource::SentInvitations => "list_sent",
        Resource::ReceivedInvitations => "list_invitations",
        Resource::Connections => "list_connections",
    }
}

impl Provider for LinkupV2 {
    fn id(&self) -> &'static str {
        ID
    }

    fn default_base_url(&self) -> &'static str {
        "https://api.linkupapi.com"
    }

    fn check_credentials(&self, credentials: &Credentials) -> Result<(), Error> {
        Credentials::require(&credentials.api_key, "apiKey", ID)?;
        Credentials::require(&credentials.account_id, "accountId", ID)?;
        Ok(())
    }

    fn invitation_filters(&self, resource: Resource) -> &'static [InvitationFilter] {
        if resource.is_invitations() {
            &LINKUP_FILTERS
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

    fn plan(&self, _resource: Resource, offset: u64, limit: u64) -> Vec<PlannedCall> {
        split_range(offset, limit, PAGE_SIZE)
            .into_iter()
            .map(|(offset, count)| PlannedCall {
                offset,
                count,
                credits: ceil_div(count, RESULTS_PER_CREDIT),
                upstream_calls: ceil_div(count, UPSTREAM_PAGE),
                params: params([("offset", offset), ("count", count)]),
            })
            .collect()
    }

    fn build_request(&self, target: &Target, call: &PlannedCall) -> Result<HttpRequest, Error> {
        let api_key = Credentials::require(&target.credentials.api_key, "apiKey", ID)?;
        let account_id = Credentials::require(&target.credentials.account_id, "accountId", ID)?;
        let mut body = String::with_capacity(128);
        let mut envelope = ObjectWriter::new(&mut body);
        envelope
            .field("account_id", account_id)
            .field("action", action(target.resource))
            .object("params", |params| {
                params
                    .field("count", &call.param("count").unwrap_or(call.count))
                    .field("offset", &call.param("offset").unwrap_or(call.offset));
                let kind = target.invitation_type.as_deref();
                if let Some(wire) = wire_invitation_type(self, target.resource, kind) {
                    params.field("invitation_type", wire);
                }
            });
        envelope.end();
        Ok(HttpRequest::json_post(
            format!("{}/v2/network", target.base_url),
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
        if root.flag("success")? != Some(true) || !response.is_success() {
            return Err(envelope_error(&root, response, now_ms));
        }
        let mut warnings = Vec::new();
        let metadata = root.object("metadata")?;
        let timestamp = match &metadata {
            Some(metadata) => metadata.text("timestamp")?,
            None => None,
        };
        let clock = anchor(timestamp, response.header("date"), now_ms, &mut warnings);
        let data = root.required_object("data")?;
        let list_type = data.text("invitation_type")?;
        let key = if resource.is_invitations() {
            "invitations"
        } else {
            "connections"
        };
        let items = read_list(&data, key, |entry| {
            Ok(match resource {
                Resource::Connections => Item::Connection(connection(entry, &mut warnings)?),
                _ => Item::Invitation(invitation(
                    entry,
                    resource,
                    list_type,
                    clock.as_ref(),
                    &mut warnings,
                )?),
            })
        })?;
        let total = data.count("total_available_results")?;
        let pagination = data.required_object("pagination")?;
        let asked = call.map(|call| call.param("offset").unwrap_or(call.offset));
        let offset = reported_position(&pagination, "offset", asked)?;
        let returned = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let has_more = pagination
            .flag("has_more")?
            .unwrap_or_else(|| total.is_some_and(|total| offset.saturating_add(returned) < total));
        let credits_used = match &metadata {
            Some(metadata) => metadata.count("credits_consumed")?,
            None => None,
        }
        .unwrap_or_else(|| ceil_div(returned, RESULTS_PER_CREDIT));
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

/// The error an `{success: false, error: {code, message}}` envelope reports,
/// by its documented code, else by the HTTP status.
fn envelope_error(root: &Obj<'_, '_>, response: &HttpResponse<'_>, now_ms: Option<i64>) -> Error {
    let error = root.object("error").ok().flatten();
    let code = error
        .as_ref()
        .and_then(|error| error.text("code").ok().flatten());
    let message = error
        .as_ref()
        .and_then(|error| error.text("message").ok().flatten());
    if code.is_none() && message.is_none() && response.is_success() {
        return Error::bad_response(ID, "success", "is not true, and there is no error envelope")
            .with_status(response.status);
    }
    let mut mapped = status_error(ID, response, now_ms);
    mapped.code = match code {
        Some("INVALID_API_KEY" | "ACCOUNT_INACTIVE") => ErrorCode::Auth,
        Some("INVALID_ACCOUNT") => ErrorCode::NotFound,
        Some("RATE_LIMITED") => ErrorCode::RateLimited,
        Some("INSUFFICIENT_CREDITS") => ErrorCode::InsufficientCredits,
        Some("INVALID_ACTION" | "INVALID_PARAMS" | "INTERNAL_ERROR") => ErrorCode::ProviderError,
        // Else the status's code (a 2xx status: PROVIDER_ERROR).
        _ => mapped.code,
    };
    if code == Some("RATE_LIMITED") {
        mapped.retryable = true;
    }
    mapped.message = format!(
        "{ID} answered HTTP {} {}: {}",
        response.status,
        code.unwrap_or("without an error code"),
        crate::error::shorten(message.unwrap_or("no message"))
    );
    if let Some(message) = message {
        mapped = mapped.with_provider_message(message);
    }
    match code {
        Some(code) => mapped.with_provider_code(code),
        None => mapped,
    }
}

fn invitation(
    entry: &Obj<'_, '_>,
    resource: Resource,
    list_type: Option<&str>,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Invitation, Error> {
    let (id, urn) = invitation_id(entry, &["invitation_id", "id"], "entity_urn", warnings)?;
    let (direction, side) = match resource {
        Resource::ReceivedInvitations => (Direction::Received, "sender"),
        _ => (Direction::Sent, "recipient"),
    };
    let someone = entry.object(side)?;
    let person = match &someone {
        Some(someone) => person(
            PersonSource {
                first_name: someone.text("first_name")?,
                last_name: someone.text("last_name")?,
                full_name: someone.text("name")?,
                headline: someone.text("headline")?,
                profile_url: someone.text("linkedin_url")?,
                picture_url: first_present(&[
                    someone.text("profile_picture")?,
                    someone.text("profile_picture_url")?,
                ]),
                ..PersonSource::default()
            },
            &|| someone.path_of("linkedin_url"),
            warnings,
        ),
        None => Default::default(),
    };
    Ok(Invitation {
        id,
        urn,
        direction,
        kind: category(
            entry
                .text("invitation_type")?
                .or(list_type)
                .unwrap_or("CONNECTION"),
        ),
        provider_type: entry
            .text("invitation_type")?
            .or(list_type)
            .map(str::to_string),
        state: first_present(&[entry.text("invitation_state")?, entry.text("state")?])
            .map(str::to_string),
        message: entry.text("message")?.map(str::to_string),
        sent_at: resolve(
            entry.text("sent_time")?,
            entry.count("sent_time_days")?,
            clock,
            &|| entry.path_of("sent_time"),
            warnings,
        ),
        person,
        accept_token: entry.text("shared_secret")?.map(str::to_string),
        provider: ID,
    })
}

fn connection(entry: &Obj<'_, '_>, warnings: &mut Vec<String>) -> Result<Connection, Error> {
    Ok(Connection {
        person: person(
            PersonSource {
                full_name: entry.text("name")?,
                first_name: entry.text("first_name")?,
                last_name: entry.text("last_name")?,
                headline: first_present(&[entry.text("job_title")?, entry.text("headline")?]),
                profile_url: entry.text("profile_url")?,
                picture_url: entry.text("profile_picture")?,
                ..PersonSource::default()
            },
            &|| entry.path_of("profile_url"),
            warnings,
        ),
        connected_at: None,
        provider: ID,
    })
}
