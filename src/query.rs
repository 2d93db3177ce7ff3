//! What a caller asks for — provider, resource, range, credentials, base URL —
//! validated before anything is built. A rejection is `INVALID_INPUT` naming
//! the field and the values it accepts, and never echoes a secret.

use crate::error::Error;
use crate::json::quoted;
use crate::providers::Provider;

/// The three lists the product reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    SentInvitations,
    ReceivedInvitations,
    Connections,
}

impl Resource {
    pub const ALL: [Resource; 3] = [
        Resource::SentInvitations,
        Resource::ReceivedInvitations,
        Resource::Connections,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Resource::SentInvitations => "sentInvitations",
            Resource::ReceivedInvitations => "receivedInvitations",
            Resource::Connections => "connections",
        }
    }

    pub fn parse(name: &str) -> Result<Resource, Error> {
        Resource::ALL
            .into_iter()
            .find(|resource| resource.as_str() == name)
            .ok_or_else(|| {
                Error::invalid_input(
                    "resource",
                    "must be one of \"sentInvitations\", \"receivedInvitations\", \"connections\"",
                )
            })
    }

    pub fn is_invitations(self) -> bool {
        self != Resource::Connections
    }
}

/// The largest `limit` one call of the API accepts (SPEC §5).
pub const MAX_LIMIT: u64 = 10_000;
/// The largest `offset` (SPEC §5): past LinkedIn's cap of 30,000
/// connections, so no real list is cut, and small enough that no offset
/// arithmetic can overflow.
pub const MAX_OFFSET: u64 = 100_000;

/// A validated range `[offset, offset + limit)` of one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub resource: Resource,
    pub offset: u64,
    pub limit: u64,
    /// Upper-case, one of the provider's accepted types.
    pub invitation_type: Option<String>,
}

impl ListQuery {
    pub fn new(
        provider: &dyn Provider,
        resource: Resource,
        offset: u64,
        limit: u64,
        invitation_type: Option<&str>,
    ) -> Result<ListQuery, Error> {
        if offset > MAX_OFFSET {
            return Err(Error::invalid_input(
                "offset",
                &format!("must be an integer from 0 to {MAX_OFFSET}"),
            ));
        }
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(Error::invalid_input(
                "limit",
                &format!("must be an integer from 1 to {MAX_LIMIT}"),
            ));
        }
        let invitation_type = invitation_type
            .map(|kind| check_invitation_type(provider, resource, kind))
            .transpose()?;
        Ok(ListQuery {
            resource,
            offset,
            limit,
            invitation_type,
        })
    }
}

/// `invitationType` as the product's word (SPEC §2: `NEWSLETTER`, never
/// linkup's `CONTENT_SERIES`), if this provider can filter `resource` by it.
/// The provider's own word is accepted too; letter case does not matter.
pub fn check_invitation_type(
    provider: &dyn Provider,
    resource: Resource,
    kind: &str,
) -> Result<String, Error> {
    if !resource.is_invitations() {
        return Err(Error::invalid_input(
            "invitationType",
            "applies to sentInvitations and receivedInvitations only",
        )
        .with_provider(provider.id()));
    }
    let filters = provider.invitation_filters(resource);
    if filters.is_empty() {
        return Err(Error::invalid_input(
            "invitationType",
            &format!(
                "is not supported by {} for {} (it lists every type; read each item's `type`)",
                provider.id(),
                resource.as_str()
            ),
        )
        .with_provider(provider.id()));
    }
    let upper = kind.trim().to_ascii_uppercase();
    filters
        .iter()
        .find(|(word, wire)| *word == upper || *wire == Some(upper.as_str()))
        .map(|(word, _)| (*word).to_string())
        .ok_or_else(|| {
            let words: Vec<&str> = filters.iter().map(|(word, _)| *word).collect();
            Error::invalid_input(
                "invitationType",
                &format!(
                    "must be one of {} for {} {}",
                    quoted_list(&words),
                    provider.id(),
                    resource.as_str()
                ),
            )
            .with_provider(provider.id())
        })
}

