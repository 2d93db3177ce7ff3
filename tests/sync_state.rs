//! The sync state (SPEC §8): round trip, binding to provider and account,
//! strict decoding, and its size at 1,201 connections.

mod support;
mod sync_support;

use linkedin_network::error::ErrorCode;
use linkedin_network::model::Direction;
use linkedin_network::query::{Credentials, Resource};
use linkedin_network::sync::proof::ListCheck;
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
    // Both invitation lists proven by their totals, a few head reads on.
    for (resource, syncs) in [
        (Resource::SentInvitations, 23),
        (Resource::ReceivedInvitations, 0),
    ] {
        let check = ListCheck {
            full_at: 1_777_199_700_000,
            syncs,
        };
        state.set_check(resource, Some(check));
    }
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
    // Everything comes back but a connection's member id beside its URL,
    // which the state does not keep (its URL is its key).
    let mut kept = state.clone();
    for connection in kept.lists[2].iter_mut().flatten() {
        assert!(connection.profile_url.is_some() && connection.id.is_none());
        connection.member_id = None;
    }
    assert_eq!(back, kept);
    assert_eq!(back.encode(&keys), text);
    // Slug-less (member-id) and non-ASCII profiles came back exactly.
    let connections = back.known(Resource::Connections).unwrap();
    assert!(connections
        .iter()
        .any(|c| c.key.starts_with("https://www.linkedin.com/in/ACoAA")));
    assert!(connections
        .iter()
        .any(|c| c.profile_url.as_deref().unwrap().contains('%')));
    // An invitation keeps its person's member id: it matches the connection
    // the invitation becomes.
    let sent = back.known(Resource::SentInvitations).unwrap();
    assert!(sent.iter().any(|i| i.member_id.is_some()));
    assert_eq!(
        sent.iter().map(|i| &i.member_id).collect::<Vec<_>>(),
        state.lists[0]
            .iter()
            .flatten()
            .map(|i| &i.member_id)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_connection_keeps_its_member_id_only_where_it_is_its_key() {
    let keys = credentials("key", "acct");
    let url = "https://www.linkedin.com/in/jane-doe".to_string();
    let member = "ACoAABcdefGHIJKLmnopQRSTuvwxYZ0123456789".to_string();
    let both = Removed::connection(Some("Jane".into()), Some(url.clone()), Some(member.clone()));
    let only_member = Removed::connection(Some("Jo".into()), None, Some(member.clone()));
    let (both, only_member) = (both.unwrap(), only_member.unwrap());
    assert_eq!(
        (both.key.as_str(), both.id.as_deref()),
        (url.as_str(), None)
    );
    assert_eq!(only_member.key, member);
    assert_eq!(only_member.id.as_deref(), Some(member.as_str()));
    assert!(Removed::connection(Some("Nobody".into()), None, None).is_none());
    let mut state = SyncState::new(PROVIDER, &keys);
    state.set_known(
        Resource::Connections,
        vec![both.clone(), only_member.clone()],
    );
    let text = state.encode(&keys);
    let back = SyncState::decode(&text, PROVIDER, &keys).unwrap();
    let known = back.known(Resource::Connections).unwrap();
    assert_eq!(known[0].member_id, None);
    assert_eq!(
        (&known[0].key, &known[0].id, &known[0].name),
        (&both.key, &None, &both.name)
    );
    assert_eq!(known[1], only_member);
    // The member id beside a URL costs nothing in the state.
    let mut without = state.clone();
    without.lists[2].iter_mut().flatten().for_each(|c| {
        if c.profile_url.is_some() {
            c.member_id = None;
        }
    });
    assert_eq!(without.encode(&keys), text);
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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut block, mut bits) = (0u32, 0);
    for byte in text.bytes() {
        block = block << 6 | ALPHABET.iter().position(|letter| *letter == byte).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((block >> bits) as u8);
            block &= (1 << bits) - 1;
        }
    }
    out
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let block = chunk
            .iter()
            .enumerate()
            .fold(0u32, |block, (i, b)| block | u32::from(*b) << (16 - 8 * i));
        for index in 0..=chunk.len() {
            out.push(char::from(
                ALPHABET[((block >> (18 - 6 * index)) & 63) as usize],
            ));
        }
    }
    out
}

