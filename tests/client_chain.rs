//! Runs over a provider chained by opaque cursors (Unipile): a resume goes
//! on from the provider's cursor our cursor carries, a cursor refused as
//! expired restarts the chain (a bounded number of times), and a cursor
//! never carries a provider cursor it should not.

mod support;

use linkedin_network::client::budget::Budgets;
use linkedin_network::client::cursor::{ChainLink, Cursor};
use linkedin_network::client::{CancelToken, RunRequest, Settings};
use linkedin_network::error::ErrorCode;
use linkedin_network::query::{ListQuery, Resource};
use support::fake_api::ids;
use support::*;

fn cursor_param(sent: &Sent) -> Option<String> {
    let query = sent.url.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("cursor=").map(str::to_string))
}

#[test]
fn a_resume_inside_the_chain_sends_the_providers_cursor_and_is_priced_from_there() {
    let api = FakeApi::new("unipile", 260);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let first = collect_on(
        &client,
        &clock,
        Resource::SentInvitations,
        RunRequest {
            budgets: Budgets {
                max_items: Some(200),
                ..Budgets::default()
            },
            ..RunRequest::default()
        },
    )
    .unwrap();
    assert_eq!(invitation_ids(&first.items), ids(200));
    let decoded = Cursor::decode(&first.cursor).unwrap();
    assert_eq!(decoded.offset, 200);
    assert_eq!(decoded.chain.as_ref().map(|link| link.at), Some(200));
    // One request from there, though a plan from the head would take three:
    // maxRequests 1 is not refused up front.
    let query = ListQuery::new(
        client.shared.provider,
        Resource::SentInvitations,
        0,
        10,
        None,
    )
    .unwrap();
    let request = linkedin_network::client::ListRequest {
        query,
        cursor: Some(first.cursor.clone()),
        budgets: Budgets {
            max_requests: Some(1),
            ..Budgets::default()
        },
    };
    let page = block_on(&clock, client.list(request, CancelToken::new())).unwrap();
    assert_eq!(invitation_ids(&page.items), ids(210)[200..].to_vec());
    assert_eq!(page.requests, 1);
    let sent = transport.log.borrow().sent.last().cloned().unwrap();
    assert_eq!(
        cursor_param(&sent),
        decoded.chain.map(|link| link.continuation)
    );
}

#[test]
fn a_cursor_refused_again_and_again_ends_as_the_providers_error_after_three_restarts() {
    let api = FakeApi::new("unipile", 150);
    let (result, transport, _) = collect_sent(
        &api,
        Settings::default(),
        RunRequest::default(),
        |api, sent, _| {
            // The list changes before every continued read: its cursor expires.
            if cursor_param(sent).is_some() {
                api.insert_at_head(1);
            }
            api.answer(sent)
        },
    );
    let error = result.unwrap_err();
    assert_eq!(error.code, ErrorCode::ProviderError);
    assert_eq!(error.status, Some(400));
    assert_eq!(
        error.provider_code.as_deref(),
        Some("errors/invalid_parameters")
    );
    assert!(error.message.contains("cursor"), "{}", error.message);
    // The head, then four refused continuations with a fresh head between them.
    assert_eq!(transport.log.borrow().sent.len(), 8);
}

#[test]
fn a_chain_link_is_refused_by_a_provider_read_by_position() {
    let api = FakeApi::new("linkup-v2", 30);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let forged = Cursor {
        provider: "linkup-v2".into(),
        account: client.shared.account_tag.clone(),
        resource: Resource::SentInvitations,
        invitation_type: None,
        offset: 10,
        total: None,
        recent: vec![],
        chain: ChainLink::carried(10, Some("c10v1")),
    };
    let request = RunRequest {
        cursor: Some(forged.encode()),
        ..RunRequest::default()
    };
    let error = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.starts_with("cursor "), "{}", error.message);
    assert!(transport.log.borrow().sent.is_empty());
}

#[test]
fn a_provider_cursor_holding_a_secret_is_not_carried_and_the_resume_reads_from_the_head() {
    let items: Vec<String> = ids(10)
        .iter()
        .map(|id| format!(r#"{{"object":"InvitationSent","id":"{id}"}}"#))
        .collect();
    let body = format!(
        r#"{{"object":"InvitationList","items":[{}],"cursor":"page2-{ACCOUNT_ID}"}}"#,
        items.join(",")
    );
    let clock = Clock::default();
    let (result, _) = list_once(
        "unipile",
        move |_, _| Reply::ok(10, body.clone()),
        Settings::default(),
        CancelToken::new(),
        &clock,
    );
    let result = result.unwrap();
    assert!(result.has_more);
    let decoded = Cursor::decode(&result.cursor).unwrap();
    assert_eq!((decoded.offset, decoded.chain), (10, None));
    assert!(!result.cursor.contains(ACCOUNT_ID));
}
