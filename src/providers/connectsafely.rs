//! ConnectSafely (`GET <base>/invitations/sent|received`, `/connections`):
//! seat-billed, so every call costs 0 credits. `startIndex` pagination with
//! pages of 10 (connections: `limit` up to 12); no total and no has-more —
//! a page shorter than asked ends the list.

mod actions;

use crate::actions::Writes;
use crate::error::{derived, Error, ErrorCode};
use crate::http::{push_query, HttpRequest, HttpResponse, Method};
use crate::json::{quoted, Obj};
use crate::model::{Connection, Direction, Invitation, Item, Page, Person};
use crate::normalize::ids::invitation_id;
use crate::normalize::invitation_type::category;
use crate::normalize::person::{person, PersonSource};
use crate::normalize::relative_time::{anchor, resolve, Anchor};
use crate::plan::{params, split_range, PlannedCall};
use crate::providers::{
    read_document, read_list, reported_position, status_error, InvitationFilter, Provider,
};
use crate::query::{check_token_text, Credentials, Resource, Target};
use crate::text::contains;

pub struct ConnectSafely;

const ID: &str = "connectsafely";
const INVITATIONS_PAGE: u64 = 10;
const CONNECTIONS_PAGE: u64 = 12;

fn path(resource: Resource) -> &'static str {
    match resource {
        Resource::SentInvitations => "/invitations/sent",
        Resource::ReceivedInvitations => "/invitations/received",
        Resource::Connections => "/connections",
    }
}

impl Provider for ConnectSafely {
    fn id(&self) -> &'static str {
        ID
    }

    fn default_base_url(&self) -> &'static str {
        "https://api.connectsafely.ai/linkedin"
    }

    fn check_credentials(&self, credentials: &Credentials) -> Result<(), Error> {
        Credentials::require(&credentials.api_key, "apiKey", ID)?;
        // An empty account id passes: it means none (the key's own account).
        match credentials.account_id.as_deref() {
            Some(account_id) => check_token_text(account_id, "accountId"),
            None => Ok(()),
        }
    }

    /// No filter parameter: the sent list holds only connection invitations
    /// (so `CONNECTION` is accepted and nothing is sent); the received list
    /// holds every category and cannot be filtered.
    fn invitation_filters(&self, resource: Resource) -> &'static [InvitationFilter] {
        match resource {
            Resource::SentInvitations => &[("CONNECTION", None)],
            _ => &[],
        }
    }

    fn credential_fields(&self) -> &'static [&'static str] {
        &["apiKey", "accountId"]
    }

    fn page_size(&self, resource: Resource) -> u64 {
        match resource {
            Resource::Connections => CONNECTIONS_PAGE,
            _ => INVITATIONS_PAGE,
        }
    }

    /// No total, no has-more: only a short page ends the list.
    fn reports_total(&self, _resource: Resource) -> bool {
        false
    }

    fn plan(&self, resource: Resource, offset: u64, limit: u64) -> Vec<PlannedCall> {
        split_range(offset, limit, self.page_size(resource))
            .into_iter()
            .map(|(offset, count)| PlannedCall {
                offset,
                count,
                credits: 0,
                upstream_calls: 1,
                params: match resource {
                    Resource::Connections => params([("startIndex", offset), ("limit", count)]),
                    _ => params([("startIndex", offset)]),
                },
            })
            .collect()
    }

    fn build_request(&self, target: &Target, call: &PlannedCall) -> Result<HttpRequest, Error> {
        let api_key = Credentials::require(&target.credentials.api_key, "apiKey", ID)?;
        let mut url = format!("{}{}", target.base_url, path(target.resource));
        if let Some(account_id) = target
            .credentials
            .account_id
            .as_deref()
            .filter(|id| !id.is_empty())
        {
            push_query(&mut url, "accountId", account_id);
        }
        let start = call.param("startIndex").unwrap_or(call.offset);
        push_query(&mut url, "startIndex", &start.to_string());
        if target.resource == Resource::Connections {
            let limit = call.param("limit").unwrap_or(call.count);
            push_query(&mut url, "limit", &limit.to_string());
        }
        Ok(HttpRequest {
            method: Method::Get,
            url,
            headers: vec![
                ("accept", "application/json".to_string()),
                ("authorization", format!("Bearer {api_key}")),
            ],
            body: None,
        })
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
        if !response.is_success() || root.flag("success")? == Some(false) {
            return Err(envelope_error(&root, response, now_ms));
        }
        let mut warnings = Vec::new();
        let clock = anchor(None, response.header("date"), now_ms, &mut warnings);
        let key = if resource.is_invitations() {
            "invitations"
        } else {
            "connections"
        };
        let items = read_list(&root, key, |entry| {
            Ok(match resource {
                Resource::Connections => {
                    Item::Connection(connection(entry, clock.as_ref(), &mut warnings)?)
                }
                _ => Item::Invitation(invitation(entry, resource, clock.as_ref(), &mut warnings)?),
            })
        })?;
        let page_size = match resource {
            Resource::Connections => root.count("limit")?.unwrap_or(CONNECTIONS_PAGE),
            _ => INVITATIONS_PAGE,
        };
        let returned = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let asked = call.map(|call| call.param("startIndex").unwrap_or(call.offset));
        Ok(Page {
            items,
            offset: reported_position(&root, "startIndex", asked)?,
            total: None,
            has_more: returned > 0 && returned >= page_size,
            credits_used: 0,
            warnings,
            continuation: None,
        })
    }
}

