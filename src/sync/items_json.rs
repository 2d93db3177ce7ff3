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
use crate::providers;
use crate::query::Resource;

use super::diff::Removed;

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
        crate::json::present(self.members, key)
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

/// One item of a snapshot, as a diff sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub resource: Resource,
    pub provider: &'static str,
    /// What the state would keep of it; `None` for a connection without a key.
    pub known: Option<Removed>,
}

fn entry(value: &Value<'_>, path: String) -> Result<Entry, Error> {
    let node = Node::of(value, path)?;
    let provider_name = node.required("provider")?;
    let provider = providers::find(&provider_name)
        .map_err(|_| wrong(&node.at("provider"), "is not a provider this library reads"))?
        .id();
    let kind = node.text("kind")?;
    let person = node.object("person")?;
    let field = |key| match &person {
        Some(person) => person.text(key),
        None => Ok(None),
    };
    let (name, profile_url, member_id) = (field("name")?, field("profileUrl")?, field("memberId")?);
    match kind.as_deref() {
        Some("invitation") => {
            let resource = match node.text("direction")?.as_deref() {
                Some("sent") => Resource::SentInvitations,
                Some("received") => Resource::ReceivedInvitations,
                _ => {
                    return Err(wrong(
                        &node.at("direction"),
                        "must be \"sent\" or \"received\"",
                    ))
                }
            };
            let id = node.required("id")?;
            Ok(Entry {
                resource,
                provider,
                known: Some(Removed::invitation(id, name, profile_url, member_id)),
            })
        }
        Some("connection") => Ok(Entry {
            resource: Resource::Connections,
            provider,
            known: Removed::connection(name, profile_url, member_id),
        }),
        _ => Err(wrong(
            &node.at("kind"),
            "must be \"invitation\" or \"connection\"",
        )),
    }
}

fn entries(value: &Value<'_>, path: &str, out: &mut Vec<Entry>) -> Result<(), Error> {
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                out.push(entry(item, format!("{path}[{index}]"))?);
            }
            Ok(())
        }
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
pub fn read_entries(value: Option<&Value<'_>>, field: &str) -> Result<Vec<Entry>, Error> {
    let mut all = Vec::new();
    let Some(value) = value.filter(|value| !value.is_null()) else {
        return Ok(all);
    };
    let Value::Object(members) = value else {
        entries(value, field, &mut all)?;
        return Ok(all);
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
    for name in LIST_ORDER {
        if let Some(list) = value.get(name).filter(|list| !list.is_null()) {
            entries(list, &format!("{field}.{name}"), &mut all)?;
        }
    }
    Ok(all)
}
