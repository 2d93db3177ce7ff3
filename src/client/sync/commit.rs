//! Folding one list's reading into the sync state and the changes it
//! reports: a full reading replaces what was known (and, for an invitation
//! list, gives it a count check when it held as many items as the total
//! said), a head reading adds to it (for an invitation list, less what was
//! accepted), a baseline (or the rest of one) appends to what an earlier
//! sync kept.

use std::collections::HashSet;

use crate::model::{Connection, Invitation, Item};
use crate::query::Resource;
use crate::sync::diff::{
    connection_item_key, diff_list, invitation_key, Changes, ListChanges, Removed,
};
use crate::sync::proof::ListCheck;
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
    let resumed = state.pending(resource).is_some();
    if mode == Mode::Baseline {
        // The rest of the list after what an earlier sync already kept.
        state.set_pending(resource, (!complete).then_some(read.cursor));
        if resource == Resource::Connections && complete {
            state.last_full_sync_at = Some(now_ms);
        }
    }
    match resource {
        Resource::SentInvitations | Resource::ReceivedInvitations => {
            let (total, explained) = (read.total, read.explained);
            let read = invitations(read.items);
            let (diff, known, check) = match mode {
                Mode::Head => {
                    // Proven by the total: the new items, and the known ones
                    // but those accepted.
                    let gone: HashSet<&str> = explained.iter().map(|e| e.key.as_str()).collect();
                    let added = read.iter().map(Removed::of_invitation);
                    let kept = before.iter().filter(|e| !gone.contains(e.key.as_str()));
                    let known = known_of(added.chain(kept.cloned()));
                    let check = state.check(resource).map(ListCheck::after_head_read);
                    let diff = ListChanges {
                        added: read,
                        removed: explained,
                    };
                    (diff, known, check)
                }
                Mode::Full => {
                    let (diff, _) = diff_list(&before, &read, invitation_key);
                    let known = known_of(read.iter().map(Removed::of_invitation));
                    let check = ListCheck::after_full_read(known.len(), total, now_ms);
                    (diff, known, check)
                }
                Mode::Baseline => {
                    let (mut diff, _) = diff_list(&before, &read, invitation_key);
                    diff.removed.clear();
                    let added = diff.added.iter().map(Removed::of_invitation);
                    let known = known_of(before.iter().cloned().chain(added));
                    // Only a baseline read whole in one sync counts as a full reading.
                    let check = (complete && !resumed)
                        .then(|| ListCheck::after_full_read(known.len(), total, now_ms))
                        .flatten();
                    (diff, known, check)
                }
            };
            state.set_known(resource, known);
            state.set_check(resource, check);
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
