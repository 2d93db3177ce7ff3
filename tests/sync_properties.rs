//! Property: over random sequences of network changes (withdrawals and
//! acceptances anywhere in the sent list, new invitations, connections and
//! removals) and syncs cut short by random budgets or failed by random
//! faults, on every provider, the union of the changes reported is the true
//! change — every item added once, every item gone removed once (after a
//! final full sync), none twice — and every acceptance of an invitation
//! that leaves once both lists have a whole baseline is reported exactly
//! once (baselines cut short resume across syncs). Invitation lists are
//! exact after every whole sync, read from the head where their totals
//! prove it (`sync::proof`) and in full where they do not.

mod support;
mod sync_support;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use linkedin_network::client::budget::Budgets;
use linkedin_network::client::sync::SyncRequest;
use linkedin_network::client::{CancelToken, Settings};
use linkedin_network::query::Resource;
use linkedin_network::sync::SyncState;
use support::{block_on, fake_api, Clock, Scripted};
use sync_support::network::Network;
use sync_support::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Added,
    Removed,
}

type Log = [HashMap<String, Vec<Event>>; 3];

fn record(log: &mut Log, list: usize, key: &str, event: Event) {
    log[list].entry(key.to_string()).or_default().push(event);
}

/// Random changes to the network. `fresh` holds the people who accepted
/// since the last whole sync: they stay connected until a sync has seen it
/// (one who accepts and disconnects unseen is only a removed invitation).
fn mutate(
    rng: &mut Rng,
    network: &Network,
    accepted: &mut Vec<String>,
    withdrawn: &mut Vec<String>,
    fresh: &mut HashSet<String>,
) {
    for _ in 0..rng.below(6) {
        let lists = network.truth();
        match rng.below(7) {
            0 => {
                network.invite(1 + rng.below(3) as usize);
            }
            1 if !lists[0].is_empty() => {
                accepted.push(network.accept(rng.below(lists[0].len() as u64) as usize));
                fresh.insert(network.truth()[2][0].clone());
            }
            2 if !lists[0].is_empty() => {
                withdrawn.push(network.withdraw(rng.below(lists[0].len() as u64) as usize))
            }
            3 => {
                let most = if rng.chance(200) { 80 } else { 4 };
                network.connect(1 + rng.below(most) as usize);
            }
            4 if !lists[2].is_empty() => {
                let index = rng.below(lists[2].len() as u64) as usize;
                if !fresh.contains(&lists[2][index]) {
                    network.disconnect(index);
                }
            }
            5 => {
                network.receive(1 + rng.below(2) as usize);
            }
            6 if !lists[1].is_empty() => {
                network.answer_received(rng.below(lists[1].len() as u64) as usize);
            }
            _ => {}
        }
    }
}

