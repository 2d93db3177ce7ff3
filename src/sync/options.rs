//! `sync` and `diffSnapshots` options read from their JSON form, strictly
//! (unknown keys and wrong types are `INVALID_INPUT` naming the field), and
//! `diffSnapshots` itself over JSON text for the package.

use crate::client::budget::Budgets;
use crate::client::sync::SyncRequest;
use crate::error::Error;
use crate::json::{type_name, ObjectWriter, ToJson, Value};
use crate::model::{Direction, Invitation, Item};
use crate::options::Fields;
use crate::providers;
use crate::query::Resource;

use super::diff::{connection_key, diff_snapshots, item_key, Removed, Snapshot};
use super::items_json::read_items;

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
/// position among `after`'s items (see [`read_items`]), so the package
/// hands the caller back its own objects.
pub fn diff_snapshots_json(json: &str) -> Result<String, Error> {
    let fields = Fields::parse(json, "diffSnapshots", &["provider", "before", "after"])?;
    let provider = providers::find(fields.text("provider")?.unwrap_or_default())?;
    let with_provider = |error: Error| error.with_provider(provider.id());
    let before = read_items(fields.present("before"), "before").map_err(with_provider)?;
    let after = read_items(fields.present("after"), "after").map_err(with_provider)?;
    let before = Snapshot::from_items(before);
    let changes = diff_snapshots(provider, &before, &Snapshot::from_items(after.clone()))?;
    let invitation_keys = |added: &[Invitation]| -> Vec<String> {
        added
            .iter()
            .map(|invitation| invitation.id.clone())
            .collect()
    };
    let sent = positions_of(
        &after,
        Resource::SentInvitations,
        &invitation_keys(&changes.sent_invitations.added),
    );
    let received = positions_of(
        &after,
        Resource::ReceivedInvitations,
        &invitation_keys(&changes.received_invitations.added),
    );
    let connection_keys: Vec<String> = changes
        .connections
        .added
        .iter()
        .filter_map(|connection| connection_key(&connection.person).map(str::to_string))
        .collect();
    let connections = positions_of(&after, Resource::Connections, &connection_keys);
    let mut out = String::with_capacity(256);
    let mut object = ObjectWriter::new(&mut out);
    for (name, added, removed) in [
        ("sentInvitations", &sent, &changes.sent_invitations.removed),
        (
            "receivedInvitations",
            &received,
            &changes.received_invitations.removed,
        ),
        ("connections", &connections, &changes.connections.removed),
    ] {
        object.object(name, |list| {
            list.field("added", added).field("removed", removed);
        });
    }
    let accepted: Vec<(&Removed, u64)> = changes
        .accepted
        .iter()
        .filter_map(|pair| {
            let key = connection_key(&pair.connection.person);
            let index = changes
                .connections
                .added
                .iter()
                .position(|added| connection_key(&added.person) == key)?;
            Some((&pair.invitation, *connections.get(index)?))
        })
        .collect();
    object.field("accepted", &AcceptedAt(&accepted));
    object.field("baseline", &changes.baseline);
    object.end();
    Ok(out)
}

/// The positions in `after` of `resource`'s items keyed `added`, in order:
/// `added` holds the first item of each new key, in list order, so one
/// pass matches them.
fn positions_of(after: &[Item], resource: Resource, added: &[String]) -> Vec<u64> {
    let mut wanted = added.iter().peekable();
    let mut found = Vec::with_capacity(added.len());
    for (index, item) in after.iter().enumerate() {
        let Some(key) = wanted.peek() else {
            break;
        };
        let listed = match item {
            Item::Invitation(invitation) => match invitation.direction {
                Direction::Sent => Resource::SentInvitations,
                Direction::Received => Resource::ReceivedInvitations,
            },
            Item::Connection(_) => Resource::Connections,
        };
        if listed == resource && item_key(item) == Some(key.as_str()) {
            found.push(index as u64);
            wanted.next();
        }
    }
    found
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
