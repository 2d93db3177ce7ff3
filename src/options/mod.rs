//! The JavaScript API's option objects (SPEC §4), read from their JSON form
//! with an `INVALID_INPUT` for every field of the wrong type or range that
//! names the field and what it accepts — and never repeats a value, since
//! some of them are secrets. Unknown keys are refused: a misspelt
//! `maxCredit` must not silently mean "no budget".

mod pure;
pub use pure::{build_request_keys, parse_options, plan_options, ParseOptions};

use std::borrow::Cow;

use crate::client::budget::Budgets;
use crate::client::retry::RetryPolicy;
use crate::client::{ListRequest, RunRequest, Settings};
use crate::error::Error;
use crate::json::{parse, quoted, type_name, Value};
use crate::providers::{self, Provider};
use crate::query::{Credentials, ListQuery, Resource, MAX_LIMIT, MAX_OFFSET};

/// A JSON object of options with the keys it may hold, borrowing its text.
pub struct Fields<'t> {
    members: Vec<(Cow<'t, str>, Value<'t>)>,
}

/// Limits that keep a typo from becoming a 10-hour timeout or 1,000 sockets.
pub const MAX_CONCURRENCY: u64 = 16;
pub const MAX_TIMEOUT_MS: u64 = 600_000;
pub const MAX_ATTEMPTS: u64 = 10;
pub const MAX_DELAY_MS: u64 = 600_000;
/// `limit` when a call gives none: one ordinary page.
pub const DEFAULT_LIMIT: u64 = 10;

const AUTH_KEYS: [&str; 5] = ["apiKey", "accountId", "loginToken", "country", "baseUrl"];

impl<'t> Fields<'t> {
    /// Parses `json` (an object, or `null` for no options) and refuses keys outside `allowed`.
    pub fn parse(json: &'t str, what: &str, allowed: &[&str]) -> Result<Fields<'t>, Error> {
        let value =
            parse(json).map_err(|_| Error::invalid_input(what, "must be a plain object"))?;
        Fields::of(value, what, allowed)
    }

    fn of(value: Value<'t>, what: &str, allowed: &[&str]) -> Result<Fields<'t>, Error> {
        let members = match value {
            Value::Object(members) => members,
            Value::Null => Vec::new(),
            other => {
                return Err(Error::invalid_input(
                    what,
                    &format!("must be an object, got {}", type_name(&other)),
                ))
            }
        };
        if let Some((unknown, _)) = members
            .iter()
            .find(|(key, _)| !allowed.contains(&key.as_ref()))
        {
            return Err(Error::invalid_input(
                &quoted(unknown),
                &format!(
                    "is not an option of {what}; accepted: {}",
                    crate::text::join(allowed, ", ")
                ),
            ));
        }
        Ok(Fields { members })
    }

    pub fn present(&self, key: &str) -> Option<&Value<'t>> {
        crate::json::present(&self.members, key)
    }

    pub fn text(&self, key: &str) -> Result<Option<&str>, Error> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.as_ref())),
            Some(other) => Err(Error::invalid_input(
                key,
                &format!("must be a string, got {}", type_name(other)),
            )),
        }
    }

    /// An integer in `min..=max`. Non-finite numbers arrive as strings
    /// ("NaN", "Infinity") and are refused like any other string.
    pub fn integer(&self, key: &str, min: u64, max: u64) -> Result<Option<u64>, Error> {
        let Some(value) = self.present(key) else {
            return Ok(None);
        };
        let problem = || {
            Error::invalid_input(
                key,
                &format!(
                    "must be an integer from {min} to {max}, got {}",
                    describe(value)
                ),
            )
        };
        let number = value.as_u64().ok_or_else(problem)?;
        if (min..=max).contains(&number) {
            Ok(Some(number))
        } else {
            Err(problem())
        }
    }

    pub fn object(&self, key: &str, allowed: &[&str]) -> Result<Option<Fields<'t>>, Error> {
        match self.present(key) {
            None => Ok(None),
            Some(value @ Value::Object(_)) => Fields::of(value.clone(), key, allowed).map(Some),
            Some(other) => Err(Error::invalid_input(
                key,
                &format!("must be an object, got {}", type_name(other)),
            )),
        }
    }

    pub fn provider(&self) -> Result<&'static dyn Provider, Error> {
        providers::find(self.text("provider")?.unwrap_or_default())
    }

    pub fn resource(&self) -> Result<Resource, Error> {
        Resource::parse(self.text("resource")?.unwrap_or_default())
    }

    /// The credentials `provider` takes; one it does not take (a
    /// `loginToken` for linkup-v2) is refused by name rather than ignored.
    pub fn credentials(&self, provider: &dyn Provider) -> Result<Credentials, Error> {
        let takes = provider.credential_fields();
        for key in ["apiKey", "accountId", "loginToken", "country"] {
            if self.present(key).is_some() && !takes.contains(&key) {
                let list: Vec<String> = takes
                    .iter()
                    .map(|field| crate::json::quoted(field))
                    .collect();
                return Err(Error::invalid_input(
                    key,
                    &format!(
                        "is not an option of {}, which takes {}",
                        provider.id(),
                        crate::text::join(&list, ", ")
                    ),
                )
                .with_provider(provider.id()));
            }
        }
        Ok(Credentials {
            api_key: self.text("apiKey")?.map(str::to_string),
            account_id: self.text("accountId")?.map(str::to_string),
            login_token: self.text("loginToken")?.map(str::to_string),
            country: self.text("country")?.map(str::to_string),
        })
    }

    /// A cursor to resume from; it says where, so an offset beside it is
    /// refused rather than silently ignored.
    pub fn cursor(&self) -> Result<Option<String>, Error> {
        let cursor = self.text("cursor")?.map(str::to_string);
        if cursor.is_some() && self.present("offset").is_some() {
            return Err(Error::invalid_input(
                "offset",
                "cannot be given with a cursor: the cursor says where to continue",
            ));
        }
        Ok(cursor)
    }

    /// `{offset, limit, invitationType}` for one range of one list.
    pub fn list_query(
        &self,
        provider: &dyn Provider,
        resource: Resource,
    ) -> Result<ListQuery, Error> {
        let offset = self.integer("offset", 0, MAX_OFFSET)?.unwrap_or(0);
        let limit = self
            .integer("limit", 1, MAX_LIMIT)?
            .unwrap_or(DEFAULT_LIMIT);
        ListQuery::new(
            provider,
            resource,
            offset,
            limit,
            self.text("invitationType")?,
        )
    }
}

