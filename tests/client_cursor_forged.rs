//! Cursors written by hand: a cursor's checksum anyone can recompute, so
//! every field is checked like a fresh call's, and the decoder holds its
//! limits at their edges.

mod support;

use linkedin_network::client::budget::StopReason;
use linkedin_network::client::cursor::{Cursor, MAX_CURSOR_BYTES};
use linkedin_network::client::{RunRequest, Settings};
use linkedin_network::error::ErrorCode;
use linkedin_network::query::Resource;
use support::*;

/// Cursors carry only a checksum anyone can recompute: every field a forger
/// can write is checked against the rules of a fresh call, on every provider.
#[test]
fn a_forged_cursor_is_refused_before_any_request_on_every_provider() {
    for provider in PROVIDERS {
        let api = FakeApi::new(provider, 50);
        let (client, transport, clock) = honest_client(&api, Settings::default());
        let tag = linkedin_network::client::binding::account_tag_hex(provider, &credentials());
        let forge =
            |invitation_type: Option<&str>, offset: u64, total: Option<u64>, account: &str| {
                Cursor {
                    provider: provider.into(),
                    account: account.into(),
                    resource: Resource::SentInvitations,
                    invitation_type: invitation_type.map(str::to_string),
                    offset,
                    total,
                    recent: vec![],
                    chain: None,
                }
                .encode()
            };
        let cases = [
            (
                forge(Some("BOGUS"), 10, None, &tag),
                "cursor holds an invitation type this list cannot be filtered by",
            ),
            (
                forge(Some("connection"), 10, None, &tag),
                "cursor holds an invitation type this list cannot be filtered by",
            ),
            (
                forge(None, u64::MAX, None, &tag),
                "cursor holds a position past 100000, the largest offset a call accepts",
            ),
            (
                forge(None, 100_001, None, &tag),
                "cursor holds a position past 100000, the largest offset a call accepts",
            ),
            (
                forge(None, 10, Some(u64::MAX), &tag),
                "cursor holds a position past 100000, the largest offset a call accepts",
            ),
            (
                forge(None, 10, None, "0123456789abcdef"),
                "cursor was issued for another account (or another API key) of this provider",
            ),
        ];
        for (cursor, message) in cases {
            let request = RunRequest {
                cursor: Some(cursor),
                ..RunRequest::default()
            };
            let error =
                collect_on(&client, &clock, Resource::SentInvitations, request).unwrap_err();
            assert_eq!(
                (error.code, error.message.as_str(), error.provider),
                (ErrorCode::InvalidInput, message, Some(provider)),
                "{provider}"
            );
        }
        // The largest position allowed is still a position, not an overflow.
        let request = RunRequest {
            cursor: Some(forge(None, 100_000, None, &tag)),
            ..RunRequest::default()
        };
        let result = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
        assert!(
            result.items.is_empty(),
            "{provider}: {} items past the end",
            result.items.len()
        );
        assert_ne!(result.stop_reason, StopReason::MaxItems, "{provider}");
        let before = transport.requests();
        assert!(before <= 1, "{provider}: {before} requests past the end");
    }
}

/// The decoder's own limits, at their edges: a cursor of exactly 1 KB
/// decodes, one byte more (well formed, checksum right) does not, nor one
/// carrying more hashes than a cursor ever carries.
#[test]
fn cursor_limits_hold_at_their_edges() {
    use linkedin_network::client::cursor::CARRIED_HASHES;
    let sized = |pad: usize| {
        Cursor {
            provider: "p".repeat(pad),
            account: "0123456789abcdef".into(),
            resource: Resource::Connections,
            invitation_type: None,
            offset: 7,
            total: None,
            recent: vec![],
            chain: None,
        }
        .encode()
    };
    let exact = (1..1000)
        .map(sized)
        .find(|text| text.len() == MAX_CURSOR_BYTES)
        .expect("a cursor of exactly 1 KB");
    assert_eq!(Cursor::decode(&exact).unwrap().offset, 7);
    let over = (1..1000)
        .map(sized)
        .find(|text| text.len() > MAX_CURSOR_BYTES)
        .unwrap();
    assert!(Cursor::decode(&over).is_err(), "{} bytes", over.len());
    let mut many = Cursor::decode(&sized(1)).unwrap();
    many.recent = vec![1; CARRIED_HASHES + 1];
    assert!(
        Cursor::decode(&many.encode()).is_err(),
        "{} hashes",
        CARRIED_HASHES + 1
    );
    many.recent = vec![1; CARRIED_HASHES];
    assert_eq!(
        Cursor::decode(&many.encode()).unwrap().recent.len(),
        CARRIED_HASHES
    );
}
