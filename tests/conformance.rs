//! The provider conformance suite: every registered provider
//! (`providers::all()`) runs the same tests, with no per-provider code but
//! its fake backend (tests/support) and its fixtures (tests/fixtures). A
//! provider that breaks one cannot be registered without the failure
//! showing here: estimate = spent (credits and requests) and plans vs the
//! ledger, exact ids, every model key, errors and retries per SPEC §5,
//! budgets, cursors that resume exactly, dedupe on shifts, and
//! `invitationType: "CONNECTION"` wherever a list holds only connections.

mod support;

#[path = "conformance/lists.rs"]
mod lists;

use linkedin_network::client::budget::Budgets;
use linkedin_network::client::report::{CollectResult, ListResult};
use linkedin_network::client::{CancelToken, Client, RunRequest, Settings};
use linkedin_network::error::{Error, ErrorCode};
use linkedin_network::plan::Estimate;
use linkedin_network::providers::{self, Provider};
use linkedin_network::query::{check_invitation_type, ListQuery, Resource};
use support::fake_api::{ids, status};
use support::*;

/// Long enough that every range below lies inside the list.
const LIST: usize = 420;

fn every_provider() -> impl Iterator<Item = &'static dyn Provider> {
    providers::all().iter().copied()
}

fn api_of(provider: &dyn Provider, size: usize) -> FakeApi {
    FakeApi::new(provider.id(), size)
}

/// The query for `[offset, offset + limit)` of the sent invitations.
fn sent_range(client: &Client<Scripted, Clock>, offset: u64, limit: u64) -> ListQuery {
    ListQuery::new(
        client.shared.provider,
        Resource::SentInvitations,
        offset,
        limit,
        None,
    )
    .unwrap()
}

fn list_range(
    client: &Client<Scripted, Clock>,
    clock: &Clock,
    offset: u64,
    limit: u64,
) -> Result<ListResult, Error> {
    let query = sent_range(client, offset, limit);
    block_on(clock, client.list(query, CancelToken::new()))
}

fn estimate_of(client: &Client<Scripted, Clock>, offset: u64, limit: u64) -> Estimate {
    let query = sent_range(client, offset, limit);
    client.estimate(&query)
}

fn collect_from(
    client: &Client<Scripted, Clock>,
    clock: &Clock,
    offset: u64,
    max_items: u64,
) -> CollectResult {
    let request = RunRequest {
        offset,
        budgets: Budgets {
            max_items: Some(max_items),
            ..Budgets::default()
        },
        ..RunRequest::default()
    };
    collect_on(client, clock, Resource::SentInvitations, request).unwrap()
}

const RANGES: [(u64, u64); 9] = [
    (0, 1),
    (0, 10),
    (0, 100),
    (0, 137),
    (5, 20),
    (13, 100),
    (100, 45),
    (40, 250),
    (0, 401),
];

