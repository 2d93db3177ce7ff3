//! The incremental head read (SPEC §8), driven over an in-memory list with
//! each provider's real plans and billing: it stops at the first known item,
//! costs the incremental floor, and survives a list that shifts mid-read.

mod support;
mod sync_support;

use std::collections::HashSet;

use linkedin_network::model::{Item, Page};
use linkedin_network::providers::{self, Provider};
use linkedin_network::query::Resource;
use linkedin_network::sync::diff::item_key;
use linkedin_network::sync::{billing_unit, HeadRead, HeadStatus};
use sync_support::{connection_of, human, Rng};

const CONNECTIONS: Resource = Resource::Connections;

struct Priced {
    added: Vec<String>,
    calls: u64,
    credits: u64,
    status: HeadStatus,
    /// The list's keys, when its first page held all of it.
    whole: Option<Vec<String>>,
}

fn people(rng: &mut Rng, from: u64, count: u64, provider: &'static str) -> Vec<Item> {
    (from..from + count)
        .map(|number| Item::Connection(connection_of(&human(rng, number), provider)))
        .collect()
}

fn key(item: &Item) -> String {
    item_key(item).unwrap().to_string()
}

/// Reads the head of `list` (newest first), calling `before_call(list, n)`
/// before the n-th call so a test can change the list mid-read.
fn read_head(
    provider: &'static dyn Provider,
    list: &mut Vec<Item>,
    known: &HashSet<String>,
    mut before_call: impl FnMut(&mut Vec<Item>, u64),
) -> Priced {
    let mut head = HeadRead::new(known.len() as u64);
    let (mut calls, mut credits) = (0, 0);
    'steps: while let Some(step) =
        head.next_step(billing_unit(provider, CONNECTIONS, head.next_offset()))
    {
        for call in provider.plan(CONNECTIONS, step.offset, step.limit) {
            if call.offset != head.next_offset() || head.status() != HeadStatus::Reading {
                continue 'steps;
            }
            before_call(list, calls);
            calls += 1;
            credits += call.credits;
            let total = list.len() as u64;
            let items: Vec<Item> = list
                .iter()
                .skip(call.offset as usize)
                .take(call.count as usize)
                .cloned()
                .collect();
            let returned = items.len() as u64;
            let (total, has_more) = match provider.id() {
                "connectsafely" => (None, returned >= provider.page_size(CONNECTIONS)),
                _ => (Some(total), call.end() < total),
            };
            let page = Page {
                items,
                offset: call.offset,
                total,
                has_more,
                credits_used: call.credits,
                warnings: vec![],
                continuation: None,
            };
            head.take_page(&call, page, |key| known.contains(key));
        }
        assert!(calls < 10_000, "the read does not end");
    }
    let status = head.status();
    let whole = head
        .take_whole()
        .map(|items| items.iter().map(key).collect());
    let (added, unkeyed, _) = head.into_added();
    assert_eq!(unkeyed, 0);
    Priced {
        added: added.iter().map(key).collect(),
        calls,
        credits,
        status,
        whole,
    }
}

fn network(
    provider: &'static str,
    known: u64,
    new: u64,
) -> (Vec<Item>, HashSet<String>, Vec<String>) {
    let mut rng = Rng(known * 31 + new);
    let old = people(&mut rng, 1, known, provider);
    let fresh = people(&mut rng, 100_000, new, provider);
    let known_keys = old.iter().map(key).collect();
    let new_keys = fresh.iter().map(key).collect();
    (fresh.into_iter().chain(old).collect(), known_keys, new_keys)
}

#[test]
fn the_billing_unit_comes_from_each_providers_own_plans() {
    let unit = |id| billing_unit(providers::find(id).unwrap(), CONNECTIONS, 0);
    assert_eq!(unit("linkup-v2"), 50);
    assert_eq!(unit("linkup-v1"), 10);
    assert_eq!(unit("connectsafely"), 12);
    assert_eq!(
        billing_unit(providers::find("linkup-v1").unwrap(), CONNECTIONS, 15),
        5,
        "to the page's end"
    );
    assert_eq!(
        billing_unit(
            providers::find("connectsafely").unwrap(),
            Resource::SentInvitations,
            0
        ),
        10
    );
}

#[test]
fn a_first_page_that_is_also_the_last_is_kept_whole() {
    for (id, known, new, whole) in [
        ("linkup-v2", 30, 3, true),
        ("linkup-v2", 49, 0, true),
        ("linkup-v2", 50, 1, false),
        ("linkup-v2", 1201, 2, false),
        ("linkup-v1", 7, 2, true),
        ("linkup-v1", 12, 2, false),
    ] {
        let provider = providers::find(id).unwrap();
        let (mut list, known_keys, fresh) = network(id, known, new);
        let priced = read_head(provider, &mut list, &known_keys, |_, _| {});
        assert_eq!(priced.added, fresh, "{id} {known}+{new}");
        assert_eq!(priced.calls, 1, "{id} {known}+{new}");
        let keys: Vec<String> = list.iter().map(key).collect();
        assert_eq!(
            priced.whole,
            whole.then_some(keys),
            "{id} {known}+{new}: the whole list, in order, only when one page held it"
        );
    }
}