/// `{error: "…"}` on the endpoint pages, `{success: false, code, message}`
/// in the overview: the status decides the code, the text goes along.
fn envelope_error(root: &Obj<'_, '_>, response: &HttpResponse<'_>, now_ms: Option<i64>) -> Error {
    let text = |key| root.text(key).ok().flatten();
    let message = text("message").or(text("error"));
    // The overview envelope carries a code of its own; the endpoint pages
    // only words, read with the status into a stable code.
    let lower = message.unwrap_or_default().to_ascii_lowercase();
    let provider_code = match text("code") {
        Some(code) => code,
        None if contains(&lower, "rate limit") || contains(&lower, "too many") => {
            derived::RATE_LIMIT
        }
        None if contains(&lower, "credit") => derived::NO_CREDITS,
        // A 2xx status says nothing: UNKNOWN.
        None => derived::for_status(response.status),
    };
    let mut error = status_error(ID, response, now_ms);
    if response.is_success() {
        error.code = ErrorCode::ProviderError;
    }
    error.message = format!(
        "{ID} answered HTTP {}: {}",
        response.status,
        crate::error::shorten(message.unwrap_or("no message"))
    );
    if let Some(message) = message {
        error = error.with_provider_message(message);
    }
    error.with_provider_code(provider_code)
}

fn invitation(
    entry: &Obj<'_, '_>,
    resource: Resource,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Invitation, Error> {
    let (id, urn) = invitation_id(entry, &["invitationId", "id"], "invitationUrn", warnings)?;
    let listed = match resource {
        Resource::ReceivedInvitations => Direction::Received,
        _ => Direction::Sent,
    };
    let direction = match entry.text("invitationType")? {
        Some("SENT") => Direction::Sent,
        Some("RECEIVED") => Direction::Received,
        None => listed,
        Some(other) => {
            warnings.push(format!(
                "{}: {} is neither \"SENT\" nor \"RECEIVED\"; taken as {}",
                entry.path_of("invitationType"),
                quoted(other),
                if listed == Direction::Sent {
                    "sent"
                } else {
                    "received"
                }
            ));
            listed
        }
    };
    let (time_key, time) = match entry.text("sentAt")? {
        Some(time) => ("sentAt", Some(time)),
        None => ("receivedAt", entry.text("receivedAt")?),
    };
    Ok(Invitation {
        id,
        urn,
        direction,
        kind: category(entry.text("invitationCategory")?.unwrap_or("CONNECTION")),
        provider_type: entry.text("linkedInInvitationType")?.map(str::to_string),
        state: entry.text("state")?.map(str::to_string),
        message: entry.text("message")?.map(str::to_string),
        sent_at: resolve(time, None, clock, &|| entry.path_of(time_key), warnings),
        person: person_of(entry, entry.object("profile")?.as_ref(), warnings)?,
        accept_token: entry.text("validationToken")?.map(str::to_string),
        provider: ID,
    })
}

/// The person of an invitation: member fields on the item, the rest in `profile`.
fn person_of(
    entry: &Obj<'_, '_>,
    profile: Option<&Obj<'_, '_>>,
    warnings: &mut Vec<String>,
) -> Result<Person, Error> {
    let field = |key| -> Result<Option<&str>, Error> {
        match profile {
            Some(profile) => profile.text(key),
            None => Ok(None),
        }
    };
    Ok(person(
        PersonSource {
            first_name: field("firstName")?,
            last_name: field("lastName")?,
            headline: field("headline")?,
            profile_url: field("profileUrl")?,
            public_identifier: field("publicIdentifier")?,
            member_id: entry.text("memberId")?,
            member_urn: entry.text("memberUrn")?,
            organization: entry.text("companyName")?,
            ..PersonSource::default()
        },
        &|| match profile {
            Some(profile) => profile.path_of("profileUrl"),
            None => entry.path_of("profile"),
        },
        warnings,
    ))
}

fn connection(
    entry: &Obj<'_, '_>,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Connection, Error> {
    Ok(Connection {
        person: person(
            PersonSource {
                first_name: entry.text("firstName")?,
                last_name: entry.text("lastName")?,
                headline: entry.text("headline")?,
                profile_url: entry.text("profileUrl")?,
                public_identifier: entry.text("vanityName")?,
                member_id: entry.text("memberId")?,
                member_urn: entry.text("memberUrn")?,
                picture_url: entry.text("profilePicture")?,
                ..PersonSource::default()
            },
            &|| entry.path_of("profileUrl"),
            warnings,
        ),
        connected_at: resolve(
            entry.text("connectedDate")?,
            None,
            clock,
            &|| entry.path_of("connectedDate"),
            warnings,
        ),
        provider: ID,
    })
}
