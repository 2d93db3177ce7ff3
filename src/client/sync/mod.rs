//! `sync` (SPEC §8): what changed since the state a previous sync returned,
//! at the price of the change. Connections are read from the head until the
//! first known one, unless `full`; invitation lists too, where their total
//! proves that nothing else left them (`sync::proof`: their `removed` stays
//! exact), else in full — unless the head's one page held the whole list,
//! which is a full reading at the head's price; the first sync of a list
//! reads it in full (its baseline). Lists are read received invitations, connections, sent
//! invitations: the acceptances the connections show explain what left the
//! sent list before its total is judged.
//!
//! ```text
//!  no baseline ──read in full──▶ baseline ──┬─ connections: read the head ──▶ added
//!      │    ▲                                │     (full: read in full ──▶ added, removed)
//!      │    │ a budget cut it:               └─ invitations: read the head ──┬─ total proves it ──▶ added, accepted removed
//!      ▼    │ what was read is added,              (no check, check due,     └─ otherwise: read in full ──▶ added, removed
//!   pending ┘ the state keeps a run cursor         full: read in full)
//!             and the next sync reads on from it
//! ```
//!
//! A sync cut short commits only what it read whole, but for a baseline,
//! which it keeps as far as it was read (a first read of 1,201 connections
//! on ConnectSafely takes 110 requests: more than a Worker's 50). Lists are
//! committed one by one, except sent invitations and connections once both
//! have a baseline, which are committed together: an acceptance is seen in
//! both at once (the invitation leaves, the connection arrives), so a sync
//! that read one and not the other reports neither, and the next one sees
//! the acceptance whole. What is not committed keeps its old state: its
//! changes are reported by a later sync, never lost, never twice. An error
//! or an abort is returned as such; the caller keeps its old state.

mod commit;
mod read;

use crate::client::budget::{Budgets, Spend, StopReason};
use crate::client::{CancelToken, Client, Timer, Transport};
use crate::error::Error;
use crate::json::write::json_object;
use crate::model::{Connection, Item};
use crate::normalize::time::format_iso;
use crate::query::Resource;
use crate::sync::diff::{accepted, connection_item_key, Changes};
use crate::sync::proof::{explained, proven, ListCheck};
use crate::sync::SyncState;

use std::collections::HashSet;

use commit::commit;
use read::ListRead;

/// What `sync` is asked.
#[derive(Debug, Clone, Default)]
pub struct SyncRequest {
    /// The state the last sync returned; `None` (or empty) for a first sync.
    pub state: Option<String>,
    /// Default: all three lists.
    pub resources: Option<Vec<Resource>>,
    /// Read connections in full too: reports removed connections and sets
    /// `lastFullSyncAt`.
    pub full: bool,
    /// `maxCredits` and `maxRequests` over the whole sync (`maxItems` is not used).
    pub budgets: Budgets,
}

/// `onProgress`'s argument: the list being read, its items so far (new
/// ones, on a head read), and the sync's spend so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncProgress {
    pub resource: Resource,
    pub items: u64,
    pub credits_used: u64,
    pub requests: u64,
}

impl SyncProgress {
    fn of(resource: Resource, items: usize, before: Spend, now: Spend) -> SyncProgress {
        SyncProgress {
            resource,
            items: items as u64,
            credits_used: before.credits_used + now.credits_used,
            requests: before.requests + now.requests,
        }
    }
}

/// `sync`'s result.
#[derive(Debug, Clone)]
pub struct SyncResult {
    /// Pass it to the next sync.
    pub state: String,
    pub changes: Changes,
    /// Every list asked for was read and committed.
    pub complete: bool,
    pub stop_reason: StopReason,
    pub credits_used: u64,
    pub requests: u64,
    pub warnings: Vec<String>,
    /// When connections were last read in full (ISO 8601).
    pub last_full_sync_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A list with a baseline, read in full.
    Full,
    /// Read from the head to the first known item: connections, and
    /// invitation lists whose total proved that nothing else left.
    Head,
    /// A first reading, or the rest of one a budget cut short.
    Baseline,
}

