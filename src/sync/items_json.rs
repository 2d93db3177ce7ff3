//! Normalized items read back from their own JSON form (SPEC §2), for
//! `diffSnapshots`: a caller's stored snapshots come back as the objects
//! `list`, `collect` and `sync` gave it. Strict like every option: a field
//! of the wrong type is `INVALID_INPUT` naming its path
//! (`before[3].person.profileUrl`), never a silent wrong value.

use std::borrow::Cow;

use crate::error::Error;
use crate::json::{quoted, type_name, Value};
use crate::model::{Connection, Direction, Invitation, Item, Person, Precision, RelativeTime};
use crate::providers;

use super::diff::Snapshot;

type Members<'v, 't> = &'v [(Cow<'t, str>, Value<'t>)];

/// One object of the input and where it sits.
struct Node<'v, 't> {
    members: Members<'v, 't>,
    path: String,
}

fn wrong(path: &str, problem: &str) -> Error {
    Error::invalid_input(path, problem)
}

impl<'v, 't> Node<'v, 't> {
    fn of(value: &'v Value<'t>, path: String) -> Result<Node<'v, 't>, Error> {
        match value {
            Value::Object(members) => Ok(Node { members, path }),
            other => Err(wrong(
                &path,
                &format!("must be an object, got {}", type_name(other)),
            )),
        }
    }

    fn get(&self, key: &str) -> Option<&'v Value<'t>> {
        self.members
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
            .filter(|value| !value.is_null())
    }

    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if text.is_empty() => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.to_string())),
            Some(other) => Err(wrong(
                &self.at(key),
                &format!("must be a string or null, got {}", type_name(other)),
            )),
        }
    }

    fn required(&self, key: &str) -> Result<String, Error> {
        self.text(key)?
            .ok_or_else(|| wrong(&self.at(key), "is required"))
    }

    fn object(&self, key: &str) -> Result<Option<Node<'v, 't>>, Error> {
        self.get(key)
            .map(|value| Node::of(value, self.at(key)))
            .transpose()
    }
}

fn person(node: Option<Node<'_, '_>>) -> Result<Person, Error> {
    let Some(node) = node else {
        return Ok(Person::default());
    };
    Ok(Person {
        name: node.text("name")?,
        first_name: node.text("firstName")?,
        last_name: node.text("lastName")?,
        headline: node.text("headline")?,
        profile_url: node.text("profileUrl")?,
        public_identifier: node.text("publicIdentifier")?,
        member_id: node.text("memberId")?,
        member_urn: node.text("memberUrn")?,
        picture_url: node.text("pictureUrl")?,
        organization: node.text("organization")?,
    })
}

fn relative_time(node: Option<Node<'_, '_>>) -> Result<Option<RelativeTime>, Error> {
    let Some(node) = node else {
        return Ok(None);
    };
    let days = match node.get("days") {
        None => None,
        Some(Value::Number(digits)) => Some(
            digits
                .parse::<i64>()
                .map_err(|_| wrong(&node.at("days"), "must be a whole number of days"))?,
        ),
        Some(other) => {
            return Err(wrong(
                &node.at("days"),
                &format!("must be a number or null, got {}", type_name(other)),
            ))
        }
    };
    let precision = match node.text("precision")?.as_deref() {
        None => None,
        Some("day") => Some(Precision::Day),
        Some("week") => Some(Precision::Week),
        Some("month") => Some(Precision::Month),
        Some("year") => Some(Precision::Year),
        Some(_) => {
            return Err(wrong(
                &node.at("precision"),
                "must be \"day\", \"week\", \"month\", \"year\" or null",
            ))
        }
    };
    Ok(Some(RelativeTime {
        text: node.text("text")?.unwrap_or_default(),
        days,
        at: node.text("at")?,
        precision,
        anchor: node.text("anchor")?,
    }))
}

fn item(value: &Value<'_>, path: String) -> Result<Item, Error> {
    let node = Node::of(value, path)?;
    let provider_name = node.required("provider")?;
    let provider = providers::find(&provider_name)
        .map_err(|_| wrong(&node.at("provider"), "is not a provider this library reads"))?
        .id();
    match node.text("kind")?.as_deref() {
        Some("invitation") => {
            let direction = match node.text("direction")?.as_deref() {
                Some("sent") => Direction::Sent,
                Some("received") => Direction::Received,
                _ => {
                    return Err(wrong(
                        &node.at("direction"),
                        "must be \"sent\" or \"received\"",
                    ))
                }
            };
            Ok(Item::Invitation(Invitation {
                id: node.required("id")?,
                urn: node.text("urn")?,
                direction,
                kind: node.text("type")?.unwrap_or_default(),
                provider_type: node.text("providerType")?,
                state: node.text("state")?,
                message: node.text("message")?,
                sent_at: relative_time(node.object("sentAt")?)?,
                person: person(node.object("person")?)?,
                accept_token: node.text("acceptToken")?,
                provider,
            }))
        }
        Some("connection") => Ok(Item::Connection(Connection {
            person: person(node.object("person")?)?,
            connected_at: relative_time(node.object("connectedAt")?)?,
            provider,
        })),
        _ => Err(wrong(
            &node.at("kind"),
            "must be \"invitation\" or \"connection\"",
        )),
    }
}

fn items(value: &Value<'_>, path: &str) -> Result<Vec<Item>, Error> {
    match value {
        Value::Array(entries) => entries
            .iter()
            .enumerate()
            .map(|(index, entry)| item(entry, format!("{path}[{index}]")))
            .collect(),
        other => Err(wrong(
            path,
            &format!("must be an array of items, got {}", type_name(other)),
        )),
    }
}

/// A snapshot: an array of items (sorted into lists by kind and
/// direction), or `{ sentInvitations, receivedInvitations, connections }`.
pub fn read_snapshot(value: Option<&Value<'_>>, field: &str) -> Result<Snapshot, Error> {
    let Some(value) = value.filter(|value| !value.is_null()) else {
        return Ok(Snapshot::default());
    };
    let Value::Object(members) = value else {
        return Ok(Snapshot::from_items(items(value, field)?));
    };
    let mut all = Vec::new();
    for (key, list) in members {
        let list_name =
            match key.as_ref() {
                name @ ("sentInvitations" | "receivedInvitations" | "connections") => name,
                other => return Err(wrong(
                    &format!("{field}.{}", quoted(other)),
                    "is not a list; accepted: sentInvitations, receivedInvitations, connections",
                )),
            };
        if !list.is_null() {
            all.extend(items(list, &format!("{field}.{list_name}"))?);
        }
    }
    Ok(Snapshot::from_items(all))
}
