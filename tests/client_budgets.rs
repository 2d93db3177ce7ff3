//! Budgets are checked before a call or attempt starts, never after; a
//! budget ends a run cleanly with its stop reason; no sequence of faults and
//! list sizes makes the client exceed `maxCredits` or `maxRequests`.

mod support;

use linkedin_network::client::report::CollectResult;

use linkedin_network::client::budget::{Budgets, StopReason};
use linkedin_network::client::retry::RetryPolicy;
use linkedin_network::client::{RunRequest, Settings, TransportError};
use linkedin_network::query::Resource;
use proptest::prelude::*;
use support::fake_api::status;
use support::*;

fn collect_with(
    provider: &'static str,
    size: usize,
    budgets: Budgets,
    script: impl FnMut(&FakeApi, &Sent, usize) -> Reply + 'static,
) -> (CollectResult, FakeApi, Scripted) {
    let api = FakeApi::new(provider, size);
    let request = RunRequest {
        budgets,
        ..RunRequest::default()
    };
    let (result, transport, _) = collect_sent(&api, Settings::default(), request, script);
    (result.unwrap(), api, transport)
}

#[test]
fn max_credits_refuses_the_call_that_would_pass_it() {
    let budgets = Budgets {
        max_credits: Some(2),
        ..Budgets::default()
    };
    let (result, api, _) = collect_with("linkup-v2", 145, budgets, |api, sent, _| api.answer(sent));
    assert_eq!(result.items.len(), 100);
    assert_eq!((result.credits_used, api.charged()), (2, 2));
    assert_eq!(
        (result.complete, result.stop_reason),
        (false, StopReason::MaxCredits)
    );
    // The cursor continues exactly after the delivered items.
    assert!(result.cursor.starts_with("lnc2."));
}

#[test]
fn max_credits_on_linkup_v1_counts_pages() {
    let budgets = Budgets {
        max_credits: Some(12),
        ..Budgets::default()
    };
    let (result, api, _) = collect_with("linkup-v1", 145, budgets, |api, sent, _| api.answer(sent));
    // One page to learn the total, ten pages, then a call shrunk to the one page left.
    assert_eq!(result.items.len(), 120);
    assert_eq!((result.credits_used, api.charged()), (12, 12));
    assert_eq!(result.stop_reason, StopReason::MaxCredits);
}

#[test]
fn the_last_call_is_shrunk_to_what_the_credit_budget_still_buys() {
    let budgets = Budgets {
        max_credits: Some(3),
        ..Budgets::default()
    };
    let (result, api, transport) =
        collect_with("linkup-v2", 300, budgets, |api, sent, _| api.answer(sent));
    assert_eq!(
        result.items.len(),
        150,
        "100 for 2 credits, then 50 for the last one"
    );
    assert_eq!((result.credits_used, api.charged()), (3, 3));
    let counts: Vec<u64> =
        transport.sent_map(|sent| sent.json()["params"]["count"].as_u64().unwrap());
    assert_eq!(counts, vec![100, 50]);
    assert_eq!(result.stop_reason, StopReason::MaxCredits);
}

#[test]
fn linkup_v1_pays_only_for_the_pages_a_short_list_has() {
    // (items, credits, requests): a one-page probe, then up to ten pages a call.
    for (size, credits, requests) in [(19, 2, 2), (7, 1, 1), (145, 15, 3), (0, 1, 1)] {
        let (result, api, transport) =
            collect_with("linkup-v1", size, Budgets::default(), |api, sent, _| {
                api.answer(sent)
            });
        assert_eq!(result.items.len(), size);
        assert_eq!(
            (result.credits_used, api.charged()),
            (credits, credits),
            "{size} items"
        );
        assert_eq!(transport.requests() as u64, requests, "{size} items");
    }
}

#[test]
fn max_requests_stops_a_worker_under_its_subrequest_limit() {
    let budgets = Budgets {
        max_requests: Some(3),
        ..Budgets::default()
    };
    let (result, _, transport) = collect_with("connectsafely", 145, budgets, |api, sent, _| {
        api.answer(sent)
    });
    // 10, then 9 new a request (each read after the first overlaps one item).
    assert_eq!(result.items.len(), 28);
    assert_eq!((result.requests, transport.requests() as u64), (3, 3));
    assert_eq!(result.stop_reason, StopReason::MaxRequests);
}

#[test]
fn retries_count_against_max_requests_and_stop_cleanly() {
    let budgets = Budgets {
        max_requests: Some(3),
        ..Budgets::default()
    };
    let (result, _, transport) = collect_with("connectsafely", 145, budgets, |api, sent, index| {
        if index == 1 || index == 2 {
            status(5, 503, &[])
        } else {
            api.answer(sent)
        }
    });
    assert_eq!(
        result.items.len(),
        10,
        "the second page never got its third attempt"
    );
    assert_eq!(transport.requests(), 3);
    assert_eq!(result.stop_reason, StopReason::MaxRequests);
}