#[test]
fn reported_changes_add_up_to_the_true_change_under_random_budget_cuts() {
    let mut rng = Rng(0x5_1ace);
    let (mut cuts, mut resumed, mut failed, mut proven, mut fallbacks) = (0, 0, 0, 0, 0);
    for case in 0..45 {
        let provider = *rng.pick(&["linkup-v2", "linkup-v1", "connectsafely"]);
        let network = Network::new(
            provider,
            rng.below(260) as usize,
            rng.below(130) as usize,
            rng.below(12) as usize,
        );
        let clock = Clock::default();
        let serve = network.clone();
        // Per mille of requests answered by a fault: a 429 (retried) or a 401 (fatal).
        let fault_rate = Rc::new(Cell::new(0));
        let (rate, dice) = (Rc::clone(&fault_rate), RefCell::new(Rng(case)));
        let transport = Scripted::new(&clock, move |request, _| {
            let mut dice = dice.borrow_mut();
            if !dice.chance(rate.get()) {
                return serve.answer(request);
            }
            let code = if dice.chance(300) { 401 } else { 429 };
            fake_api::status(10, code, &[])
        });
        let client = support::client(provider, transport, &clock, Settings::default());
        let (mut log, mut accepted_truth, mut withdrawn) =
            (Log::default(), Vec::<String>::new(), Vec::new());
        let mut accepted_reported: Vec<String> = Vec::new();
        let mut removed_when_linked: Vec<String> = Vec::new();
        let mut state: Option<String> = None;
        let mut fresh = HashSet::new();
        let rounds = 2 + rng.below(6);
        // After the last round, unbudgeted full syncs until one reads no
        // baseline (a baseline cut short reports no removal of what it kept).
        for round in 0.. {
            let last = round >= rounds;
            let decoded = state
                .as_deref()
                .map(|text| SyncState::decode(text, provider, &support::credentials()).unwrap());
            // Acceptances are paired once both lists have a whole baseline.
            let linked = decoded.as_ref().is_some_and(|decoded| {
                decoded.has_baseline(Resource::SentInvitations)
                    && decoded.has_baseline(Resource::Connections)
            });
            if round > 0 && !last {
                let mut accepted_now = Vec::new();
                let (now, gone) = (&mut accepted_now, &mut withdrawn);
                mutate(&mut rng, &network, now, gone, &mut fresh);
                // Only an acceptance made once both lists were whole is seen
                // as one (its connection may have come in a baseline before).
                if linked {
                    accepted_truth.extend(accepted_now);
                }
            }
            let budgets = match rng.below(3) {
                _ if last => Budgets::default(),
                0 => Budgets {
                    max_credits: Some(rng.below(9)),
                    ..Budgets::default()
                },
                1 => Budgets {
                    max_requests: Some(rng.below(9)),
                    ..Budgets::default()
                },
                _ => Budgets::default(),
            };
            fault_rate.set(if last || rng.chance(600) { 0 } else { 60 });
            let full = last || rng.chance(150);
            let request = SyncRequest {
                state: state.clone(),
                full,
                budgets,
                ..SyncRequest::default()
            };
            let result = match block_on(
                &clock,
                client.sync(request, CancelToken::new(), &mut |_| {}),
            ) {
                Ok(result) => result,
                Err(error) => {
                    // A fault the sync could not retry past: the caller keeps its state.
                    assert!(!last, "case {case}: the final syncs have no fault");
                    assert!(!error.message.contains("CANARY"));
                    failed += 1;
                    continue;
                }
            };
            if let Some(max) = budgets.max_credits {
                assert!(
                    result.credits_used <= max,
                    "case {case}: {} > {max}",
                    result.credits_used
                );
            }
            if let Some(max) = budgets.max_requests {
                assert!(result.requests <= max, "case {case}");
            }
            cuts += u64::from(!result.complete);
            assert!(
                !last || result.complete,
                "case {case}: the final sync is unbudgeted"
            );
            let changes = &result.changes;
            for (list, added, removed) in [
                (
                    0,
                    changes
                        .sent_invitations
                        .added
                        .iter()
                        .map(|i| i.id.clone())
                        .collect::<Vec<_>>(),
                    &changes.sent_invitations.removed,
                ),
                (
                    1,
                    changes
                        .received_invitations
                        .added
                        .iter()
                        .map(|i| i.id.clone())
                        .collect(),
                    &changes.received_invitations.removed,
                ),
                (
                    2,
                    changes
                        .connections
                        .added
                        .iter()
                        .map(|c| c.person.profile_url.clone().unwrap())
                        .collect(),
                    &changes.connections.removed,
                ),
            ] {
                for key in added {
                    record(&mut log, list, &key, Event::Added);
                }
                for gone in removed {
                    record(&mut log, list, &gone.key, Event::Removed);
                    if list == 0 && linked {
                        removed_when_linked.push(gone.key.clone());
                    }
                }
            }
            accepted_reported.extend(changes.accepted.iter().map(|a| a.invitation.key.clone()));
            let kept = SyncState::decode(&result.state, provider, &support::credentials()).unwrap();
            resumed += u64::from(
                Resource::ALL
                    .iter()
                    .any(|list| kept.pending(*list).is_some()),
            );
            if result.complete {
                fresh.clear();
            }
            if result.complete && !changes.baseline {
                // Whole, and no baseline: the invitation lists are exact now,
                // whether their heads were proven or they were read in full.
                let truth = network.truth();
                for list in 0..2 {
                    let mut alive: Vec<&String> = log[list]
                        .iter()
                        .filter(|(_, events)| events.last() == Some(&Event::Added))
                        .map(|(key, _)| key)
                        .collect();
                    let mut now: Vec<&String> = truth[list].iter().collect();
                    alive.sort();
                    now.sort();
                    assert_eq!(alive, now, "case {case} round {round} list {list}");
                }
                let before = decoded.and_then(|d| d.check(Resource::SentInvitations));
                match (before, kept.check(Resource::SentInvitations)) {
                    (Some(old), Some(new)) if new.syncs == old.syncs + 1 => proven += 1,
                    (Some(_), Some(new)) if new.syncs == 0 && !full => fallbacks += 1,
                    _ => {}
                }
            }
            state = Some(result.state);
            if last && !changes.baseline {
                break;
            }
            assert!(round < rounds + 4, "case {case}: the final syncs end");
        }
        let truth = network.truth();
        for list in 0..3 {
            let now: HashSet<&String> = truth[list].iter().collect();
            for key in &truth[list] {
                assert_eq!(
                    log[list].get(key).map(Vec::as_slice),
                    Some(&[Event::Added][..]),
                    "case {case} list {list} {key}"
                );
            }
            for (key, events) in &log[list] {
                if !now.contains(key) {
                    assert_eq!(
                        events.as_slice(),
                        [Event::Added, Event::Removed],
                        "case {case} list {list} {key}"
                    );
                }
            }
        }
        let mut expected: Vec<&String> = accepted_truth
            .iter()
            .filter(|id| removed_when_linked.contains(id))
            .collect();
        let mut reported: Vec<&String> = accepted_reported.iter().collect();
        expected.sort();
        reported.sort();
        assert_eq!(reported, expected, "case {case}: acceptances");
        assert!(withdrawn.iter().all(|id| !accepted_reported.contains(id)));
    }
    println!("{cuts} cut, {failed} failed, {proven} sent heads proven, {fallbacks} checked sent lists read in full (a total fell short, or one page held them)");
    assert!(cuts > 20, "the budgets cut some syncs short ({cuts})");
    assert!(failed > 5, "faults failed some syncs ({failed})");
    assert!(proven > 20, "sent lists were read from the head ({proven})");
    assert!(
        fallbacks > 5,
        "and in full when their totals said so ({fallbacks})"
    );
    assert!(
        resumed > 10,
        "some baselines went on over several syncs ({resumed})"
    );
}
