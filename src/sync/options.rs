//! `sync` and `diffSnapshots` options read from their JSON form, strictly
//! (unknown keys and wrong types are `INVALID_INPUT` naming the field), and
//! `diffSnapshots` itself over JSON text for the package.

use crate::client::budget::Budgets;
use crate::client::sync::SyncRequest;
use crate::error::Error;
use crate::json::{type_name, ObjectWriter, ToJson, Value};
use crate::options::Fields;
use crate::providers;
use crate::query::Resource;

use super::diff::{accepted_positions, diff_keys, other_provider, PersonKeys, Removed};
use super::items_json::read_entries;

/// `client.sync`'s options (the signal and `onProgress` stay in JavaScript).
pub fn sync_options(json: &str) -> Result<SyncRequest, Error> {
    let allowed = ["state", "resources", "full", "maxCredits", "maxRequests"];
    let fields = Fields::parse(json, "sync", &allowed)?;
    let full = match fields.present("full") {
        None => false,
        Some(Value::Bool(full)) => *full,
        Some(other) => {
            return Err(Error::invalid_input(
                "full",
                &format!("must be a boolean, got {}", type_name(other)),
            ))
        }
    };
    let resources = match fields.present("resources") {
        None => None,
        Some(Value::Array(names)) => {
            let mut list = Vec::with_capacity(names.len());
            for name in names {
                let resource = name.as_str().and_then(|name| Resource::parse(name).ok());
                list.push(resource.ok_or_else(|| {
                    Error::invalid_input(
                        "resources",
                        "must be an array of \"sentInvitations\", \"receivedInvitations\", \"connections\"",
                    )
                })?);
            }
            Some(list)
        }
        Some(other) => {
            return Err(Error::invalid_input(
                "resources",
                &format!("must be an array of list names, got {}", type_name(other)),
            ))
        }
    };
    Ok(SyncRequest {
        state: fields.text("state")?.map(str::to_string),
        resources,
        full,
        budgets: Budgets {
            max_items: None,
            max_credits: fields.integer("maxCredits", 0, u64::from(u32::MAX))?,
            max_requests: fields.integer("maxRequests", 1, u64::from(u32::MAX))?,
        },
    })
}

/// `diffSnapshots({ provider, before, after })` as JSON text: `changes`,
/// with each added item (and each accepted connection) given as its
/// position among `after`'s items (see [`read_entries`]), so the package
/// hands the caller back its own objects.
pub fn diff_snapshots_json(json: &str) -> Result<String, Error> {
    let fields = Fields::parse(json, "diffSnapshots", &["provider", "before", "after"])?;
    let provider = providers::find(fields.text("provider")?.unwrap_or_default())?.id();
    let with_provider = |error: Error| error.with_provider(provider);
    let before = read_entries(fields.present("before"), "before").map_err(with_provider)?;
    let after = read_entries(fields.present("after"), "after").map_err(with_provider)?;
    for (field, entries) in [("before", &before), ("after", &after)] {
        if let Some(other) = entries.iter().find(|entry| entry.provider != provider) {
            return Err(other_provider(field, other.provider, provider));
        }
    }
    let mut lists = Vec::with_capacity(3);
    for resource in [
        Resource::SentInvitations,
        Resource::ReceivedInvitations,
        Resource::Connections,
    ] {
        let known: Vec<Removed> = before
            .iter()
            .filter(|entry| entry.resource == resource)
            .filter_map(|entry| entry.known.clone())
            .collect();
        // (position in `after`, what a diff knows of it)
        let read: Vec<(usize, Option<&Removed>)> = after
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.resource == resource)
            .map(|(position, entry)| (position, entry.known.as_ref()))
            .collect();
        let keys: Vec<Option<&str>> = read
            .iter()
            .map(|(_, known)| known.map(|entry| entry.key.as_str()))
            .collect();
        let diff = diff_keys(&known, &keys);
        let added: Vec<(usize, Option<&Removed>)> = diff
            .added
            .iter()
            .filter_map(|index| read.get(*index).copied())
            .collect();
        lists.push((resource, added, diff.removed));
    }
    let mut out = String::with_capacity(256);
    let mut object = ObjectWriter::new(&mut out);
    for (resource, added, removed) in &lists {
        let positions: Vec<u64> = added.iter().map(|(position, _)| *position as u64).collect();
        object.object(resource.as_str(), |list| {
            list.field("added", &positions).field("removed", removed);
        });
    }
    let (sent_removed, connections_added) = match lists.as_slice() {
        [(_, _, sent), _, (_, connections, _)] => (sent.as_slice(), connections.as_slice()),
        _ => (&[][..], &[][..]),
    };
    let people: Vec<PersonKeys<'_>> = connections_added
        .iter()
        .map(|(_, known)| {
            let field = |read: fn(&Removed) -> &Option<String>| {
                known.and_then(|entry| read(entry).as_deref())
            };
            (
                field(|entry| &entry.profile_url),
                field(|entry| &entry.member_id),
            )
        })
        .collect();
    let accepted: Vec<(&Removed, u64)> = accepted_positions(sent_removed, &people)
        .into_iter()
        .filter_map(|(invitation, connection)| {
            let position = connections_added.get(connection)?.0 as u64;
            Some((sent_removed.get(invitation)?, position))
        })
        .collect();
    object.field("accepted", &AcceptedAt(&accepted));
    object.field("baseline", &false);
    object.end();
    Ok(out)
}

/// `accepted` with each connection as its position in `after`.
struct AcceptedAt<'a>(&'a [(&'a Removed, u64)]);

impl ToJson for AcceptedAt<'_> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, (invitation, connection)) in self.0.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            let mut pair = ObjectWriter::new(out);
            pair.field("invitation", *invitation)
                .field("connection", connection);
            pair.end();
        }
        out.push(']');
    }
}