/// A state with `payload` sealed as the library seals it: what only the
/// holder of the API key could write.
fn sealed(payload: &[u8], credentials: &Credentials) -> String {
    let mut message = vec![0xff];
    message.extend_from_slice(payload);
    let mac = linkedin_network::client::binding::keyed_digest(credentials, &message);
    let mut bytes = payload.to_vec();
    bytes.extend_from_slice(&mac.to_le_bytes());
    format!("lns1.{}", base64url_encode(&bytes))
}

#[test]
fn an_authentic_but_malformed_payload_is_refused_or_read_canonically_never_a_panic() {
    let keys = credentials("key-1", "acct-1");
    let mut state = SyncState::new(PROVIDER, &keys);
    let mut rng = Rng(17);
    let connections: Vec<Removed> = (1..=6)
        .map(|n| Removed::of_connection(&connection_of(&human(&mut rng, n), PROVIDER)).unwrap())
        .collect();
    let sent = vec![Removed::of_invitation(&invitation_of(
        &invitation_id(9),
        Direction::Sent,
        &human(&mut rng, 9),
        PROVIDER,
    ))];
    state.set_known(Resource::Connections, connections);
    state.set_known(Resource::SentInvitations, sent);
    state.set_check(
        Resource::SentInvitations,
        Some(ListCheck {
            full_at: 5,
            syncs: 300,
        }),
    );
    state.last_full_sync_at = Some(5);
    let text = state.encode(&keys);
    let bytes = base64url_decode(&text["lns1.".len()..]);
    let payload = &bytes[..bytes.len() - 8];
    assert_eq!(
        SyncState::decode(&sealed(payload, &keys), PROVIDER, &keys).unwrap(),
        state,
        "the test seals as the library does"
    );
    let (mut refused, mut read) = (0, 0);
    for round in 0..20_000 {
        let mut mutated = payload.to_vec();
        for _ in 0..1 + rng.below(3) {
            match rng.below(4) {
                0 if !mutated.is_empty() => {
                    let at = rng.below(mutated.len() as u64) as usize;
                    mutated[at] = rng.below(256) as u8;
                }
                1 if !mutated.is_empty() => {
                    let at = rng.below(mutated.len() as u64) as usize;
                    mutated.remove(at);
                }
                2 => {
                    let at = rng.below(mutated.len() as u64 + 1) as usize;
                    mutated.insert(at, rng.below(256) as u8);
                }
                _ => mutated.truncate(rng.below(mutated.len() as u64 + 1) as usize),
            }
        }
        match SyncState::decode(&sealed(&mutated, &keys), PROVIDER, &keys) {
            Ok(decoded) => {
                read += 1;
                let again = decoded.encode(&keys);
                assert_eq!(
                    again,
                    sealed(&mutated, &keys),
                    "round {round}: a state reads back only in its one canonical form"
                );
            }
            Err(error) => {
                refused += 1;
                assert_eq!(error.code, ErrorCode::InvalidInput, "round {round}");
                assert!(
                    error.message.starts_with("state "),
                    "round {round}: {}",
                    error.message
                );
            }
        }
    }
    println!("authentic mutations: {refused} refused, {read} read canonically");
    assert!(refused > 10_000 && read > 0);
}

#[test]
fn a_state_written_when_connections_kept_member_ids_beside_urls_reads_as_one_written_now() {
    // Written by the library before a connection dropped its member id
    // beside its URL: Jane Doe (/in/jane-doe and a 39-character member id)
    // and Jo (/in/ACoAAXyz, the member id as its slug), on unipile.
    const BEFORE: &str = "lns1.B3VuaXBpbGUN4FL2Xaz7HQAEAiwISmFuZSBEb2UIamFuZS1kb2UoQUNvQUFCY2RlZkdISUpLTG1ub3BRUlNUdXZ3eFlaMDEyMzQ1Njc4OUwCSm8IQUNvQUFYeXpqleQ3vElcqw";
    let keys = credentials("key", "acct");
    let back = SyncState::decode(BEFORE, "unipile", &keys).unwrap();
    let known = back.known(Resource::Connections).unwrap();
    let urls: Vec<(&str, Option<&str>, Option<&str>)> = known
        .iter()
        .map(|c| (c.key.as_str(), c.id.as_deref(), c.member_id.as_deref()))
        .collect();
    assert_eq!(
        urls,
        [
            ("https://www.linkedin.com/in/jane-doe", None, None),
            ("https://www.linkedin.com/in/ACoAAXyz", None, None),
        ]
    );
    assert!(back.encode(&keys).len() < BEFORE.len() - 40);
}