/// How a value is described in a message: its type, or the number itself
/// (numbers are never secrets), never a string's content.
fn describe(value: &Value) -> String {
    match value {
        Value::Number(number) => (*number).to_string(),
        Value::String(text) if matches!(text.as_ref(), "NaN" | "Infinity" | "-Infinity") => {
            text.to_string()
        }
        other => type_name(other).to_string(),
    }
}

/// `createClient`'s options, `fetch` aside (it stays in JavaScript).
pub struct ClientOptions {
    pub provider: &'static dyn Provider,
    pub credentials: Credentials,
    pub base_url: Option<String>,
    pub settings: Settings,
}

pub fn client_options(json: &str) -> Result<ClientOptions, Error> {
    // `fetch` stays in JavaScript, but a message listing the options names it too.
    let mut allowed = vec!["provider", "retry", "timeoutMs", "concurrency", "fetch"];
    allowed.extend(AUTH_KEYS);
    let fields = Fields::parse(json, "createClient", &allowed)?;
    let provider = fields.provider()?;
    let defaults = Settings::default();
    let mut retry = defaults.retry;
    if let Some(policy) = fields.object("retry", &["maxAttempts", "baseDelayMs", "maxDelayMs"])? {
        retry = RetryPolicy {
            max_attempts: policy
                .integer("maxAttempts", 1, MAX_ATTEMPTS)?
                .map_or(retry.max_attempts, |attempts| attempts as u32),
            base_delay_ms: policy
                .integer("baseDelayMs", 0, MAX_DELAY_MS)?
                .unwrap_or(retry.base_delay_ms),
            max_delay_ms: policy
                .integer("maxDelayMs", 0, MAX_DELAY_MS)?
                .unwrap_or(retry.max_delay_ms),
        };
    }
    Ok(ClientOptions {
        provider,
        credentials: fields.credentials(provider)?,
        base_url: fields.text("baseUrl")?.map(str::to_string),
        settings: Settings {
            retry,
            timeout_ms: fields
                .integer("timeoutMs", 1, MAX_TIMEOUT_MS)?
                .unwrap_or(defaults.timeout_ms),
            concurrency: fields
                .integer("concurrency", 1, MAX_CONCURRENCY)?
                .map_or(defaults.concurrency, |width| width as usize),
        },
    })
}

/// `list` and `estimate` options on a client.
pub fn list_options(
    json: &str,
    what: &str,
    provider: &dyn Provider,
    resource: Resource,
) -> Result<ListQuery, Error> {
    Fields::parse(json, what, &["offset", "limit", "invitationType"])?
        .list_query(provider, resource)
}

/// `list` on a client: a range (or the range after a cursor) and the most
/// it may cost.
pub fn list_request(
    json: &str,
    provider: &dyn Provider,
    resource: Resource,
) -> Result<ListRequest, Error> {
    let allowed = [
        "offset",
        "limit",
        "invitationType",
        "cursor",
        "maxCredits",
        "maxRequests",
    ];
    let fields = Fields::parse(json, "list", &allowed)?;
    let cursor = fields.cursor()?;
    Ok(ListRequest {
        query: fields.list_query(provider, resource)?,
        cursor,
        budgets: Budgets {
            max_items: None,
            max_credits: fields.integer("maxCredits", 0, u64::from(u32::MAX))?,
            max_requests: fields.integer("maxRequests", 1, u64::from(u32::MAX))?,
        },
    })
}

/// `iterate` and `collect` options (callbacks and the signal stay in JavaScript).
pub fn run_options(json: &str, what: &str) -> Result<RunRequest, Error> {
    let allowed = [
        "offset",
        "invitationType",
        "maxItems",
        "maxCredits",
        "maxRequests",
        "cursor",
        "concurrency",
    ];
    let fields = Fields::parse(json, what, &allowed)?;
    Ok(RunRequest {
        invitation_type: fields.text("invitationType")?.map(str::to_string),
        offset: fields.integer("offset", 0, MAX_OFFSET)?.unwrap_or(0),
        budgets: Budgets {
            max_items: fields.integer("maxItems", 1, u64::from(u32::MAX))?,
            max_credits: fields.integer("maxCredits", 0, u64::from(u32::MAX))?,
            max_requests: fields.integer("maxRequests", 1, u64::from(u32::MAX))?,
        },
        cursor: fields.cursor()?,
        concurrency: fields
            .integer("concurrency", 1, MAX_CONCURRENCY)?
            .map(|width| width as usize),
    })
}
