//! The conformance suite, part two: budgets, cursors, shifts and the model,
//! on every registered provider (see tests/conformance.rs).

use std::collections::HashSet;
use std::path::Path;

use linkedin_network::client::budget::{Budgets, StopReason};
use linkedin_network::client::{CancelToken, RunRequest, Settings};
use linkedin_network::json::to_json_string;
use linkedin_network::model::Item;
use linkedin_network::providers::Provider;
use linkedin_network::query::Resource;
use serde_json::Value;

use super::support::fake_api::{ids, status};
use super::support::*;
use super::{api_of, every_provider, LIST};

/// The `type` of every invitation in `provider`'s fixtures for `resource`.
pub fn fixture_types(provider: &str, resource: Resource) -> Vec<String> {
    cases(provider)
        .iter()
        .filter(|case| case["resource"] == resource.as_str())
        .filter_map(|case| case["page"]["items"].as_array())
        .flatten()
        .filter_map(|item| item["type"].as_str().map(str::to_string))
        .collect()
}

fn cases(provider: &str) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let file = dir.join(format!("cases.{}.json", provider.replace('-', "_")));
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|_| panic!("{provider} has no fixtures: {}", file.display()));
    serde_json::from_str(&text).unwrap()
}

const PERSON_KEYS: [&str; 10] = [
    "name",
    "firstName",
    "lastName",
    "headline",
    "profileUrl",
    "publicIdentifier",
    "memberId",
    "memberUrn",
    "pictureUrl",
    "organization",
];
const INVITATION_KEYS: [&str; 12] = [
    "kind",
    "id",
    "urn",
    "direction",
    "type",
    "state",
    "message",
    "sentAt",
    "person",
    "acceptToken",
    "providerType",
    "provider",
];
const CONNECTION_KEYS: [&str; 4] = ["kind", "person", "connectedAt", "provider"];
const TIME_KEYS: [&str; 5] = ["text", "days", "at", "precision", "anchor"];

fn assert_keys(item: &Value, context: &str) {
    let keys: &[&str] = if item["kind"] == "invitation" {
        &INVITATION_KEYS
    } else {
        &CONNECTION_KEYS
    };
    let object = item.as_object().unwrap();
    let got: HashSet<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(got, keys.iter().copied().collect(), "{context}: {item}");
    let person = item["person"].as_object().unwrap();
    let got: HashSet<&str> = person.keys().map(String::as_str).collect();
    assert_eq!(got, PERSON_KEYS.into_iter().collect(), "{context}");
    for time in ["sentAt", "connectedAt"] {
        if let Some(time) = item.get(time).and_then(Value::as_object) {
            let got: HashSet<&str> = time.keys().map(String::as_str).collect();
            assert_eq!(got, TIME_KEYS.into_iter().collect(), "{context}");
        }
    }
}

#[test]
fn every_model_key_is_present_and_ids_are_exact() {
    for provider in every_provider() {
        let all = cases(provider.id());
        assert!(
            all.len() >= 10,
            "{}: only {} fixture cases",
            provider.id(),
            all.len()
        );
        for resource in Resource::ALL {
            let pages = all
                .iter()
                .filter(|case| case["resource"] == resource.as_str())
                .filter(|case| case.get("page").is_some())
                .count();
            assert!(
                pages > 0,
                "{} has no {} page fixture",
                provider.id(),
                resource.as_str()
            );
        }
        // Through a run: ids above 2^53 arrive exactly, every key present.
        let api = api_of(provider, 57);
        let (client, _, clock) = honest_client(&api, Settings::default());
        let result = collect_whole_sent(&client, &clock);
        assert_eq!(invitation_ids(&result.items), ids(57), "{}", provider.id());
        for item in &result.items {
            let json: Value = serde_json::from_str(&to_json_string(item)).unwrap();
            assert_keys(&json, provider.id());
            assert_eq!(json["provider"], provider.id());
        }
    }
}

#[test]
fn budgets_are_never_exceeded_even_with_faults() {
    for provider in every_provider() {
        for max_requests in [1, 2, 3, 5, 8] {
            for max_credits in [None, Some(0), Some(1), Some(3)] {
                let api = api_of(provider, LIST);
                let budgets = Budgets {
                    max_requests: Some(max_requests),
                    max_credits,
                    ..Budgets::default()
                };
                let request = RunRequest {
                    budgets,
                    ..RunRequest::default()
                };
                // Every third request fails with a retryable 503.
                let (result, transport, _) =
                    collect_sent(&api, Settings::default(), request, |api, sent, index| {
                        if index % 3 == 2 {
                            status(10, 503, &[])
                        } else {
                            api.answer(sent)
                        }
                    });
                let context = format!("{} {budgets:?}", provider.id());
                let sent = transport.log.borrow().sent.len() as u64;
                assert!(sent <= max_requests, "{context}: {sent} requests sent");
                assert!(
                    max_credits.is_none_or(|max| api.charged() <= max),
                    "{context}: {} credits charged",
                    api.charged()
                );
                if let Ok(result) = result {
                    let budget_stop = matches!(
                        result.stop_reason,
                        StopReason::MaxRequests | StopReason::MaxCredits
                    );
                    assert_eq!(
                        (result.complete, budget_stop),
                        (!budget_stop, budget_stop),
                        "{context}: {:?}",
                        result.stop_reason
                    );
                    if result.complete {
                        assert_eq!(result.items.len(), LIST, "{context}");
                    }
                    assert_eq!(result.requests, sent, "{context}");
                }
            }
        }
    }
}

