//! The inputs of the action calls as they arrive from JavaScript: an
//! invitation in its SPEC §2 JSON form (as `list`, `iterate` or `sync`
//! returned it, perhaps stored and read back), and `withdrawStale`'s options.
//! A field of the wrong type is `INVALID_INPUT` naming it
//! (`invitation.person.publicIdentifier`); keys a caller added are ignored.

use std::borrow::Cow;

use crate::actions::stale::StaleRequest;
use crate::error::Error;
use crate::json::{parse, type_name, Value};
use crate::model::{Direction, Invitation, Person, Precision, RelativeTime};
use crate::options::Fields;
use crate::providers;

type Members<'v> = [(Cow<'v, str>, Value<'v>)];

/// One object of the input and the path it sits at, for messages.
struct Input<'v> {
    members: &'v Members<'v>,
    path: &'static str,
}

impl<'v> Input<'v> {
    fn of(value: &'v Value<'v>, path: &'static str) -> Result<Input<'v>, Error> {
        match value {
            Value::Object(members) => Ok(Input { members, path }),
            other => Err(Error::invalid_input(
                path,
                &format!(
                    "must be an invitation object as list returned it, got {}",
                    type_name(other)
                ),
            )),
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value<'v>> {
        crate::json::present(self.members, key)
    }

    fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    #[inline(never)]
    fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if text.is_empty() => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.to_string())),
            Some(other) => Err(Error::invalid_input(
                &self.field(key),
                &format!("must be a string, got {}", type_name(other)),
            )),
        }
    }

    fn flag(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(flag)) => Ok(Some(*flag)),
            Some(other) => Err(Error::invalid_input(
                key,
                &format!("must be true or false, got {}", type_name(other)),
            )),
        }
    }

    fn object(&self, key: &str, path: &'static str) -> Result<Option<Input<'v>>, Error> {
        self.get(key)
            .map(|value| Input::of(value, path))
            .transpose()
    }
}

/// An invitation from its JSON form. `id` must be the exact decimal string
/// (a number would already have been rounded by `JSON.parse`).
pub fn invitation_from_json(json: &str) -> Result<Invitation, Error> {
    let value = parse(json)
        .map_err(|_| Error::invalid_input("invitation", "must be an invitation object"))?;
    let root = Input::of(&value, "invitation")?;
    let id = match root.get("id") {
        Some(Value::String(text)) => text.to_string(),
        Some(Value::Number(_)) => {
            return Err(Error::invalid_input(
                "invitation.id",
                "must be the id string list returned, not a number (a JavaScript number rounds ids above 2^53)",
            ))
        }
        _ => String::new(),
    };
    let provider = root.text("provider")?.unwrap_or_default();
    let provider = providers::find(&provider)
        .map_err(|error| Error::invalid_input("invitation.provider", &error.message))?
        .id();
    let direction = match root.text("direction")?.as_deref() {
        Some("sent") => Direction::Sent,
        Some("received") => Direction::Received,
        _ => {
            return Err(Error::invalid_input(
                "invitation.direction",
                "must be \"sent\" or \"received\"",
            ))
        }
    };
    let person = match root.object("person", "invitation.person")? {
        Some(person) => read_person(&person)?,
        None => Person::default(),
    };
    let sent_at = match root.object("sentAt", "invitation.sentAt")? {
        Some(time) => Some(read_time(&time)?),
        None => None,
    };
    let mut invitation = Invitation {
        id,
        urn: None,
        direction,
        kind: String::new(),
        provider_type: None,
        state: None,
        message: None,
        sent_at,
        person,
        accept_token: None,
        provider,
    };
    let mut kind = None;
    let i = &mut invitation;
    fill(
        &root,
        &mut [
            ("urn", &mut i.urn),
            ("type", &mut kind),
            ("providerType", &mut i.provider_type),
            ("state", &mut i.state),
            ("message", &mut i.message),
            ("acceptToken", &mut i.accept_token),
        ],
    )?;
    invitation.kind = kind.unwrap_or_else(|| "CONNECTION".into());
    Ok(invitation)
}

/// Reads each `(key, slot)` text: one loop and one error path for every
/// field (a size choice: this is compiled into the `.wasm`).
fn fill(input: &Input<'_>, fields: &mut [(&str, &mut Option<String>)]) -> Result<(), Error> {
    for (key, slot) in fields.iter_mut() {
        **slot = input.text(key)?;
    }
    Ok(())
}

fn read_person(input: &Input<'_>) -> Result<Person, Error> {
    let mut person = Person::default();
    let p = &mut person;
    fill(
        input,
        &mut [
            ("name", &mut p.name),
            ("firstName", &mut p.first_name),
            ("lastName", &mut p.last_name),
            ("headline", &mut p.headline),
            ("profileUrl", &mut p.profile_url),
            ("publicIdentifier", &mut p.public_identifier),
            ("memberId", &mut p.member_id),
            ("memberUrn", &mut p.member_urn),
            ("pictureUrl", &mut p.picture_url),
            ("organization", &mut p.organization),
        ],
    )?;
    Ok(person)
}

fn read_time(time: &Input<'_>) -> Result<RelativeTime, Error> {
    let days = match time.get("days") {
        None => None,
        Some(value) => Some(
            value
                .as_u64()
                .and_then(|days| i64::try_from(days).ok())
                .ok_or_else(|| {
                    Error::invalid_input("invitation.sentAt.days", "must be a whole number")
                })?,
        ),
    };
    let precision = match time.text("precision")?.as_deref() {
        Some("day") => Some(Precision::Day),
        Some("week") => Some(Precision::Week),
        Some("month") => Some(Precision::Month),
        Some("year") => Some(Precision::Year),
        _ => None,
    };
    let (mut text, mut at, mut anchor) = (None, None, None);
    fill(
        time,
        &mut [
            ("text", &mut text),
            ("at", &mut at),
            ("anchor", &mut anchor),
        ],
    )?;
    Ok(RelativeTime {
        text: text.unwrap_or_default(),
        days,
        at,
        precision,
        anchor,
    })
}

/// `withdrawStale`'s options (the signal and `onProgress` stay in JavaScript).
pub fn stale_options(json: &str) -> Result<StaleRequest, Error> {
    let allowed = [
        "olderThanDays",
        "max",
        "maxCredits",
        "maxRequests",
        "dryRun",
    ];
    let fields = Fields::parse(json, "withdrawStale", &allowed)?;
    let older_than_days = fields.integer("olderThanDays", 1, 36_500)?.ok_or_else(|| {
        Error::invalid_input(
            "olderThanDays",
            "is required: withdraw only invitations at least this many days old (e.g. 21)",
        )
    })?;
    Ok(StaleRequest {
        older_than_days,
        // LinkedIn rate-limits writes: one run withdraws at most 500.
        max: fields.integer("max", 1, 500)?,
        max_credits: fields.integer("maxCredits", 0, u64::from(u32::MAX))?,
        max_requests: fields.integer("maxRequests", 1, u64::from(u32::MAX))?,
        dry_run: read_flag(json, "dryRun")?.unwrap_or(false),
    })
}

/// A boolean option of an object `Fields` already accepted.
fn read_flag(json: &str, key: &str) -> Result<Option<bool>, Error> {
    let value = parse(json).map_err(|_| Error::invalid_input(key, "must be true or false"))?;
    match &value {
        Value::Object(members) => Input {
            members,
            path: "options",
        }
        .flag(key),
        _ => Ok(None),
    }
}
