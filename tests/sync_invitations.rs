//! Invitation lists read incrementally by `Client::sync` (SPEC §8,
//! `sync::proof`): their heads at the floor while the provider's totals
//! prove that nothing but acceptances left them, the full read whenever a
//! total says something else did (a withdrawal in the middle of the list),
//! and the full reads that bound the drift (`DRIFT_SYNCS` head reads,
//! `DRIFT_MS`) — each checked against the fake network's ledger.

mod support;
mod sync_support;

use linkedin_network::client::budget::Budgets;
use linkedin_network::client::sync::{SyncRequest, SyncResult};
use linkedin_network::client::{CancelToken, Client, Settings};
use linkedin_network::query::Resource;
use linkedin_network::sync::proof::{DRIFT_MS, DRIFT_SYNCS};
use linkedin_network::sync::SyncState;
use support::{block_on, Clock, Scripted};
use sync_support::network::Network;
use sync_support::Human;

struct Setup {
    provider: &'static str,
    network: Network,
    client: Client<Scripted, Clock>,
    clock: Clock,
}

fn setup(provider: &'static str, connections: usize, sent: usize, received: usize) -> Setup {
    let network = Network::new(provider, connections, sent, received);
    on_clock(provider, &network, Clock::default())
}

/// A client of `network` whose clock is `clock`.
fn on_clock(provider: &'static str, network: &Network, clock: Clock) -> Setup {
    let serve = network.clone();
    let transport = Scripted::new(&clock, move |request, _| serve.answer(request));
    let client = support::client(provider, transport, &clock, Settings::default());
    Setup {
        provider,
        network: network.clone(),
        client,
        clock,
    }
}

impl Setup {
    fn sync_with(&self, state: Option<&str>, request: SyncRequest) -> SyncResult {
        let request = SyncRequest {
            state: state.map(str::to_string),
            ..request
        };
        let result = block_on(
            &self.clock,
            self.client.sync(request, CancelToken::new(), &mut |_| {}),
        )
        .unwrap();
        assert!(result.complete, "{:?}", result.stop_reason);
        result
    }

    fn sync(&self, state: Option<&str>) -> SyncResult {
        self.sync_with(state, SyncRequest::default())
    }

    /// A sync and what the network's ledger says it cost: (credits, requests).
    fn sync_costed(&self, state: &str) -> (SyncResult, (u64, u64)) {
        let (charged, served) = (self.network.charged(), self.network.served());
        let result = self.sync(Some(state));
        let cost = (
            self.network.charged() - charged,
            self.network.served() - served,
        );
        assert_eq!(
            (result.credits_used, result.requests),
            cost,
            "{}: the result's spend is the ledger's",
            self.provider
        );
        (result, cost)
    }

    fn sent_person(&self, index: usize) -> (String, Human) {
        self.network.lists.borrow().sent[index].clone()
    }

    fn checked(&self, state: &str, resource: Resource) -> Option<u64> {
        let decoded = SyncState::decode(state, self.provider, &support::credentials()).unwrap();
        decoded.check(resource).map(|check| check.syncs)
    }
}

fn keys(removed: &[linkedin_network::sync::Removed]) -> Vec<String> {
    removed.iter().map(|entry| entry.key.clone()).collect()
}

fn ids(list: &[linkedin_network::model::Invitation]) -> Vec<String> {
    list.iter()
        .map(|invitation| invitation.id.clone())
        .collect()
}

/// Sent invitations at the given positions are accepted (from the last, so
/// positions hold); the accepted (id, person) in list order.
fn accept(s: &Setup, positions: &[usize]) -> Vec<(String, Human)> {
    let mut accepted: Vec<(String, Human)> = positions
        .iter()
        .rev()
        .map(|position| {
            let entry = s.sent_person(*position);
            assert_eq!(s.network.accept(*position), entry.0);
            entry
        })
        .collect();
    accepted.reverse();
    accepted
}

