//! Cursors: opaque, versioned, at most 1 KB, holding no secret; a run
//! resumed from one yields exactly the rest, even when the list shifted
//! between the two runs.

mod support;

use linkedin_network::client::report::CollectResult;

use linkedin_network::client::budget::{Budgets, StopReason};
use linkedin_network::client::cursor::{
    ChainLink, Cursor, MAX_CONTINUATION_BYTES, MAX_CURSOR_BYTES,
};
use linkedin_network::client::{CancelToken, RunRequest, Settings};
use linkedin_network::error::ErrorCode;
use linkedin_network::query::Resource;
use support::fake_api::ids;
use support::*;

#[test]
fn a_cursor_round_trips_and_stays_small() {
    let cursor = Cursor {
        provider: "linkup-v2".into(),
        account: "0123456789abcdef".into(),
        resource: Resource::ReceivedInvitations,
        invitation_type: Some("CONTENT_SERIES".into()),
        offset: 1_000_000_000,
        total: Some(u64::MAX),
        recent: vec![u64::MAX; 8],
        chain: None,
    };
    let text = cursor.encode();
    assert!(text.len() <= MAX_CURSOR_BYTES, "{} bytes", text.len());
    assert!(text.starts_with("lnc2."));
    assert_eq!(Cursor::decode(&text).unwrap(), cursor);
    // Inside a provider's cursor chain, with the longest continuation carried.
    let longest = "x".repeat(MAX_CONTINUATION_BYTES);
    let chained = Cursor {
        chain: ChainLink::carried(999_999_999, Some(&longest)),
        ..cursor
    };
    assert!(chained.chain.is_some());
    let text = chained.encode();
    assert!(text.len() <= MAX_CURSOR_BYTES, "{} bytes", text.len());
    assert_eq!(Cursor::decode(&text).unwrap(), chained);
    // One byte longer, or not printable: not carried (the resume reads from the head).
    let longer = "x".repeat(MAX_CONTINUATION_BYTES + 1);
    assert_eq!(ChainLink::carried(5, Some(&longer)), None);
    assert_eq!(ChainLink::carried(5, Some("a b")), None);
}

#[test]
fn a_damaged_or_foreign_cursor_is_refused_with_a_clear_message() {
    let good = Cursor {
        provider: "linkup-v1".into(),
        account: "0123456789abcdef".into(),
        resource: Resource::Connections,
        invitation_type: None,
        offset: 40,
        total: Some(99),
        recent: vec![1, 2],
        chain: None,
    }
    .encode();
    let mut altered = good.clone().into_bytes();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == b'A' { b'B' } else { b'A' };
    for bad in [
        String::from_utf8(altered).unwrap(),
        good[..good.len() - 3].to_string(),
        "hello".into(),
        String::new(),
        "x".repeat(5000),
    ] {
        let error = Cursor::decode(&bad).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(
            error.message,
            "cursor is not one this library issued, or it was altered or cut short"
        );
    }
    assert_eq!(
        Cursor::decode("lnc0.abc.123").unwrap_err().message,
        "cursor comes from another version of this library; start a new run"
    );
}

fn run(api: &FakeApi, request: RunRequest) -> CollectResult {
    collect_sent(api, Settings::default(), request, |api, sent, _| {
        api.answer(sent)
    })
    .0
    .unwrap()
}

#[test]
fn resuming_from_a_cursor_yields_the_rest_and_nothing_twice() {
    for provider in PROVIDERS {
        let api = FakeApi::new(provider, 145);
        let first = run(
            &api,
            RunRequest {
                budgets: Budgets {
                    max_items: Some(70),
                    ..Budgets::default()
                },
                ..RunRequest::default()
            },
        );
        assert_eq!(first.stop_reason, StopReason::MaxItems);
        assert!(!first.cursor.contains("CANARY") && first.cursor.len() <= MAX_CURSOR_BYTES);
        let second = run(
            &api,
            RunRequest {
                cursor: Some(first.cursor.clone()),
                ..RunRequest::default()
            },
        );
        let mut all = invitation_ids(&first.items);
        all.extend(invitation_ids(&second.items));
        assert_eq!(all, ids(145), "{provider}");
        assert!(second.complete, "{provider}");
    }
}

