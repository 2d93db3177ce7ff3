//! `Client::sync` (SPEC §8) against a fake network on every provider: the
//! baseline, changes at the incremental floor, acceptances, full syncs,
//! budget cuts that lose and repeat nothing, and states refused before
//! anything is sent.

mod support;
mod sync_support;

use linkedin_network::client::budget::{Budgets, StopReason};
use sync_support::network::PROVIDERS;
#[path = "sync_support/client.rs"]
mod sync_client_support;
use sync_client_support::*;

#[test]
fn the_fake_network_speaks_every_registered_provider() {
    let registered: Vec<&str> = linkedin_network::providers::all()
        .iter()
        .map(|provider| provider.id())
        .collect();
    assert_eq!(registered, PROVIDERS);
}

#[test]
fn a_first_sync_is_the_baseline_of_every_list() {
    for provider in PROVIDERS {
        let s = setup(provider, 130, 23, 4);
        let result = s.sync_ok(None);
        let [sent, received, connections] = s.network.truth();
        assert!(result.changes.baseline);
        assert_eq!(ids(&result.changes.sent_invitations.added), sent);
        assert_eq!(ids(&result.changes.received_invitations.added), received);
        assert_eq!(urls(&result.changes.connections.added), connections);
        assert!(result.changes.accepted.is_empty());
        assert_eq!(result.stop_reason, StopReason::End);
        assert_eq!(result.credits_used, s.network.charged(), "{provider}");
        assert_eq!(result.requests, s.network.served());
        assert!(result
            .last_full_sync_at
            .as_deref()
            .unwrap()
            .starts_with("1970-01-01T00:00:"));
        assert!(result.state.starts_with("lns1.") && !result.state.contains("CANARY"));
    }
}

#[test]
fn no_change_costs_one_call_of_connections_at_the_floor() {
    for (provider, credits) in [
        ("linkup-v2", 1),
        ("linkup-v1", 1),
        ("connectsafely", 0),
        ("unipile", 0),
    ] {
        let s = setup(provider, 1201, 145, 26);
        let first = s.sync_ok(None);
        let before = s.network.connections_cost();
        let (charged, served) = (s.network.charged(), s.network.served());
        let second = s.sync_ok(Some(&first.state));
        let after = s.network.connections_cost();
        assert_eq!(
            (after.0 - before.0, after.1 - before.1),
            (1, credits),
            "{provider}"
        );
        assert_eq!(second.credits_used, s.network.charged() - charged);
        assert_eq!(second.requests, s.network.served() - served);
        let changes = &second.changes;
        assert!(!changes.baseline);
        assert!(
            changes.sent_invitations.added.is_empty()
                && changes.sent_invitations.removed.is_empty()
        );
        assert!(
            changes.connections.added.is_empty() && changes.received_invitations.added.is_empty()
        );
        assert_eq!(second.last_full_sync_at, first.last_full_sync_at);
    }
}

#[test]
fn a_week_of_changes_is_reported_once_with_the_acceptance() {
    for provider in PROVIDERS {
        let s = setup(provider, 300, 40, 6);
        let first = s.sync_ok(None);
        let invited = s.network.invite(2);
        let accepted_id = s.network.accept(5);
        let withdrawn = s.network.withdraw(10);
        let connected = s.network.connect(3);
        let received = s.network.receive(1);
        let answered = s.network.answer_received(3);
        let before = s.network.connections_cost();
        let second = s.sync_ok(Some(&first.state));
        let changes = &second.changes;
        assert_eq!(ids(&changes.sent_invitations.added), invited, "{provider}");
        let removed: Vec<&str> = changes
            .sent_invitations
            .removed
            .iter()
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(
            removed,
            [accepted_id.as_str(), withdrawn.as_str()],
            "{provider}"
        );
        assert_eq!(ids(&changes.received_invitations.added), received);
        assert_eq!(changes.received_invitations.removed[0].key, answered);
        let added = urls(&changes.connections.added);
        assert_eq!(added[..3], connected[..], "{provider}");
        assert_eq!(
            added.len(),
            4,
            "the accepted person is a new connection too"
        );
        assert_eq!(changes.accepted.len(), 1, "{provider}");
        assert_eq!(changes.accepted[0].invitation.key, accepted_id);
        assert_eq!(
            changes.accepted[0].connection.person.profile_url.as_deref(),
            Some(added[3].as_str())
        );
        let after = s.network.connections_cost();
        assert_eq!(
            after.0 - before.0,
            1,
            "{provider}: 4 new connections, one call"
        );
        let third = s.sync_ok(Some(&second.state));
        assert!(third.changes.connections.added.is_empty() && third.changes.accepted.is_empty());
        assert!(third.changes.sent_invitations.removed.is_empty());
    }
}

#[test]
fn sixty_new_connections_on_linkup_v2_cost_two_credits() {
    let s = setup("linkup-v2", 1201, 10, 2);
    let first = s.sync_ok(None);
    let connected = s.network.connect(60);
    let before = s.network.connections_cost();
    let second = s.sync_ok(Some(&first.state));
    assert_eq!(urls(&second.changes.connections.added), connected);
    let after = s.network.connections_cost();
    assert_eq!((after.0 - before.0, after.1 - before.1), (2, 2));
}

#[test]
fn a_full_sync_reports_removed_connections_and_sets_last_full_sync_at() {
    for provider in PROVIDERS {
        let s = setup(provider, 150, 5, 2);
        let first = s.sync_ok(None);
        let gone = [s.network.disconnect(7), s.network.disconnect(70)];
        let head = s.sync_ok(Some(&first.state));
        assert!(
            head.changes.connections.removed.is_empty(),
            "a head read cannot see removals"
        );
        let full = s.sync(Some(&head.state), true, Budgets::default()).unwrap();
        let removed: Vec<&str> = full
            .changes
            .connections
            .removed
            .iter()
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(
            removed,
            gone.iter().map(String::as_str).collect::<Vec<_>>(),
            "{provider}"
        );
        assert!(full
            .changes
            .connections
            .removed
            .iter()
            .all(|r| r.name.is_some()
                && r.profile_url.as_deref() == Some(r.key.as_str())
                && r.id.is_none()));
        assert_eq!(head.last_full_sync_at, first.last_full_sync_at);
        assert!(
            full.last_full_sync_at > head.last_full_sync_at,
            "{:?}",
            full.last_full_sync_at
        );
    }
}

#[test]
fn a_state_costs_at_most_64_bytes_per_known_item_at_1201_connections_on_every_provider() {
    for provider in PROVIDERS {
        let s = setup(provider, 1201, 145, 26);
        let first = s.sync_ok(None);
        let per_item = first.state.len() as f64 / (1201 + 145 + 26) as f64;
        println!(
            "{provider}: {per_item:.1} bytes per known item ({} bytes)",
            first.state.len()
        );
        assert!(per_item <= 64.0, "{provider}: {per_item:.1}");
    }
}