/// The word `provider` is sent for the product's `invitationType`, if any.
pub fn wire_invitation_type(
    provider: &dyn Provider,
    resource: Resource,
    kind: Option<&str>,
) -> Option<&'static str> {
    let kind = kind?;
    provider
        .invitation_filters(resource)
        .iter()
        .find(|(word, _)| *word == kind)
        .and_then(|(_, wire)| *wire)
}

/// `"A", "B", "C"` for messages that list accepted values.
pub fn quoted_list(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|value| quoted(value)).collect();
    crate::text::join(&quoted, ", ")
}

/// The caller's secrets and account settings. `Debug` never shows a value.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub api_key: Option<String>,
    pub account_id: Option<String>,
    pub login_token: Option<String>,
    pub country: Option<String>,
}

impl core::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let shown = |value: &Option<String>| {
            if value.is_some() {
                "[redacted]"
            } else {
                "None"
            }
        };
        f.debug_struct("Credentials")
            .field("api_key", &shown(&self.api_key))
            .field("account_id", &shown(&self.account_id))
            .field("login_token", &shown(&self.login_token))
            .field("country", &self.country)
            .finish()
    }
}

impl Credentials {
    /// The values that must never appear in an error or a log line.
    pub fn secrets(&self) -> Vec<&str> {
        [&self.api_key, &self.account_id, &self.login_token]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|secret| !secret.is_empty())
            .collect()
    }

    /// A required secret: present, non-empty, and safe to put in a header or
    /// a body. The message names the field, never the value.
    pub fn require<'c>(
        value: &'c Option<String>,
        field: &str,
        provider: &str,
    ) -> Result<&'c str, Error> {
        match value.as_deref() {
            None | Some("") => Err(Error::invalid_input(
                field,
                &format!("is required for {provider}"),
            )),
            Some(text) => {
                check_token_text(text, field)?;
                Ok(text)
            }
        }
    }
}

/// A credential must be visible ASCII with no spaces: anything else would be
/// mangled in a header (fetch throws on it) or is a copy-paste accident.
pub fn check_token_text(text: &str, field: &str) -> Result<(), Error> {
    if text.bytes().all(|byte| byte.is_ascii_graphic()) {
        Ok(())
    } else {
        Err(Error::invalid_input(
            field,
            "must be printable ASCII without spaces or line breaks (check for a stray newline)",
        ))
    }
}

/// Validates a base URL: `https://`, or `http://` for loopback hosts only
/// (a key must never cross a network in clear text). Returned without its
/// trailing slash. The message never repeats the URL: it may hold a secret.
/// An empty `default` means the provider has none (a per-customer host):
/// the caller must give one.
pub fn base_url(given: Option<&str>, default: &'static str) -> Result<String, Error> {
    let Some(url) = given.map(str::trim).filter(|url| !url.is_empty()) else {
        if default.is_empty() {
            return Err(Error::invalid_input(
                "baseUrl",
                "is required for this provider: it has no default host (give your account's own API URL)",
            ));
        }
        return Ok(default.to_string());
    };
    let lower = url.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(Error::invalid_input("baseUrl", "must start with https://"));
    };
    if rest.contains(['?', '#', '@', ' ']) {
        return Err(Error::invalid_input(
            "baseUrl",
            "must be a plain origin and path: no query, fragment, user name or spaces",
        ));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    let host = if authority.starts_with('[') {
        authority
            .split(']')
            .next()
            .map(|host| format!("{host}]"))
            .unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default().to_string()
    };
    if host.is_empty() {
        return Err(Error::invalid_input("baseUrl", "must name a host"));
    }
    if !secure && !is_loopback(&host) {
        return Err(Error::invalid_input(
            "baseUrl",
            "must use https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1])",
        ));
    }
    Ok(url.trim_end_matches('/').to_string())
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            rest.split('.').count() == 3
                && rest
                    .split('.')
                    .all(|part| crate::text::parse_u64(part).is_some_and(|byte| byte <= 255))
        })
}

/// Everything needed to build requests for one list of one account.
#[derive(Debug, Clone)]
pub struct Target {
    pub base_url: String,
    pub credentials: Credentials,
    pub resource: Resource,
    pub invitation_type: Option<String>,
}