/// Reads the list in pieces, each resumed from the last one's cursor:
/// together they are the list, exactly once.
#[test]
fn cursors_resume_exactly_where_a_run_stopped() {
    for provider in every_provider() {
        for piece in [1, 7, 10, 25, 100, 137] {
            let api = api_of(provider, 260);
            let (client, _, clock) = honest_client(&api, Settings::default());
            let mut delivered = Vec::new();
            let mut cursor = None;
            for _ in 0..400 {
                let request = RunRequest {
                    cursor: cursor.clone(),
                    budgets: Budgets {
                        max_items: Some(piece),
                        ..Budgets::default()
                    },
                    ..RunRequest::default()
                };
                let result =
                    collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
                delivered.extend(invitation_ids(&result.items));
                cursor = Some(result.cursor);
                if result.complete || result.items.is_empty() {
                    break;
                }
            }
            assert_eq!(delivered, ids(260), "{} pieces of {piece}", provider.id());
        }
    }
}

/// `iterate` stopped after any item resumes from that item's cursor.
#[test]
fn an_iteration_broken_after_any_item_resumes_from_its_cursor() {
    for provider in every_provider() {
        for stop_after in [1, 9, 10, 11, 99, 100, 101, 150] {
            let api = api_of(provider, 180);
            let (client, _, clock) = honest_client(&api, Settings::default());
            let mut run = client
                .iterate(
                    Resource::SentInvitations,
                    RunRequest::default(),
                    CancelToken::new(),
                )
                .unwrap();
            let mut delivered = Vec::new();
            let cursor: Option<String>;
            'read: loop {
                let steps = block_on(&clock, run.next_steps()).unwrap();
                assert!(!steps.is_empty(), "{} ended early", provider.id());
                for step in steps {
                    if let Some(Item::Invitation(invitation)) = step.item {
                        delivered.push(invitation.id);
                        if delivered.len() == stop_after {
                            cursor = Some(step.cursor);
                            break 'read;
                        }
                    }
                }
            }
            let request = RunRequest {
                cursor,
                ..RunRequest::default()
            };
            let rest = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
            delivered.extend(invitation_ids(&rest.items));
            assert_eq!(delivered, ids(180), "{} after {stop_after}", provider.id());
        }
    }
}

/// The list changes under the run (items arrive at its head, or leave it):
/// nothing is delivered twice, nothing that stayed is lost, and a warning
/// says the list changed.
#[test]
fn a_list_that_shifts_under_the_run_loses_and_repeats_nothing() {
    for provider in every_provider() {
        for (arrived, left) in [(1, 0), (3, 0), (0, 1), (0, 2)] {
            for after_request in [0, 1, 3] {
                let api = api_of(provider, 230);
                let before: Vec<String> = api.list.borrow().clone();
                let (result, transport, _) = collect_sent(
                    &api,
                    Settings::default(),
                    RunRequest::default(),
                    move |api, sent, index| {
                        let reply = api.answer(sent);
                        if index == after_request {
                            api.insert_at_head(arrived);
                            api.remove_at_head(left);
                        }
                        reply
                    },
                );
                let result = result.unwrap();
                let context = format!(
                    "{} +{arrived}/-{left} after request {after_request}",
                    provider.id()
                );
                // Read after the change: a request was answered from the changed list.
                let read_after = after_request + 1 < transport.log.borrow().sent.len();
                check_shift(provider, &before, &api, &result, read_after, &context);
            }
        }
    }
}

fn check_shift(
    provider: &dyn Provider,
    before: &[String],
    api: &FakeApi,
    result: &linkedin_network::client::report::CollectResult,
    read_after: bool,
    context: &str,
) {
    let delivered = invitation_ids(&result.items);
    if std::env::var_os("CONFORMANCE_PRINT").is_some() {
        eprintln!(
            "{context}: {} delivered, {} requests, {:?}",
            delivered.len(),
            result.requests,
            result.warnings
        );
    }
    let unique: HashSet<&String> = delivered.iter().collect();
    assert_eq!(
        unique.len(),
        delivered.len(),
        "{context}: a duplicate was delivered"
    );
    let after: HashSet<String> = api.list.borrow().iter().cloned().collect();
    let lost: Vec<&String> = before
        .iter()
        .filter(|id| after.contains(*id) && !unique.contains(id))
        .collect();
    assert!(lost.is_empty(), "{context}: lost {lost:?}");
    let changed = before.len() != after.len() || before.iter().any(|id| !after.contains(id));
    // A change before the read position must be noticed, never silent.
    if changed && read_after && delivered.len() != after.len() {
        assert!(
            result
                .warnings
                .iter()
                .any(|warning| warning.contains("changed") || warning.contains("shifted")),
            "{context}: {} ({} delivered of {}), warnings {:?}",
            provider.id(),
            delivered.len(),
            after.len(),
            result.warnings
        );
    }
}
