//! Unipile's list items read into the model: sent and received
//! invitations (`InvitationSent`, `InvitationReceived`) and relations
//! (`UserRelation`), with their instants as `precision: "exact"`.

use super::ID;
use crate::error::Error;
use crate::json::{quoted, Obj, Value};
use crate::model::{Connection, Direction, Invitation, Person, RelativeTime};
use crate::normalize::ids::bare_id;
use crate::normalize::person::{person, PersonSource};
use crate::normalize::relative_time::{exact, resolve, Anchor};
use crate::normalize::time::parse_iso;
use crate::query::Resource;

/// `created_at` below this is in seconds, else in milliseconds (NOTES).
const SECONDS_BELOW: u64 = 100_000_000_000;

pub(super) fn invitation(
    entry: &Obj<'_, '_>,
    resource: Resource,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Invitation, Error> {
    let id = bare_id(entry, "id")?.ok_or_else(|| entry.wrong("id", "is missing"))?;
    let specifics = entry.object("specifics")?;
    let secret = match &specifics {
        Some(specifics) => specifics.text("shared_secret")?,
        None => None,
    };
    let (direction, person, accept_token) = match resource {
        Resource::ReceivedInvitations => {
            let inviter = entry.object("inviter")?;
            let person = match &inviter {
                Some(inviter) => someone(
                    inviter,
                    ["inviter_name", "inviter_id", "inviter_public_identifier"],
                    "inviter_description",
                    warnings,
                )?,
                None => Person::default(),
            };
            (Direction::Received, person, secret)
        }
        _ => (
            Direction::Sent,
            someone(
                entry,
                ["invited_user", "invited_user_id", "invited_user_public_id"],
                "invited_user_description",
                warnings,
            )?,
            None,
        ),
    };
    Ok(Invitation {
        id,
        urn: None,
        direction,
        kind: "CONNECTION".to_string(),
        provider_type: None,
        state: None,
        message: entry.text("invitation_text")?.map(str::to_string),
        sent_at: sent_at(entry, clock, warnings)?,
        person,
        accept_token: accept_token.map(str::to_string),
        provider: ID,
    })
}

/// The other side of an invitation: `[name, member id, public id]` keys and
/// the headline key of the object that holds them.
fn someone(
    holder: &Obj<'_, '_>,
    [name, member_id, public_id]: [&'static str; 3],
    headline: &'static str,
    warnings: &mut Vec<String>,
) -> Result<Person, Error> {
    Ok(person(
        PersonSource {
            full_name: holder.text(name)?,
            headline: holder.text(headline)?,
            public_identifier: holder.text(public_id)?,
            member_id: holder.text(member_id)?,
            ..PersonSource::default()
        },
        &|| holder.path_of(public_id),
        warnings,
    ))
}

/// `parsed_datetime` (an instant) wins over `date` (LinkedIn's words);
/// without it, or when it cannot be read, the words are resolved.
fn sent_at(
    entry: &Obj<'_, '_>,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Option<RelativeTime>, Error> {
    let shown = entry.text("date")?;
    if let Some(instant) = entry.text("parsed_datetime")? {
        match parse_iso(instant).and_then(|ms| exact(shown.unwrap_or(instant), ms, clock)) {
            Some(time) => return Ok(Some(time)),
            None => warnings.push(format!(
                "{}: {} is not an ISO 8601 instant; the date text is read instead",
                entry.path_of("parsed_datetime"),
                quoted(instant)
            )),
        }
    }
    Ok(resolve(
        shown,
        None,
        clock,
        &|| entry.path_of("date"),
        warnings,
    ))
}

pub(super) fn connection(
    entry: &Obj<'_, '_>,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Connection, Error> {
    let person = person(
        PersonSource {
            first_name: entry.text("first_name")?,
            last_name: entry.text("last_name")?,
            headline: entry.text("headline")?,
            profile_url: entry.text("public_profile_url")?,
            public_identifier: entry.text("public_identifier")?,
            member_id: entry.text("member_id")?,
            member_urn: entry.text("member_urn")?,
            picture_url: entry.text("profile_picture_url")?,
            ..PersonSource::default()
        },
        &|| entry.path_of("public_profile_url"),
        warnings,
    );
    Ok(Connection {
        person,
        connected_at: connected_at(entry, clock, warnings)?,
        provider: ID,
    })
}

/// `created_at`: epoch milliseconds (seconds when below 10^11), exact.
fn connected_at(
    entry: &Obj<'_, '_>,
    clock: Option<&Anchor>,
    warnings: &mut Vec<String>,
) -> Result<Option<RelativeTime>, Error> {
    let Some(epoch) = entry.count("created_at")? else {
        return Ok(None);
    };
    let digits = match entry.raw("created_at") {
        Some(Value::Number(digits)) => digits.to_string(),
        _ => epoch.to_string(),
    };
    let ms = if epoch < SECONDS_BELOW {
        epoch.checked_mul(1000)
    } else {
        Some(epoch)
    };
    let time = ms
        .and_then(|ms| i64::try_from(ms).ok())
        .and_then(|ms| exact(&digits, ms, clock));
    if time.is_none() {
        warnings.push(format!(
            "{}: {digits} is not an instant a JavaScript Date can hold; connectedAt is null",
            entry.path_of("created_at")
        ));
    }
    Ok(time)
}