#[test]
fn credits_of_an_attempt_that_got_no_answer_count_as_spent_for_the_budget() {
    // The first attempt may have been charged before the connection was cut:
    // a retry would risk paying twice, so a tight budget refuses it.
    let budgets = Budgets {
        max_credits: Some(3),
        ..Budgets::default()
    };
    let (result, _, transport) =
        collect_with("linkup-v2", 145, budgets, |api, sent, index| match index {
            1 => Reply::Fail {
                after_ms: 5,
                error: TransportError::CutShort("reset".into()),
            },
            _ => api.answer(sent),
        });
    assert_eq!(transport.requests(), 2);
    assert_eq!(result.items.len(), 100);
    assert_eq!(result.stop_reason, StopReason::MaxCredits);
}

#[test]
fn credits_of_an_attempt_that_timed_out_count_as_spent_for_the_budget() {
    // No answer within the timeout: the provider may still have charged.
    let budgets = Budgets {
        max_credits: Some(3),
        ..Budgets::default()
    };
    let (result, _, transport) =
        collect_with("linkup-v2", 145, budgets, |api, sent, index| match index {
            1 => status(10 * 60 * 1_000, 200, &[]),
            _ => api.answer(sent),
        });
    assert_eq!(transport.requests(), 2);
    assert_eq!(result.items.len(), 100);
    assert_eq!(result.stop_reason, StopReason::MaxCredits);
}

/// A fault the provider may answer a request with; the bool says whether the
/// provider charged before the answer was lost.
#[derive(Debug, Clone)]
enum Fault {
    None,
    Status(u16),
    Network,
    CutAfterCharging,
    Hang,
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        6 => Just(Fault::None),
        1 => prop::sample::select(vec![408u16, 429, 500, 502, 503, 504, 401]).prop_map(Fault::Status),
        1 => Just(Fault::Network),
        1 => Just(Fault::CutAfterCharging),
        1 => Just(Fault::Hang),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(support::cases::cases(600)))]

    #[test]
    fn no_faults_or_sizes_make_the_client_exceed_its_budgets(
        provider in prop::sample::select(PROVIDERS.to_vec()),
        size in 0usize..700,
        max_credits in prop::option::of(0u64..20),
        max_requests in prop::option::of(1u64..40),
        faults in prop::collection::vec(fault(), 0..60),
        concurrency in 1usize..6,
    ) {
        let clock = Clock::default();
        let api = FakeApi::new(provider, size);
        let fake = api.clone();
        let transport = Scripted::new(&clock, move |sent, index| match faults.get(index).cloned().unwrap_or(Fault::None) {
            Fault::None => fake.answer(sent),
            Fault::Status(code) => status(20, code, &[]),
            Fault::Network => Reply::Fail { after_ms: 20, error: TransportError::Network("refused".into()) },
            Fault::CutAfterCharging => {
                let _charged = fake.answer(sent);
                Reply::Fail { after_ms: 20, error: TransportError::CutShort("cut".into()) }
            }
            Fault::Hang => Reply::Hang,
        });
        let settings = Settings { concurrency, timeout_ms: 500, retry: RetryPolicy { max_attempts: 4, base_delay_ms: 10, max_delay_ms: 100 } };
        let client = client(provider, transport.clone(), &clock, settings);
        let budgets = Budgets { max_credits, max_requests, max_items: None };
        let request = RunRequest { budgets, ..RunRequest::default() };
        let outcome = collect_on(&client, &clock, Resource::SentInvitations, request);
        if let Some(max) = max_credits {
            prop_assert!(api.charged() <= max, "charged {} > maxCredits {}", api.charged(), max);
        }
        if let Some(max) = max_requests {
            prop_assert!(transport.requests() as u64 <= max, "sent {} > maxRequests {}", transport.requests(), max);
        }
        match outcome {
            Ok(result) => {
                prop_assert_eq!(result.requests, transport.requests() as u64);
                // Whatever came back is in list order with no duplicates.
                let ids: Vec<String> = result.items.iter().map(|item| match item {
                    linkedin_network::model::Item::Invitation(invitation) => invitation.id.clone(),
                    _ => unreachable!(),
                }).collect();
                prop_assert_eq!(&ids[..], &support::fake_api::ids(size)[..ids.len()]);
                if result.complete {
                    prop_assert_eq!(ids.len(), size);
                }
            }
            Err(error) => prop_assert!(error.attempts >= 1 || error.code == linkedin_network::error::ErrorCode::Aborted),
        }
    }
}

/// `maxItems` equal to the list's length ends as `maxItems` on every
/// provider, whether or not its answers can tell that the list ended there;
/// one more than the length ends as `end`.
#[test]
fn max_items_at_the_list_length_ends_the_same_way_on_every_provider() {
    for provider in PROVIDERS {
        for length in [45, 50] {
            for (max_items, reason) in [
                (length, StopReason::MaxItems),
                (length + 1, StopReason::End),
            ] {
                let api = FakeApi::new(provider, length as usize);
                let (client, _, clock) = honest_client(&api, Settings::default());
                let request = RunRequest {
                    budgets: Budgets {
                        max_items: Some(max_items),
                        ..Budgets::default()
                    },
                    ..RunRequest::default()
                };
                let result =
                    collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
                assert_eq!(
                    (
                        result.items.len() as u64,
                        result.stop_reason,
                        result.complete
                    ),
                    (length, reason, reason == StopReason::End),
                    "{provider}: {length} items, maxItems {max_items}"
                );
            }
        }
    }
}
