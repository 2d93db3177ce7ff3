//! What changed between two readings of the same lists (SPEC §8), pure:
//! items are keyed (invitations by id, connections by canonical profile URL,
//! else member id); what appeared is `added`, what left is `removed` (as
//! the [`Removed`] record a sync state keeps), and a sent invitation that
//! left while a connection with the same person appeared is `accepted`.
//!
//! `accepted` annotates the other two: the invitation is also in
//! `sentInvitations.removed` and the connection in `connections.added`, so a
//! caller that only applies `added` and `removed` to its store misses nothing.

use std::collections::HashSet;

use crate::error::Error;
use crate::json::write::json_object;
use crate::model::{Connection, Direction, Invitation, Item, Person};
use crate::providers::Provider;

/// What a caller needs to find an item that left a list in its own store:
/// the sync state keeps exactly this for every item it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The item's key: the invitation id, or the connection's canonical
    /// profile URL (else its member id).
    pub key: String,
    /// The invitation id; for a connection, its member id where known.
    pub id: Option<String>,
    pub name: Option<String>,
    pub profile_url: Option<String>,
    /// The person's member id, kept to match a sent invitation with the
    /// connection it became; not part of the JSON form (for a connection it
    /// is `id`).
    pub member_id: Option<String>,
}

/// One list's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListChanges<T> {
    pub added: Vec<T>,
    pub removed: Vec<Removed>,
}

impl<T> Default for ListChanges<T> {
    fn default() -> Self {
        ListChanges {
            added: Vec::new(),
            removed: Vec::new(),
        }
    }
}

/// A sent invitation that became a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub invitation: Removed,
    pub connection: Connection,
}

/// `changes` of a sync result and of `diffSnapshots`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub sent_invitations: ListChanges<Invitation>,
    pub received_invitations: ListChanges<Invitation>,
    pub connections: ListChanges<Connection>,
    pub accepted: Vec<Accepted>,
    /// A first reading: everything read is in `added`.
    pub baseline: bool,
}

/// The three lists as read at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub sent_invitations: Vec<Invitation>,
    pub received_invitations: Vec<Invitation>,
    pub connections: Vec<Connection>,
}

impl Snapshot {
    /// Sorts mixed items into their lists: invitations by direction.
    pub fn from_items(items: Vec<Item>) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for item in items {
            match item {
                Item::Invitation(invitation) => match invitation.direction {
                    Direction::Sent => snapshot.sent_invitations.push(invitation),
                    Direction::Received => snapshot.received_invitations.push(invitation),
                },
                Item::Connection(connection) => snapshot.connections.push(connection),
            }
        }
        snapshot
    }

    fn providers(&self) -> impl Iterator<Item = &'static str> + '_ {
        let invitations = self
            .sent_invitations
            .iter()
            .chain(&self.received_invitations)
            .map(|invitation| invitation.provider);
        invitations.chain(
            self.connections
                .iter()
                .map(|connection| connection.provider),
        )
    }
}

/// A connection's key: its canonical profile URL, else its member id.
pub fn connection_key(person: &Person) -> Option<&str> {
    person
        .profile_url
        .as_deref()
        .or(person.member_id.as_deref())
}

/// An invitation's key: its id.
pub fn invitation_key(invitation: &Invitation) -> Option<&str> {
    Some(invitation.id.as_str())
}

/// A connection's key (see [`connection_key`]).
pub fn connection_item_key(connection: &Connection) -> Option<&str> {
    connection_key(&connection.person)
}

/// The key an item is known by in a sync state.
pub fn item_key(item: &Item) -> Option<&str> {
    match item {
        Item::Invitation(invitation) => Some(invitation.id.as_str()),
        Item::Connection(connection) => connection_key(&connection.person),
    }
}

impl Removed {
    pub fn of_invitation(invitation: &Invitation) -> Removed {
        Removed {
            key: invitation.id.clone(),
            id: Some(invitation.id.clone()),
            name: invitation.person.name.clone(),
            profile_url: invitation.person.profile_url.clone(),
            member_id: invitation.person.member_id.clone(),
        }
    }

    /// `None` for a connection with neither a profile URL nor a member id:
    /// nothing could recognise it in a later reading.
    pub fn of_connection(connection: &Connection) -> Option<Removed> {
        let person = &connection.person;
        Some(Removed {
            key: connection_key(person)?.to_string(),
            id: person.member_id.clone(),
            name: person.name.clone(),
            profile_url: person.profile_url.clone(),
            member_id: person.member_id.clone(),
        })
    }

