//! Folding one list's reading into the sync state and the changes it
//! reports: a full reading replaces what was known, a head reading adds
//! to it, a baseline (or the rest of one) appends to what an earlier sync
//! kept.

use std::collections::HashSet;

use crate::model::{Connection, Invitation, Item};
use crate::query::Resource;
use crate::sync::diff::{
    connection_item_key, diff_list, invitation_key, Changes, ListChanges, Removed,
};
use crate::sync::SyncState;

use super::read::{unkeyed_warning, ListRead};
use super::Mode;

/// The state's entries for a reading, in list order, each key once.
fn known_of(entries: impl Iterator<Item = Removed>) -> Vec<Removed> {
    let mut seen = HashSet::new();
    entries
        .filter(|entry| seen.insert(entry.key.clone()))
        .collect()
}

fn invitations(items: Vec<Item>) -> Vec<Invitation> {
    items
        .into_iter()
        .filter_map(|item| match item {
            Item::Invitation(invitation) => Some(invitation),
            Item::Connection(_) => None,
        })
        .collect()
}

fn connections(items: Vec<Item>) -> Vec<Connection> {
    items
        .into_iter()
        .filter_map(|item| match item {
            Item::Connection(connection) => Some(connection),
            Item::Invitation(_) => None,
        })
        .collect()
}

/// Folds one list's reading into the state and the changes.
pub(super) fn commit(
    state: &mut SyncState,
    resource: Resource,
    mode: Mode,
    read: ListRead,
    changes: &mut Changes,
    warnings: &mut Vec<String>,
    now_ms: i64,
) {
    let before = state.known(resource).unwrap_or_default().to_vec();
    let complete = read.stopped.is_none();
    if mode == Mode::Baseline {
        // The rest of the list after what an earlier sync already kept.
        state.set_pending(resource, (!complete).then_some(read.cursor));
        if resource == Resource::Connections && complete {
            state.last_full_sync_at = Some(now_ms);
        }
    }
    match resource {
        Resource::SentInvitations | Resource::ReceivedInvitations => {
            let read = invitations(read.items);
            let (mut diff, _) = diff_list(&before, &read, invitation_key);
            let known = match mode {
                Mode::Baseline => {
                    diff.removed.clear();
                    let added = diff.added.iter().map(Removed::of_invitation);
                    known_of(before.iter().cloned().chain(added))
                }
                _ => known_of(read.iter().map(Removed::of_invitation)),
            };
            state.set_known(resource, known);
            let slot = if resource == Resource::SentInvitations {
                &mut changes.sent_invitations
            } else {
                &mut changes.received_invitations
            };
            *slot = diff;
        }
        Resource::Connections => {
            let read = connections(read.items);
            let (diff, known) = match mode {
                Mode::Full => {
                    let (diff, unkeyed) = diff_list(&before, &read, connection_item_key);
                    warnings.extend(unkeyed_warning(resource, unkeyed));
                    state.last_full_sync_at = Some(now_ms);
                    let known = known_of(read.iter().filter_map(Removed::of_connection));
                    (diff, known)
                }
                Mode::Baseline => {
                    let (mut diff, unkeyed) = diff_list(&before, &read, connection_item_key);
                    warnings.extend(unkeyed_warning(resource, unkeyed));
                    diff.removed.clear();
                    let added = diff.added.iter().filter_map(Removed::of_connection);
                    let known = known_of(before.iter().cloned().chain(added));
                    (diff, known)
                }
                Mode::Head => {
                    let added = read.iter().filter_map(Removed::of_connection);
                    let known = known_of(added.chain(before.iter().cloned()));
                    let diff = ListChanges {
                        added: read,
                        removed: Vec::new(),
                    };
                    (diff, known)
                }
            };
            state.set_known(resource, known);
            changes.connections = diff;
        }
    }
}