#[test]
fn new_sent_invitations_and_acceptances_cost_the_floor_of_each_list() {
    // linkup-v2: 1 credit for each of connections, sent, received (one call
    // of 50 each); linkup-v1: one page of 10 each.
    for provider in ["linkup-v2", "linkup-v1"] {
        let s = setup(provider, 1201, 145, 26);
        let mut state = s.sync(None).state;
        for (new_sent, accepted_at) in [
            (0, &[][..]),
            (5, &[40, 77][..]),
            (3, &[0][..]),
            (0, &[10, 11, 139][..]),
        ] {
            let accepted = accept(&s, accepted_at);
            let invited = s.network.invite(new_sent);
            let connected = s.network.connect(3);
            let (result, cost) = s.sync_costed(&state);
            assert_eq!(
                cost,
                (3, 3),
                "{provider}: {new_sent} sent, {accepted_at:?} accepted"
            );
            let changes = &result.changes;
            assert_eq!(ids(&changes.sent_invitations.added), invited, "{provider}");
            let accepted_ids: Vec<String> = accepted.iter().map(|(id, _)| id.clone()).collect();
            assert_eq!(keys(&changes.sent_invitations.removed), accepted_ids);
            // What the caller needs to find them, from the state.
            for (gone, (_, person)) in changes.sent_invitations.removed.iter().zip(&accepted) {
                assert_eq!(gone.name.as_deref(), Some(person.name().as_str()));
                assert_eq!(gone.profile_url, Some(person.canonical_url()));
            }
            let pairs: Vec<(String, String)> = changes
                .accepted
                .iter()
                .map(|pair| {
                    let url = pair.connection.person.profile_url.clone().unwrap();
                    (pair.invitation.key.clone(), url)
                })
                .collect();
            let expected: Vec<(String, String)> = accepted
                .iter()
                .map(|(id, person)| (id.clone(), person.canonical_url()))
                .collect();
            let mut pairs_sorted = pairs.clone();
            let mut expected_sorted = expected.clone();
            pairs_sorted.sort();
            expected_sorted.sort();
            assert_eq!(pairs_sorted, expected_sorted, "{provider}");
            let added: Vec<String> = changes
                .connections
                .added
                .iter()
                .map(|c| c.person.profile_url.clone().unwrap())
                .collect();
            assert_eq!(added[..3], connected[..]);
            assert_eq!(added.len(), 3 + accepted.len());
            assert!(changes.received_invitations.added.is_empty());
            assert!(result.warnings.is_empty(), "{:?}", result.warnings);
            state = result.state;
        }
        let [sent, _, _] = s.network.truth();
        let kept = SyncState::decode(&state, provider, &support::credentials()).unwrap();
        let known: Vec<String> = keys(kept.known(Resource::SentInvitations).unwrap());
        assert_eq!(
            known, sent,
            "{provider}: the state holds the list, in order"
        );
        assert_eq!(s.checked(&state, Resource::SentInvitations), Some(4));
    }
}

#[test]
fn a_withdrawal_in_the_middle_of_the_list_falls_back_to_the_full_read_and_is_reported() {
    for provider in ["linkup-v2", "linkup-v1"] {
        let s = setup(provider, 400, 145, 26);
        let first = s.sync(None);
        let invited = s.network.invite(2);
        let accepted = accept(&s, &[30]);
        let withdrawn = s.sent_person(72);
        assert_eq!(s.network.withdraw(72), withdrawn.0);
        let declined = s.network.answer_received(13);
        let (result, (credits, requests)) = s.sync_costed(&first.state);
        // The floor of each list, then the two whose totals fell short read in
        // full: 147 sent (linkup-v2: 3 credits; v1: 15 pages), 25 received
        // (v1: 3 pages; on linkup-v2 its head call of 50 held the whole list,
        // a full reading already).
        let full = if provider == "linkup-v2" { 3 } else { 15 + 3 };
        assert_eq!(credits, 3 + full, "{provider}");
        assert!(requests > 3, "{provider}");
        let changes = &result.changes;
        assert_eq!(ids(&changes.sent_invitations.added), invited, "{provider}");
        assert_eq!(
            keys(&changes.sent_invitations.removed),
            [accepted[0].0.clone(), withdrawn.0.clone()],
            "{provider}: in list order, each once"
        );
        let gone = &changes.sent_invitations.removed[1];
        assert_eq!(gone.name, Some(withdrawn.1.name()));
        assert_eq!(gone.profile_url, Some(withdrawn.1.canonical_url()));
        assert_eq!(
            changes.accepted.len(),
            1,
            "{provider}: the withdrawal is no acceptance"
        );
        assert_eq!(changes.accepted[0].invitation.key, accepted[0].0);
        assert_eq!(keys(&changes.received_invitations.removed), [declined]);
        // The full read proved the count again: the next sync is at the floor.
        assert_eq!(s.checked(&result.state, Resource::SentInvitations), Some(0));
        let (quiet, cost) = s.sync_costed(&result.state);
        assert_eq!(cost, (3, 3), "{provider}");
        assert!(quiet.changes.sent_invitations.removed.is_empty());
        assert!(quiet.changes.received_invitations.removed.is_empty());
    }
}

#[test]
fn without_connections_an_acceptance_is_unexplained_and_read_in_full() {
    let s = setup("linkup-v2", 300, 145, 4);
    let first = s.sync(None);
    let accepted = accept(&s, &[3]);
    let only_sent = SyncRequest {
        resources: Some(vec![Resource::SentInvitations]),
        ..SyncRequest::default()
    };
    let (charged, served) = (s.network.charged(), s.network.served());
    let result = s.sync_with(Some(&first.state), only_sent);
    // The head (1 credit) fell one short; the full read (3) found which.
    assert_eq!(
        (s.network.charged() - charged, s.network.served() - served),
        (4, 3)
    );
    assert_eq!(
        keys(&result.changes.sent_invitations.removed),
        [accepted[0].0.clone()]
    );
    assert!(result.changes.accepted.is_empty(), "no connection was read");
}

