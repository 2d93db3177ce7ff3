//! The sync state (SPEC §8): round trip, binding to provider and account,
//! strict decoding, and its size at 1,201 connections.

mod support;
mod sync_support;

use linkedin_network::error::ErrorCode;
use linkedin_network::model::Direction;
use linkedin_network::query::{Credentials, Resource};
use linkedin_network::sync::{Removed, SyncState};
use sync_support::{connection_of, human, invitation_id, invitation_of, Rng};

const PROVIDER: &str = "linkup-v2";

fn credentials(key: &str, account: &str) -> Credentials {
    Credentials {
        api_key: Some(key.into()),
        account_id: Some(account.into()),
        ..Credentials::default()
    }
}

/// The emulator's default network: 1,201 connections, 145 sent and 26 received.
fn realistic_state(credentials: &Credentials) -> SyncState {
    let mut rng = Rng(2026);
    let mut number = 0;
    let mut next = |rng: &mut Rng| {
        number += 1;
        (number, human(rng, number))
    };
    let mut state = SyncState::new(PROVIDER, credentials);
    let connections: Vec<Removed> = (0..1201)
        .map(|_| Removed::of_connection(&connection_of(&next(&mut rng).1, PROVIDER)).unwrap())
        .collect();
    let mut invitations = |count, direction| -> Vec<Removed> {
        (0..count)
            .map(|_| {
                let (n, person) = next(&mut rng);
                Removed::of_invitation(&invitation_of(
                    &invitation_id(n),
                    direction,
                    &person,
                    PROVIDER,
                ))
            })
            .collect()
    };
    let sent = invitations(145, Direction::Sent);
    let received = invitations(26, Direction::Received);
    state.set_known(Resource::SentInvitations, sent);
    state.set_known(Resource::ReceivedInvitations, received);
    state.set_known(Resource::Connections, connections);
    state.last_full_sync_at = Some(1_777_199_700_000);
    state
}

#[test]
fn a_state_round_trips_exactly_and_holds_no_secret() {
    let keys = credentials("sk_live_CANARY_KEY_42", "acct-CANARY/9");
    let state = realistic_state(&keys);
    let text = state.encode(&keys);
    assert!(text.starts_with("lns1."));
    assert!(!text.contains("CANARY"));
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "JSON- and storage-safe"
    );
    let back = SyncState::decode(&text, PROVIDER, &keys).unwrap();
    assert_eq!(back, state);
    assert_eq!(back.encode(&keys), text);
    // Slug-less (member-id) and non-ASCII profiles came back exactly.
    let connections = back.known(Resource::Connections).unwrap();
    assert!(connections
        .iter()
        .any(|c| c.member_id.is_some() && c.id == c.member_id));
    assert!(connections
        .iter()
        .any(|c| c.profile_url.as_deref().unwrap().contains('%')));
}

#[test]
fn a_state_costs_at_most_64_bytes_per_known_item_at_1201_connections() {
    let keys = credentials("key", "acct");
    let state = realistic_state(&keys);
    let all = state.encode(&keys).len() as f64 / state.known_items() as f64;
    let mut only_connections = state.clone();
    only_connections.lists[0] = None;
    only_connections.lists[1] = None;
    let connections = only_connections.encode(&keys).len() as f64 / 1201.0;
    println!(
        "sync state: {:.1} bytes per known item over 1,372 items; {connections:.1} per connection over 1,201 ({} bytes)",
        all,
        only_connections.encode(&keys).len()
    );
    assert!(all <= 64.0, "{all}");
    assert!(connections <= 64.0, "{connections}");
}

#[test]
fn a_state_of_another_provider_or_account_or_key_is_refused_naming_state() {
    let keys = credentials("key-1", "acct-1");
    let text = realistic_state(&keys).encode(&keys);
    let refused = |provider: &'static str, credentials: &Credentials| {
        let error = SyncState::decode(&text, provider, credentials).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.starts_with("state "), "{}", error.message);
        assert_eq!(error.provider, Some(provider));
        error.message
    };
    assert!(refused("linkup-v1", &keys).contains("was issued for \"linkup-v2\""));
    assert!(refused(PROVIDER, &credentials("key-1", "acct-2")).contains("another account"));
    assert!(refused(PROVIDER, &credentials("key-2", "acct-1")).contains("API key"));
}

#[test]
fn a_forged_truncated_or_malformed_state_is_refused_without_panicking() {
    let keys = credentials("key-1", "acct-1");
    let mut small = SyncState::new(PROVIDER, &keys);
    let mut rng = Rng(3);
    small.set_known(
        Resource::Connections,
        vec![Removed::of_connection(&connection_of(&human(&mut rng, 1), PROVIDER)).unwrap()],
    );
    let text = small.encode(&keys);
    let mut cases: Vec<String> = vec![
        String::new(),
        "lns1.".into(),
        "lns0.AAAA".into(),
        "lnc2.AAAA".into(),
        "lns1.!!!!".into(),
        format!("{text}A"),
        format!("{text}="),
    ];
    for cut in 1..text.len() {
        cases.push(text[..cut].to_string());
    }
    // Every single-character edit of the body.
    for position in 5..text.len() {
        for replacement in ['A', 'z', '-', '_'] {
            let mut edited: Vec<char> = text.chars().collect();
            if edited[position] != replacement {
                edited[position] = replacement;
                cases.push(edited.into_iter().collect());
            }
        }
    }
    for case in &cases {
        let error = SyncState::decode(case, PROVIDER, &keys).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput, "{case}");
        assert!(
            error.message.starts_with("state "),
            "{case}: {}",
            error.message
        );
    }
    assert!(SyncState::decode("lns0.AAAA", PROVIDER, &keys)
        .unwrap_err()
        .message
        .contains("another version"));
}