#[test]
fn a_resumed_runs_budgets_count_from_the_resume() {
    let api = FakeApi::new("linkup-v2", 300);
    let first = run(
        &api,
        RunRequest {
            budgets: Budgets {
                max_items: Some(100),
                ..Budgets::default()
            },
            ..RunRequest::default()
        },
    );
    let second = run(
        &api,
        RunRequest {
            cursor: Some(first.cursor),
            budgets: Budgets {
                max_credits: Some(2),
                ..Budgets::default()
            },
            ..RunRequest::default()
        },
    );
    assert_eq!((second.items.len(), second.credits_used), (100, 2));
    assert_eq!(invitation_ids(&second.items), ids(300)[100..200].to_vec());
}

#[test]
fn a_shift_between_two_runs_is_noticed_and_repaired_on_resume() {
    let api = FakeApi::new("linkup-v2", 145);
    let first = run(
        &api,
        RunRequest {
            budgets: Budgets {
                max_items: Some(70),
                ..Budgets::default()
            },
            ..RunRequest::default()
        },
    );
    api.insert_at_head(2);
    let second = run(
        &api,
        RunRequest {
            cursor: Some(first.cursor),
            ..RunRequest::default()
        },
    );
    let mut all = invitation_ids(&first.items);
    all.extend(invitation_ids(&second.items));
    assert_eq!(
        all,
        ids(145),
        "the two items pushed back across the resume point are not delivered twice"
    );
    assert!(
        second
            .warnings
            .iter()
            .any(|w| w.contains("total went from 145 to 147 before item 70")),
        "{:?}",
        second.warnings
    );
}