#[test]
fn a_list_is_read_in_full_again_after_drift_syncs_head_reads() {
    let s = setup("linkup-v2", 100, 60, 3);
    let mut state = s.sync(None).state;
    for syncs in 1..=DRIFT_SYNCS {
        s.network.invite(1);
        let (result, cost) = s.sync_costed(&state);
        assert_eq!(cost, (3, 3), "head read {syncs}");
        assert_eq!(
            s.checked(&result.state, Resource::SentInvitations),
            Some(syncs)
        );
        state = result.state;
    }
    let (result, cost) = s.sync_costed(&state);
    // Sent (108 items: 3 credits, 2 calls) and received (1) in full.
    assert_eq!(cost, (1 + 3 + 1, 1 + 2 + 1));
    assert_eq!(s.checked(&result.state, Resource::SentInvitations), Some(0));
}

#[test]
fn a_list_is_read_in_full_again_drift_ms_after_its_last_full_read() {
    let network = Network::new("linkup-v2", 200, 145, 4);
    let s = on_clock("linkup-v2", &network, Clock::default());
    let first = s.sync(None);
    let (head, cost) = s.sync_costed(&first.state);
    assert_eq!(cost, (3, 3));
    assert_eq!(s.checked(&head.state, Resource::SentInvitations), Some(1));
    // The same account, DRIFT_MS later by the client's clock.
    let later = on_clock(
        "linkup-v2",
        &network,
        Clock::starting_at(s.clock.now() + DRIFT_MS),
    );
    let (full, cost) = later.sync_costed(&head.state);
    assert_eq!(
        cost,
        (1 + 3 + 1, 1 + 2 + 1),
        "sent read in full: 145 items, 3 credits"
    );
    assert_eq!(
        later.checked(&full.state, Resource::SentInvitations),
        Some(0)
    );
    assert!(full.changes.sent_invitations.removed.is_empty());
    let (_, cost) = later.sync_costed(&full.state);
    assert_eq!(cost, (3, 3), "and from the head again after it");
}

#[test]
fn full_reads_the_invitation_lists_in_full_and_connectsafely_always_does() {
    let s = setup("linkup-v2", 200, 145, 4);
    let first = s.sync(None);
    let (charged, served) = (s.network.charged(), s.network.served());
    let full = SyncRequest {
        full: true,
        budgets: Budgets::default(),
        ..SyncRequest::default()
    };
    let result = s.sync_with(Some(&first.state), full);
    assert_eq!(s.network.charged() - charged, 4 + 3 + 1);
    assert!(s.network.served() - served >= 5);
    assert_eq!(s.checked(&result.state, Resource::SentInvitations), Some(0));
    // ConnectSafely gives no total: nothing proves a head read of its
    // invitation lists, which are read in full (at no credit).
    let s = setup("connectsafely", 50, 30, 4);
    let first = s.sync(None);
    assert_eq!(s.checked(&first.state, Resource::SentInvitations), None);
    let withdrawn = s.network.withdraw(17);
    let (result, (credits, requests)) = s.sync_costed(&first.state);
    assert_eq!(credits, 0);
    assert!(
        requests > 1 + 3,
        "connections' head, and the 29 sent in full: {requests}"
    );
    assert_eq!(keys(&result.changes.sent_invitations.removed), [withdrawn]);
}

#[test]
fn unipile_gives_no_total_either_its_invitation_lists_are_read_in_full_by_cursor() {
    // 145 sent: two calls of the chain (100, then 45 and a null cursor).
    let s = setup("unipile", 300, 145, 4);
    let first = s.sync(None);
    assert_eq!(s.checked(&first.state, Resource::SentInvitations), None);
    let withdrawn = s.sent_person(120);
    assert_eq!(s.network.withdraw(120), withdrawn.0);
    let accepted = s.sent_person(3);
    assert_eq!(s.network.accept(3), accepted.0);
    let (result, cost) = s.sync_costed(&first.state);
    assert_eq!(
        cost,
        (0, 1 + 2 + 1),
        "connections' head, sent in full, received"
    );
    let changes = &result.changes;
    assert_eq!(
        keys(&changes.sent_invitations.removed),
        [accepted.0.clone(), withdrawn.0],
        "in list order, each once"
    );
    assert_eq!(changes.accepted.len(), 1);
    assert_eq!(changes.accepted[0].invitation.key, accepted.0);
    assert_eq!(
        changes.accepted[0].connection.person.profile_url,
        Some(accepted.1.canonical_url())
    );
    assert!(result.warnings.is_empty(), "{:?}", result.warnings);
}
