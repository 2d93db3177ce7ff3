//! Lists that shift while they are read: no duplicate is ever delivered, the
//! shift is reported, and on providers with a total the window around the
//! disturbed boundary is re-read so an item pushed across it is not lost.

mod support;

use linkedin_network::client::report::CollectResult;

use linkedin_network::client::{RunRequest, Settings};
use std::collections::HashSet;
use support::fake_api::{ids, status};
use support::*;

fn collect(
    provider: &'static str,
    size: usize,
    concurrency: usize,
    script: impl FnMut(&FakeApi, &Sent, usize) -> Reply + 'static,
) -> (Vec<String>, CollectResult, FakeApi) {
    let api = FakeApi::new(provider, size);
    let settings = Settings {
        concurrency,
        ..Settings::default()
    };
    let (result, _, _) = collect_sent(&api, settings, RunRequest::default(), script);
    let result = result.unwrap();
    (invitation_ids(&result.items), result, api)
}

fn assert_exactly_once(delivered: &[String], expected: &[String]) {
    let unique: HashSet<&String> = delivered.iter().collect();
    assert_eq!(unique.len(), delivered.len(), "a duplicate was delivered");
    let missing: Vec<&String> = expected.iter().filter(|id| !unique.contains(id)).collect();
    assert!(missing.is_empty(), "lost {missing:?}");
}

/// Where the first page ends: linkup-v2 reads 100 items first, linkup-v1 a
/// one-page probe of 10 (it bills every page asked for).
fn first_boundary(provider: &str) -> u64 {
    if provider == "linkup-v2" {
        100
    } else {
        10
    }
}

#[test]
fn an_insertion_at_the_head_is_reported_and_delivers_nothing_twice() {
    for provider in ["linkup-v2", "linkup-v1"] {
        let boundary = first_boundary(provider);
        let (delivered, result, _) = collect(provider, 300, 1, |api, sent, index| {
            let reply = api.answer(sent);
            if index == 0 {
                api.insert_at_head(1);
            }
            reply
        });
        assert_eq!(
            delivered,
            ids(300),
            "{provider}: every original item, in order, once"
        );
        assert!(
            result.warnings.iter().any(|w| w.contains(&format!(
                "total went from 300 to 301 before item {boundary}"
            ))),
            "{provider}: {:?}",
            result.warnings
        );
        assert!(
            result
                .warnings
                .iter()
                .any(|w| w.starts_with(&format!("re-read items {}–{boundary}", boundary - 1))),
            "{provider}: {:?}",
            result.warnings
        );
    }
}

#[test]
fn a_deletion_at_the_head_loses_nothing_thanks_to_the_re_read() {
    for provider in ["linkup-v2", "linkup-v1"] {
        let (delivered, result, _) = collect(provider, 300, 1, |api, sent, index| {
            let reply = api.answer(sent);
            if index == 0 {
                api.remove_at_head(1);
            }
            reply
        });
        assert_exactly_once(&delivered, &ids(300));
        // The two items around the boundary re-read: one credit on linkup-v2,
        // two pages of 10 on linkup-v1 (the boundary falls between pages).
        let (boundary, credits) = (
            first_boundary(provider),
            if provider == "linkup-v2" { 1 } else { 2 },
        );
        let expected = format!(
            "re-read items {}–{boundary} after the shift ({credits} credits): 2 of them not seen before",
            boundary - 1
        );
        assert!(
            result.warnings.contains(&expected),
            "{provider}: {:?}",
            result.warnings
        );
    }
}

#[test]
fn a_shift_between_concurrent_pages_is_repaired_by_re_reading_only_the_window() {
    // Page 2 is refused once and read again after an insertion, while page 3
    // was read before it: without a repair, item 199 would fall in the gap.
    let mut retried = false;
    let (delivered, result, api) = collect("linkup-v2", 450, 4, move |api, sent, index| {
        let offset = sent.json()["params"]["offset"].as_u64().unwrap();
        if offset == 100 && !retried {
            retried = true;
            return status(10, 429, &[("Retry-After", "1")]);
        }
        if index == 4 {
            api.insert_at_head(1);
        }
        api.answer(sent)
    });
    assert_exactly_once(&delivered, &ids(450));
    let repair = result
        .warnings
        .iter()
        .find(|w| w.starts_with("re-read items 199–200"))
        .unwrap_or_else(|| panic!("{:?}", result.warnings));
    assert!(
        repair.contains("(1 credits): 1 of them not seen before"),
        "{repair}"
    );
    // The repair cost one extra credit over the 10 of 451 items read, not a re-read of the list.
    assert!(api.charged() <= 13, "charged {}", api.charged());
}

#[test]
fn connectsafely_has_no_total_so_duplicates_are_dropped_and_counted() {
    let (delivered, result, _) = collect("connectsafely", 40, 1, |api, sent, index| {
        let reply = api.answer(sent);
        if index == 1 {
            api.insert_at_head(2);
        }
        reply
    });
    assert_eq!(delivered, ids(40));
    assert_eq!(result.duplicates_dropped, 2);
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w == "2 duplicate item(s) dropped: the list shifted while it was read"),
        "{:?}",
        result.warnings
    );
}

#[test]
fn a_shift_too_large_to_repair_says_so() {
    let (delivered, result, _) = collect("linkup-v2", 400, 1, |api, sent, index| {
        let reply = api.answer(sent);
        if index == 0 {
            api.remove_at_head(150);
        }
        reply
    });
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.contains("too large to repair")),
        "{:?}",
        result.warnings
    );
    let unique: HashSet<&String> = delivered.iter().collect();
    assert_eq!(unique.len(), delivered.len());
}

#[test]
fn connectsafely_notices_items_removed_before_the_read_position_and_rereads_them() {
    // Withdrawing invitations already delivered moves every later one up:
    // without a total, only the overlap item shows it.
    for removed in [1, 3, 10] {
        let (delivered, result, api) = collect("connectsafely", 100, 1, move |api, sent, index| {
            let reply = api.answer(sent);
            if index == 2 {
                api.remove_at_head(removed);
            }
            reply
        });
        let original = ids(100);
        assert_exactly_once(&delivered, &original);
        assert!(
            result
                .warnings
                .iter()
                .any(|w| w.contains("is no longer there (items were removed before it)")),
            "{removed}: {:?}",
            result.warnings
        );
        assert!(
            !result.warnings.iter().any(|w| w.contains("may be missing")),
            "{removed}: {:?}",
            result.warnings
        );
        assert_eq!(api.charged(), 0);
    }
}

#[test]
fn connectsafely_says_so_when_more_items_were_removed_than_it_can_re_read() {
    let (delivered, result, _) = collect("connectsafely", 100, 1, |api, sent, index| {
        let reply = api.answer(sent);
        if index == 2 {
            api.remove_at_head(25);
        }
        reply
    });
    let unique: HashSet<&String> = delivered.iter().collect();
    assert_eq!(unique.len(), delivered.len(), "no duplicate even then");
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.contains("items may be missing: run again to be sure")),
        "{:?}",
        result.warnings
    );
}