#[test]
fn no_change_or_fewer_new_than_a_unit_costs_exactly_one_call() {
    for (id, unit, credits) in [
        ("linkup-v2", 50, 1),
        ("linkup-v1", 10, 1),
        ("connectsafely", 12, 0),
    ] {
        let provider = providers::find(id).unwrap();
        for new in [0, 1, 3, unit - 1] {
            let (mut list, known, fresh) = network(id, 1201, new);
            let priced = read_head(provider, &mut list, &known, |_, _| {});
            assert_eq!(priced.added, fresh, "{id} {new}");
            assert_eq!(priced.status, HeadStatus::Found);
            assert_eq!(
                (priced.calls, priced.credits),
                (1, credits),
                "{id} with {new} new"
            );
        }
    }
}

#[test]
fn more_new_than_a_unit_costs_the_floor_in_as_few_calls_as_the_total_allows() {
    // (provider, new, calls, credits): the floor is ceil((new + 1) / unit) credits.
    let cases = [
        ("linkup-v2", 50, 2, 2),
        ("linkup-v2", 60, 2, 2),
        ("linkup-v2", 99, 2, 2),
        ("linkup-v2", 500, 6, 11),
        ("linkup-v1", 10, 2, 2),
        ("linkup-v1", 35, 2, 4),
        ("linkup-v1", 250, 4, 26),
        ("connectsafely", 12, 2, 0),
        ("connectsafely", 40, 4, 0),
    ];
    for (id, new, calls, credits) in cases {
        let (mut list, known, fresh) = network(id, 300, new);
        let priced = read_head(providers::find(id).unwrap(), &mut list, &known, |_, _| {});
        assert_eq!(priced.added, fresh, "{id} {new}");
        assert_eq!(
            (priced.calls, priced.credits),
            (calls, credits),
            "{id} with {new} new"
        );
    }
}

#[test]
fn a_list_with_nothing_known_is_read_to_its_end() {
    for id in ["linkup-v2", "linkup-v1", "connectsafely"] {
        let (mut list, _, fresh) = network(id, 0, 37);
        let priced = read_head(
            providers::find(id).unwrap(),
            &mut list,
            &HashSet::new(),
            |_, _| {},
        );
        assert_eq!(priced.added, fresh);
        assert_eq!(priced.status, HeadStatus::Ended);
    }
}

#[test]
fn a_list_that_shifts_mid_read_loses_and_repeats_nothing() {
    for id in ["linkup-v2", "linkup-v1", "connectsafely"] {
        let provider = providers::find(id).unwrap();
        // Arrivals at the head between calls: pushed-down items are not repeated.
        let (mut list, known, fresh) = network(id, 300, 75);
        let mut rng = Rng(99);
        let priced = read_head(provider, &mut list, &known, |list, call| {
            if call == 1 {
                for item in people(&mut rng, 500_000, 3, id) {
                    list.insert(0, item);
                }
            }
        });
        assert_eq!(priced.added, fresh, "{id}: arrivals");
        // Removals before the read position: moved-up items are not lost.
        let (mut list, known, fresh) = network(id, 300, 75);
        let doomed: Vec<String> = list[..2].iter().map(key).collect();
        let priced = read_head(provider, &mut list, &known, |list, call| {
            if call == 1 {
                list.drain(..2);
            }
        });
        let unique: HashSet<&String> = priced.added.iter().collect();
        assert_eq!(unique.len(), priced.added.len(), "{id}: a repeat");
        let missing: Vec<&String> = fresh
            .iter()
            .filter(|k| !unique.contains(k) && !doomed.contains(k))
            .collect();
        assert!(missing.is_empty(), "{id}: lost {missing:?}");
    }
}

#[test]
fn random_heads_add_exactly_the_new_items() {
    let mut rng = Rng(0xdecade);
    for round in 0..300 {
        let id = *rng.pick(&["linkup-v2", "linkup-v1", "connectsafely"]);
        let known_count = rng.below(400);
        let new = match rng.below(3) {
            0 => rng.below(5),
            1 => rng.below(60),
            _ => rng.below(400),
        };
        let (mut list, known, fresh) = network(id, known_count, new);
        // Some known items were removed since (only a full read sees that).
        let removals = rng.below(4).min(known_count) as usize;
        for _ in 0..removals {
            let at = new as usize + rng.below(list.len() as u64 - new) as usize;
            list.remove(at);
        }
        let provider = providers::find(id).unwrap();
        let priced = read_head(provider, &mut list, &known, |_, _| {});
        assert_eq!(
            priced.added, fresh,
            "round {round}: {id} known {known_count} new {new}"
        );
        let unit = billing_unit(provider, CONNECTIONS, 0);
        if list.len() as u64 > new && provider.id() != "connectsafely" {
            let floor = (new + 1).div_ceil(unit);
            assert_eq!(
                priced.credits, floor,
                "round {round}: {id} known {known_count} new {new}"
            );
        }
        if new < unit && list.len() as u64 > new {
            assert_eq!(priced.calls, 1, "round {round}");
        }
    }
}