/// How a list is read this time (see the module docs).
fn mode_of(state: &SyncState, resource: Resource, full: bool, now_ms: i64) -> Mode {
    let proven = |check: ListCheck| !check.due(now_ms);
    if !state.has_baseline(resource) {
        Mode::Baseline
    } else if full {
        Mode::Full
    } else if resource == Resource::Connections || state.check(resource).is_some_and(proven) {
        Mode::Head
    } else {
        Mode::Full
    }
}

/// The connections this sync read whole that the state did not know: the
/// people whose sent invitations were accepted.
fn new_connections(reads: &[(Resource, Mode, ListRead)], state: &SyncState) -> Vec<Connection> {
    let known: HashSet<&str> = state
        .known(Resource::Connections)
        .unwrap_or_default()
        .iter()
        .map(|entry| entry.key.as_str())
        .collect();
    reads
        .iter()
        .filter(|(resource, _, read)| *resource == Resource::Connections && read.stopped.is_none())
        .flat_map(|(_, _, read)| &read.items)
        .filter_map(|item| match item {
            Item::Connection(connection) => Some(connection),
            Item::Invitation(_) => None,
        })
        .filter(|connection| {
            connection_item_key(connection).is_some_and(|key| !known.contains(key))
        })
        .cloned()
        .collect()
}

/// The lists asked for, each once, in the order they are read: connections
/// before sent invitations, so that acceptances are known when the sent
/// list's total is judged.
fn wanted(resources: Option<&[Resource]>) -> Vec<Resource> {
    let order = [
        Resource::ReceivedInvitations,
        Resource::Connections,
        Resource::SentInvitations,
    ];
    match resources {
        None => order.to_vec(),
        Some(asked) => order
            .into_iter()
            .filter(|resource| asked.contains(resource))
            .collect(),
    }
}

fn add(total: Spend, more: Spend) -> Spend {
    Spend {
        credits_used: total.credits_used + more.credits_used,
        credits_at_risk: total.credits_at_risk + more.credits_at_risk,
        credits_reserved: 0,
        requests: total.requests + more.requests,
    }
}

