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
    /// The invitation id; for a connection, its member id where that is its
    /// key (no canonical profile URL: the URL finds it otherwise, and the
    /// state does not spend ~40 bytes a connection on a second key).
    pub id: Option<String>,
    pub name: Option<String>,
    pub profile_url: Option<String>,
    /// The person's member id, kept to match a sent invitation with the
    /// connection it became; not part of the JSON form. A state keeps a
    /// connection's only where it is its key (`id`): a connection read back
    /// from a state is never matched against, only recognised by its key.
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
    /// An invitation's record, keyed by its id.
    pub fn invitation(
        id: String,
        name: Option<String>,
        profile_url: Option<String>,
        member_id: Option<String>,
    ) -> Removed {
        Removed {
            key: id.clone(),
            id: Some(id),
            name,
            profile_url,
            member_id,
        }
    }

    /// A connection's record, keyed by its profile URL, else its member id;
    /// `None` with neither: nothing could recognise it in a later reading.
    pub fn connection(
        name: Option<String>,
        profile_url: Option<String>,
        member_id: Option<String>,
    ) -> Option<Removed> {
        let key = profile_url.clone().or_else(|| member_id.clone())?;
        Some(Removed {
            key,
            id: member_id.clone().filter(|_| profile_url.is_none()),
            name,
            profile_url,
            member_id,
        })
    }

    pub fn of_invitation(invitation: &Invitation) -> Removed {
        let person = &invitation.person;
        Removed::invitation(
            invitation.id.clone(),
            person.name.clone(),
            person.profile_url.clone(),
            person.member_id.clone(),
        )
    }

    pub fn of_connection(connection: &Connection) -> Option<Removed> {
        let person = &connection.person;
        Removed::connection(
            person.name.clone(),
            person.profile_url.clone(),
            person.member_id.clone(),
        )
    }

    pub fn of_item(item: &Item) -> Option<Removed> {
        match item {
            Item::Invitation(invitation) => Some(Removed::of_invitation(invitation)),
            Item::Connection(connection) => Removed::of_connection(connection),
        }
    }
}

/// A list's changes as positions: `added` indexes the reading, `removed`
/// holds the known entries that left it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyedDiff {
    pub added: Vec<usize>,
    pub removed: Vec<Removed>,
    /// Items of the reading without a key (left out).
    pub unkeyed: u64,
}

/// The core of every diff: what was known (`before`, in list order) against
/// the keys of a full reading (`after`, in list order). `added` are the
/// positions of the first item of each new key, `removed` the known entries
/// whose key is no longer there, in `before`'s order, each key once.
pub fn diff_keys(before: &[Removed], after: &[Option<&str>]) -> KeyedDiff {
    let known: HashSet<&str> = before.iter().map(|entry| entry.key.as_str()).collect();
    let mut present: HashSet<&str> = HashSet::with_capacity(after.len());
    let mut diff = KeyedDiff::default();
    for (position, key) in after.iter().enumerate() {
        match key {
            Some(key) => {
                if present.insert(key) && !known.contains(key) {
                    diff.added.push(position);
                }
            }
            None => diff.unkeyed += 1,
        }
    }
    let mut reported: HashSet<&str> = HashSet::new();
    for entry in before {
        let key = entry.key.as_str();
        if !present.contains(key) && reported.insert(key) {
            diff.removed.push(entry.clone());
        }
    }
    diff
}

/// [`diff_keys`] over items: the added items themselves, and how many had no key.
pub fn diff_list<T: Clone>(
    before: &[Removed],
    after: &[T],
    key: fn(&T) -> Option<&str>,
) -> (ListChanges<T>, u64) {
    let keys: Vec<Option<&str>> = after.iter().map(key).collect();
    let diff = diff_keys(before, &keys);
    let added = diff
        .added
        .iter()
        .filter_map(|position| after.get(*position).cloned())
        .collect();
    let changes = ListChanges {
        added,
        removed: diff.removed,
    };
    (changes, diff.unkeyed)
}

/// Who a connection is, to match an invitation with: its canonical profile
/// URL and its member id.
pub type PersonKeys<'p> = (Option<&'p str>, Option<&'p str>);

/// Pairs (by position) each removed sent invitation with the first added
/// connection to the same person: by canonical profile URL, else by member
/// id. Both lists are a sync's worth of changes, so a scan beats a map in
/// code size.
pub fn accepted_positions(
    sent_removed: &[Removed],
    added: &[PersonKeys<'_>],
) -> Vec<(usize, usize)> {
    let find = |by_url: bool, value: Option<&str>| {
        let value = value?;
        added
            .iter()
            .position(|(url, member)| if by_url { *url } else { *member } == Some(value))
    };
    sent_removed
        .iter()
        .enumerate()
        .filter_map(|(index, invitation)| {
            let found = find(true, invitation.profile_url.as_deref())
                .or_else(|| find(false, invitation.member_id.as_deref()))?;
            Some((index, found))
        })
        .collect()
}

/// [`accepted_positions`] over connections: the pairs themselves.
pub fn accepted(sent_removed: &[Removed], connections_added: &[Connection]) -> Vec<Accepted> {
    let people: Vec<PersonKeys<'_>> = connections_added
        .iter()
        .map(|connection| {
            let person = &connection.person;
            (person.profile_url.as_deref(), person.member_id.as_deref())
        })
        .collect();
    accepted_positions(sent_removed, &people)
        .into_iter()
        .filter_map(|(invitation, connection)| {
            Some(Accepted {
                invitation: sent_removed.get(invitation)?.clone(),
                connection: connections_added.get(connection)?.clone(),
            })
        })
        .collect()
}

/// The error for a snapshot holding an item of another provider.
pub fn other_provider(field: &str, other: &str, provider: &'static str) -> Error {
    Error::invalid_input(
        field,
        &format!(
            "holds an item read from {}; diffSnapshots compares readings of {} only",
            crate::json::quoted(other),
            crate::json::quoted(provider)
        ),
    )
    .with_provider(provider)
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
            return Err(other_provider(field, other, provider.id()));
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