    pub fn of_item(item: &Item) -> Option<Removed> {
        match item {
            Item::Invitation(invitation) => Some(Removed::of_invitation(invitation)),
            Item::Connection(connection) => Removed::of_connection(connection),
        }
    }
}

/// A list's changes between what was known (`before`, in list order) and a
/// full reading of it (`after`): `added` in list order (a key seen twice
/// counts once), `removed` in `before`'s order. Items `key` cannot key are
/// left out and counted in the second value.
pub fn diff_list<T: Clone>(
    before: &[Removed],
    after: &[T],
    key: impl Fn(&T) -> Option<&str>,
) -> (ListChanges<T>, u64) {
    let known: HashSet<&str> = before.iter().map(|entry| entry.key.as_str()).collect();
    let mut present: HashSet<&str> = HashSet::with_capacity(after.len());
    let mut changes = ListChanges::default();
    let mut unkeyed = 0;
    for item in after {
        match key(item) {
            Some(item_key) => {
                if present.insert(item_key) && !known.contains(item_key) {
                    changes.added.push(item.clone());
                }
            }
            None => unkeyed += 1,
        }
    }
    let mut reported: HashSet<&str> = HashSet::new();
    for entry in before {
        let key = entry.key.as_str();
        if !present.contains(key) && reported.insert(key) {
            changes.removed.push(entry.clone());
        }
    }
    (changes, unkeyed)
}

/// Pairs each removed sent invitation with an added connection to the same
/// person: by canonical profile URL, else by member id. Both lists are a
/// sync's worth of changes (tens), so a scan beats a map in code size.
pub fn accepted(sent_removed: &[Removed], connections_added: &[Connection]) -> Vec<Accepted> {
    let find = |field: fn(&Person) -> Option<&str>, value: Option<&str>| {
        let value = value?;
        connections_added
            .iter()
            .find(|connection| field(&connection.person) == Some(value))
    };
    sent_removed
        .iter()
        .filter_map(|invitation| {
            let connection = find(
                |p| p.profile_url.as_deref(),
                invitation.profile_url.as_deref(),
            )
            .or_else(|| find(|p| p.member_id.as_deref(), invitation.member_id.as_deref()))?;
            Some(Accepted {
                invitation: invitation.clone(),
                connection: connection.clone(),
            })
        })
        .collect()
}

/// `diffSnapshots`: the changes from `before` to `after`, both read from
/// `provider`. An item of another provider is `INVALID_INPUT`: providers
/// fill different fields (one sends member ids, another only URLs), so
/// keys across two of them would report everything as removed and added.
pub fn diff_snapshots(
    provider: &dyn Provider,
    before: &Snapshot,
    after: &Snapshot,
) -> Result<Changes, Error> {
    for (field, snapshot) in [("before", before), ("after", after)] {
        if let Some(other) = snapshot.providers().find(|id| *id != provider.id()) {
            return Err(Error::invalid_input(
                field,
                &format!(
                    "holds an item read from {}; diffSnapshots compares readings of {} only",
                    crate::json::quoted(other),
                    crate::json::quoted(provider.id())
                ),
            )
            .with_provider(provider.id()));
        }
    }
    let known_invitations =
        |list: &[Invitation]| list.iter().map(Removed::of_invitation).collect::<Vec<_>>();
    let (sent, _) = diff_list(
        &known_invitations(&before.sent_invitations),
        &after.sent_invitations,
        invitation_key,
    );
    let (received, _) = diff_list(
        &known_invitations(&before.received_invitations),
        &after.received_invitations,
        invitation_key,
    );
    let known_connections: Vec<Removed> = before
        .connections
        .iter()
        .filter_map(Removed::of_connection)
        .collect();
    let (connections, _) = diff_list(&known_connections, &after.connections, connection_item_key);
    Ok(Changes {
        accepted: accepted(&sent.removed, &connections.added),
        sent_invitations: sent,
        received_invitations: received,
        connections,
        baseline: false,
    })
}

json_object!(Removed, |this| {
    "key" => this.key,
    "id" => this.id,
    "name" => this.name,
    "profileUrl" => this.profile_url,
});

impl<T: crate::json::ToJson> crate::json::ToJson for ListChanges<T> {
    fn write_json(&self, out: &mut String) {
        let mut object = crate::json::ObjectWriter::new(out);
        object
            .field("added", &self.added)
            .field("removed", &self.removed);
        object.end();
    }
}

json_object!(Accepted, |this| {
    "invitation" => this.invitation,
    "connection" => this.connection,
});

json_object!(Changes, |this| {
    "sentInvitations" => this.sent_invitations,
    "receivedInvitations" => this.received_invitations,
    "connections" => this.connections,
    "accepted" => this.accepted,
    "baseline" => this.baseline,
});