/// What is left of the sync's budgets after `spent`.
fn remaining(budgets: Budgets, spent: Spend) -> Budgets {
    let credits = spent.credits_used + spent.credits_at_risk;
    Budgets {
        max_items: None,
        max_credits: budgets.max_credits.map(|max| max.saturating_sub(credits)),
        max_requests: budgets
            .max_requests
            .map(|max| max.saturating_sub(spent.requests)),
    }
}

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Reads what changed since `request.state` (see the module docs).
    pub async fn sync(
        &self,
        request: SyncRequest,
        cancel: CancelToken,
        on_progress: &mut dyn FnMut(&SyncProgress),
    ) -> Result<SyncResult, Error> {
        let provider = self.shared.provider;
        let credentials = &self.shared.credentials;
        let given = request.state.as_deref().filter(|text| !text.is_empty());
        let mut state = match given {
            Some(text) => SyncState::decode(text, provider.id(), credentials)?,
            None => SyncState::new(provider.id(), credentials),
        };
        let wanted = wanted(request.resources.as_deref());
        let both = [Resource::SentInvitations, Resource::Connections];
        // Once both have a baseline, an invitation can leave as accepted.
        let linked = both
            .iter()
            .all(|resource| wanted.contains(resource) && state.has_baseline(*resource));
        let mut spent = Spend::default();
        let mut reads: Vec<(Resource, Mode, ListRead)> = Vec::new();
        let mut stop_reason = StopReason::End;
        let now = self.shared.timer.now_ms();
        for resource in wanted.iter().copied() {
            let budgets = remaining(request.budgets, spent);
            let mut mode = mode_of(&state, resource, request.full, now);
            let known = state.known(resource).unwrap_or_default();
            let outcome = match mode {
                Mode::Head => {
                    let read = self.read_head(
                        resource,
                        known,
                        budgets,
                        cancel.clone(),
                        on_progress,
                        spent,
                    );
                    read.await
                }
                Mode::Full | Mode::Baseline => {
                    let resume = state.pending(resource).map(str::to_string);
                    let read = self.read_full(
                        resource,
                        budgets,
                        cancel.clone(),
                        on_progress,
                        spent,
                        resume,
                        None,
                    );
                    read.await
                }
            };
            let charged = |mut error: Error, spent: Spend| {
                error.credits_used += spent.credits_used;
                error
            };
            let mut read = outcome.map_err(|error| charged(error, spent))?;
            let judged = mode == Mode::Head && resource.is_invitations() && read.stopped.is_none();
            let whole = if judged { read.whole.take() } else { None };
            if let Some(items) = whole {
                // One page held the whole list: a full reading, at the head's price.
                read.items = items;
                mode = Mode::Full;
            } else if judged {
                let new_connections = new_connections(&reads, &state);
                let gone = match resource {
                    Resource::SentInvitations => explained(known, &new_connections),
                    _ => Vec::new(),
                };
                if proven(known.len(), read.items.len(), gone.len(), read.total) {
                    read.explained = gone
                        .iter()
                        .filter_map(|position| known.get(*position).cloned())
                        .collect();
                } else {
                    // Something else left the list: read it whole to find what.
                    let so_far = add(spent, read.spend);
                    let full = self.read_full(
                        resource,
                        remaining(request.budgets, so_far),
                        cancel.clone(),
                        on_progress,
                        so_far,
                        None,
                        None,
                    );
                    let mut full = full.await.map_err(|error| charged(error, so_far))?;
                    full.spend = add(read.spend, full.spend);
                    read.warnings.append(&mut full.warnings);
                    full.warnings = read.warnings;
                    read = full;
                    mode = Mode::Full;
                }
            }
            spent = add(spent, read.spend);
            let stopped = read.stopped;
            reads.push((resource, mode, read));
            if let Some(reason) = stopped {
                stop_reason = reason;
                break;
            }
        }
        let whole: Vec<Resource> = reads
            .iter()
            .filter(|(_, _, read)| read.stopped.is_none())
            .map(|(resource, _, _)| *resource)
            .collect();
        let paired = |resource: Resource| {
            !linked || !both.contains(&resource) || both.iter().all(|r| whole.contains(r))
        };
        let committed = |resource: Resource, mode: Mode| {
            (mode == Mode::Baseline || whole.contains(&resource)) && paired(resource)
        };
        let mut changes = Changes::default();
        let mut warnings = Vec::new();
        let mut any = false;
        let mut done = Vec::new();
        for (resource, mode, read) in reads {
            warnings.extend(read.warnings.iter().cloned());
            if !committed(resource, mode) {
                warnings.push(match read.stopped {
                    Some(reason) => format!(
                        "{} was not read to its end before {} was reached; nothing of it was kept: the next sync reads it again",
                        resource.as_str(),
                        reason.as_str()
                    ),
                    None => format!(
                        "{} was read but not kept: sent invitations and connections are kept together (an acceptance shows in both) and the other was cut short; the next sync reads it again",
                        resource.as_str()
                    ),
                });
                continue;
            }
            any = true;
            if read.stopped.is_none() {
                done.push(resource);
            }
            let now = self.shared.timer.now_ms();
            changes.baseline |= mode == Mode::Baseline;
            commit(
                &mut state,
                resource,
                mode,
                read,
                &mut changes,
                &mut warnings,
                now,
            );
        }
        if linked && both.iter().all(|resource| done.contains(resource)) {
            changes.accepted = accepted(
                &changes.sent_invitations.removed,
                &changes.connections.added,
            );
        }
        let complete = wanted.iter().all(|resource| done.contains(resource));
        let state_text = match given {
            Some(text) if !any => text.to_string(),
            _ => state.encode(credentials),
        };
        Ok(SyncResult {
            state: state_text,
            changes,
            complete,
            stop_reason: if complete {
                StopReason::End
            } else {
                stop_reason
            },
            credits_used: spent.credits_used,
            requests: spent.requests,
            warnings,
            last_full_sync_at: state.last_full_sync_at.map(format_iso),
        })
    }
}

json_object!(SyncProgress, |this| {
    "resource" => this.resource.as_str(),
    "items" => this.items,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
});

json_object!(SyncResult, |this| {
    "state" => this.state,
    "changes" => this.changes,
    "complete" => this.complete,
    "stopReason" => this.stop_reason,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "warnings" => this.warnings,
    "lastFullSyncAt" => this.last_full_sync_at,
});