#[test]
fn a_cursor_for_another_list_or_type_is_refused_before_any_request() {
    let api = FakeApi::new("linkup-v2", 50);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let tag =
        linkedin_network::client::binding::account_tag_hex("linkup-v2", &support::credentials());
    let theirs = Cursor {
        provider: "linkup-v1".into(),
        resource: Resource::SentInvitations,
        invitation_type: None,
        offset: 10,
        total: None,
        recent: vec![],
        chain: None,
        account: tag.clone(),
    }
    .encode();
    let other_list = Cursor {
        provider: "linkup-v2".into(),
        resource: Resource::Connections,
        invitation_type: None,
        offset: 10,
        total: None,
        recent: vec![],
        chain: None,
        account: tag.clone(),
    }
    .encode();
    let typed = Cursor {
        provider: "linkup-v2".into(),
        resource: Resource::SentInvitations,
        invitation_type: Some("ORGANIZATION".into()),
        offset: 10,
        total: None,
        recent: vec![],
        chain: None,
        account: tag.clone(),
    }
    .encode();
    let cases = [
        (RunRequest { cursor: Some(theirs), ..RunRequest::default() }, r#"cursor was issued for "linkup-v1" sentInvitations; this is "linkup-v2" sentInvitations"#),
        (RunRequest { cursor: Some(other_list), ..RunRequest::default() }, r#"cursor was issued for "linkup-v2" connections; this is "linkup-v2" sentInvitations"#),
        (RunRequest { cursor: Some(typed), invitation_type: Some("CONNECTION".into()), ..RunRequest::default() }, "invitationType differs from the cursor's; resume with the same invitationType (or none)"),
    ];
    for (request, message) in cases {
        let error = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap_err();
        assert_eq!(
            (error.code, error.message.as_str()),
            (ErrorCode::InvalidInput, message)
        );
    }
    assert_eq!(transport.requests(), 0);
}

#[test]
fn every_progress_cursor_resumes_exactly_after_the_items_delivered() {
    let api = FakeApi::new("linkup-v1", 145);
    let (client, _, clock) = honest_client(
        &api,
        Settings {
            concurrency: 1,
            ..Settings::default()
        },
    );
    let mut run = client
        .iterate(
            Resource::SentInvitations,
            RunRequest::default(),
            CancelToken::new(),
        )
        .unwrap();
    let mut delivered = Vec::new();
    let mut checkpoints = Vec::new();
    while let Some(batch) = block_on(&clock, run.next_batch()).unwrap() {
        delivered.extend(invitation_ids(&batch.items));
        checkpoints.push((delivered.len(), batch.progress.cursor.clone()));
        assert_eq!(batch.progress.stop_reason, None, "the run goes on");
    }
    assert_eq!(delivered, ids(145));
    assert_eq!(run.progress().stop_reason, Some(StopReason::End));
    for (count, cursor) in checkpoints {
        let rest = self::run(
            &api,
            RunRequest {
                cursor: Some(cursor),
                ..RunRequest::default()
            },
        );
        assert_eq!(invitation_ids(&rest.items), ids(145)[count..].to_vec());
    }
}

#[test]
fn iterate_and_collect_validate_invitation_type_before_any_request() {
    let api = FakeApi::new("linkup-v2", 50);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    for (resource, kind, message) in [
        (Resource::SentInvitations, "FRIEND", "invitationType must be one of \"CONNECTION\", \"ORGANIZATION\", \"NEWSLETTER\" for linkup-v2 sentInvitations"),
        (Resource::Connections, "CONNECTION", "invitationType applies to sentInvitations and receivedInvitations only"),
    ] {
        let request = RunRequest { invitation_type: Some(kind.into()), ..RunRequest::default() };
        let error = collect_on(&client, &clock, resource, request.clone()).unwrap_err();
        assert_eq!((error.code, error.message.as_str()), (ErrorCode::InvalidInput, message));
        assert_eq!(client.iterate(resource, request, CancelToken::new()).err().unwrap().message, message);
    }
    assert_eq!(transport.requests(), 0);
    // Lower case is accepted and sent upper-cased.
    let request = RunRequest {
        invitation_type: Some("organization".into()),
        ..RunRequest::default()
    };
    collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
    assert_eq!(
        transport.log.borrow().sent[0].json()["params"]["invitation_type"],
        "ORGANIZATION"
    );
}

#[test]
fn a_typed_cursor_resumes_with_its_type_given_again_or_not_at_all() {
    let tag =
        linkedin_network::client::binding::account_tag_hex("linkup-v2", &support::credentials());
    let typed = Cursor {
        provider: "linkup-v2".into(),
        resource: Resource::SentInvitations,
        invitation_type: Some("ORGANIZATION".into()),
        offset: 10,
        total: None,
        recent: vec![],
        chain: None,
        account: tag,
    }
    .encode();
    for given in [None, Some("ORGANIZATION")] {
        let api = FakeApi::new("linkup-v2", 50);
        let (client, transport, clock) = honest_client(&api, Settings::default());
        let request = RunRequest {
            cursor: Some(typed.clone()),
            invitation_type: given.map(str::to_string),
            ..RunRequest::default()
        };
        collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
        let sent = transport.log.borrow().sent[0].json();
        assert_eq!(
            sent["params"]["invitation_type"], "ORGANIZATION",
            "{given:?}"
        );
    }
}

#[test]
fn a_cursor_may_carry_a_total_up_to_a_hundred_million_and_not_past_it() {
    let tag =
        linkedin_network::client::binding::account_tag_hex("linkup-v2", &support::credentials());
    let with_total = |total| {
        Cursor {
            provider: "linkup-v2".into(),
            resource: Resource::SentInvitations,
            invitation_type: None,
            offset: 10,
            total: Some(total),
            recent: vec![],
            chain: None,
            account: tag.clone(),
        }
        .encode()
    };
    let api = FakeApi::new("linkup-v2", 50);
    let (client, _, clock) = honest_client(&api, Settings::default());
    let resume = |cursor| {
        let request = RunRequest {
            cursor: Some(cursor),
            ..RunRequest::default()
        };
        collect_on(&client, &clock, Resource::SentInvitations, request)
    };
    assert!(resume(with_total(100_000_000)).is_ok());
    let error = resume(with_total(100_000_001)).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.starts_with("cursor holds a position past"),
        "{}",
        error.message
    );
}