#[test]
fn estimate_is_what_list_spends_and_the_ledger_agrees() {
    let mut failures = Vec::new();
    for provider in every_provider() {
        for (offset, limit) in RANGES {
            let api = api_of(provider, LIST);
            let (client, transport, clock) = honest_client(&api, Settings::default());
            let estimate = estimate_of(&client, offset, limit);
            let result = list_range(&client, &clock, offset, limit).unwrap();
            let sent = transport.log.borrow().sent.len() as u64;
            let spent = (result.credits_used, api.charged(), result.requests, sent);
            let planned = (estimate.credits, estimate.credits, estimate.requests, sent);
            if spent
                != (
                    estimate.credits,
                    estimate.credits,
                    estimate.requests,
                    estimate.requests,
                )
            {
                failures.push(format!(
                    "{} list [{offset}, +{limit}): estimate {planned:?}, spent (credits, ledger, requests, sent) {spent:?}",
                    provider.id()
                ));
            }
            let expected: Vec<String> =
                ids(LIST)[offset as usize..(offset + limit) as usize].to_vec();
            assert_eq!(invitation_ids(&result.items), expected, "{}", provider.id());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn estimate_is_what_collect_spends_for_the_same_range() {
    let mut failures = Vec::new();
    for provider in every_provider() {
        for (offset, limit) in RANGES {
            let api = api_of(provider, LIST);
            let (client, transport, clock) = honest_client(&api, Settings::default());
            let estimate = estimate_of(&client, offset, limit);
            let result = collect_from(&client, &clock, offset, limit);
            let sent = transport.log.borrow().sent.len() as u64;
            if (result.credits_used, api.charged(), result.requests, sent)
                != (
                    estimate.credits,
                    estimate.credits,
                    estimate.requests,
                    estimate.requests,
                )
            {
                failures.push(format!(
                    "{} collect from {offset}, maxItems {limit}: estimate {} credits / {} requests, spent {} credits (ledger {}) / {} requests ({sent} sent)",
                    provider.id(),
                    estimate.credits,
                    estimate.requests,
                    result.credits_used,
                    api.charged(),
                    result.requests
                ));
            }
            assert_eq!(result.items.len() as u64, limit, "{}", provider.id());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A whole list, `size` long: `estimateCredits({limit: size})` is what a
/// collect with `maxItems: size` spends. A collect without `maxItems` does
/// not know the length: where the provider gives no total, only a short page
/// ends the list, so a full last page costs one call more, which brings no
/// item (bench fetch-all: ConnectSafely's 145 sent, 16 estimated, 17 sent).
#[test]
fn a_whole_list_costs_its_estimate_and_at_most_one_call_more_to_learn_its_end() {
    let mut probes = 0;
    for provider in every_provider() {
        for size in [37, 100, 140, 145] {
            let api = api_of(provider, size);
            let (client, _, clock) = honest_client(&api, Settings::default());
            let estimate = estimate_of(&client, 0, size as u64);
            let bounded = collect_from(&client, &clock, 0, size as u64);
            assert_eq!(
                bounded.requests,
                estimate.requests,
                "{} {size}",
                provider.id()
            );
            let (client, _, clock) = honest_client(&api, Settings::default());
            let whole = collect_whole_sent(&client, &clock);
            assert!(whole.complete, "{} {size}", provider.id());
            assert_eq!(invitation_ids(&whole.items), ids(size), "{}", provider.id());
            let extra = whole.requests - estimate.requests;
            assert!(
                extra <= 1,
                "{} {size}: {extra} calls past the estimate",
                provider.id()
            );
            assert_eq!(
                whole.credits_used,
                estimate.credits,
                "{} {size}",
                provider.id()
            );
            probes += extra;
        }
    }
    assert!(probes > 0, "some provider's list ends on a full page here");
}

/// What SPEC §5 says each status is, on every provider: the code, whether
/// it is retried (and so how many attempts were made).
#[test]
fn statuses_map_to_spec_codes_and_only_the_retryable_are_retried() {
    let table = [
        (401, ErrorCode::Auth, false),
        (404, ErrorCode::NotFound, false),
        (429, ErrorCode::RateLimited, true),
        (400, ErrorCode::ProviderError, false),
        (500, ErrorCode::ProviderError, true),
        (502, ErrorCode::ProviderError, true),
        (503, ErrorCode::ProviderError, true),
        (504, ErrorCode::ProviderError, true),
    ];
    for provider in every_provider() {
        for (code, expected, retried) in table {
            let clock = Clock::default();
            let (result, transport) = list_once(
                provider.id(),
                move |_, _| status(10, code, &[]),
                Settings::default(),
                CancelToken::new(),
                &clock,
            );
            let error = result.unwrap_err();
            let context = format!("{} HTTP {code}: {error:?}", provider.id());
            assert_eq!(error.code, expected, "{context}");
            assert_eq!(error.status, Some(code), "{context}");
            assert_eq!(error.provider, Some(provider.id()), "{context}");
            assert_eq!(error.retryable, retried, "{context}");
            let attempts = if retried { 3 } else { 1 };
            assert_eq!(error.attempts, attempts, "{context}");
            assert_eq!(
                transport.log.borrow().sent.len(),
                attempts as usize,
                "{context}"
            );
        }
    }
}

#[test]
fn a_retried_call_counts_every_request_and_honours_retry_after() {
    for provider in every_provider() {
        let clock = Clock::default();
        let api = api_of(provider, 30);
        let (result, transport) = list_once(
            provider.id(),
            move |sent, index| match index {
                0 => status(100, 429, &[("Retry-After", "3")]),
                1 => status(100, 503, &[("Retry-After", "1")]),
                _ => api.answer(sent),
            },
            Settings::default(),
            CancelToken::new(),
            &clock,
        );
        let result = result.unwrap();
        assert_eq!(invitation_ids(&result.items), ids(10), "{}", provider.id());
        assert_eq!(result.requests, 3, "{}", provider.id());
        let times = transport.sent_map(|sent| sent.at);
        assert_eq!(times, vec![0, 3_100, 4_200], "{}", provider.id());
    }
}

#[test]
fn invitation_type_connection_is_accepted_wherever_a_list_holds_only_connections() {
    for provider in every_provider() {
        for resource in [Resource::SentInvitations, Resource::ReceivedInvitations] {
            let other_types = lists::fixture_types(provider.id(), resource)
                .into_iter()
                .filter(|kind| kind != "CONNECTION")
                .collect::<Vec<_>>();
            let accepted = check_invitation_type(provider, resource, "CONNECTION");
            assert!(
                accepted.is_ok() || !other_types.is_empty(),
                "{} {}: CONNECTION refused ({:?}), yet its fixtures show no other type",
                provider.id(),
                resource.as_str(),
                accepted.err()
            );
            if accepted.is_ok() {
                // Another type is refused where the list holds only connections.
                let unfiltered = provider
                    .invitation_filters(resource)
                    .iter()
                    .all(|(_, wire)| wire.is_none());
                if unfiltered {
                    let refused = check_invitation_type(provider, resource, "ORGANIZATION");
                    assert_eq!(
                        refused.map_err(|error| error.code),
                        Err(ErrorCode::InvalidInput),
                        "{}",
                        provider.id()
                    );
                }
            }
        }
        // And through a real run: CONNECTION on the sent list reads the same list.
        if check_invitation_type(provider, Resource::SentInvitations, "CONNECTION").is_ok() {
            let api = api_of(provider, 30);
            let (client, _, clock) = honest_client(&api, Settings::default());
            let request = RunRequest {
                invitation_type: Some("CONNECTION".into()),
                ..RunRequest::default()
            };
            let result = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
            assert_eq!(invitation_ids(&result.items), ids(30), "{}", provider.id());
        }
    }
}
