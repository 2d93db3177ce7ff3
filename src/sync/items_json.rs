//! Normalized items read back from their own JSON form (SPEC §2), for
//! `diffSnapshots`: a caller's stored snapshots come back as the objects
//! `list`, `collect` and `sync` gave it. Only what a diff needs is read
//! (kind, provider, id, direction, and the person's name, profile URL and
//! member id): `added` goes back to the caller as positions in its own
//! arrays, so its objects come back whole. Strict like every option: a
//! field read of the wrong type is `INVALID_INPUT` naming its path
//! (`before[3].person.profileUrl`), never a silent wrong value.

use std::borrow::Cow;

use crate::error::Error;
use crate::json::{quoted, type_name, Value};
use crate::model::{Connection, Direction, Invitation, Item, Person};
use crate::providers;

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
        profile_url: node.text("profileUrl")?,
        member_id: node.text("memberId")?,
        ..Person::default()
    })
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
                urn: None,
                direction,
                kind: String::new(),
                provider_type: None,
                state: None,
                message: None,
                sent_at: None,
                person: person(node.object("person")?)?,
                accept_token: None,
                provider,
            }))
        }
        Some("connection") => Ok(Item::Connection(Connection {
            person: person(node.object("person")?)?,
            connected_at: None,
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

/// The lists by name, in the order their items are numbered.
pub const LIST_ORDER: [&str; 3] = ["sentInvitations", "receivedInvitations", "connections"];

/// A snapshot's items: an array, or `{ sentInvitations, receivedInvitations,
/// connections }` read as those arrays one after another (in that order,
/// whatever the order of the keys), which is how positions count.
pub fn read_items(value: Option<&Value<'_>>, field: &str) -> Result<Vec<Item>, Error> {
    let Some(value) = value.filter(|value| !value.is_null()) else {
        return Ok(Vec::new());
    };
    let Value::Object(members) = value else {
        return items(value, field);
    };
    if let Some((other, _)) = members
        .iter()
        .find(|(key, _)| !LIST_ORDER.contains(&key.as_ref()))
    {
        return Err(wrong(
            &format!("{field}.{}", quoted(other)),
            "is not a list; accepted: sentInvitations, receivedInvitations, connections",
        ));
    }
    let mut all = Vec::new();
    for name in LIST_ORDER {
        if let Some(list) = value.get(name).filter(|list| !list.is_null()) {
            all.extend(items(list, &format!("{field}.{name}"))?);
        }
    }
    Ok(all)
}
