//! `Client::sync` (SPEC §8) when things go wrong: states refused before
//! anything is sent, budget cuts, aborts, faults and lists that move during
//! a sync lose and repeat nothing.

mod support;
mod sync_support;

use linkedin_network::client::budget::{Budgets, StopReason};
use linkedin_network::client::sync::SyncRequest;
use linkedin_network::client::{CancelToken, Client, Settings};
use linkedin_network::error::{Error, ErrorCode};
use linkedin_network::providers::ConnectSafely;
use linkedin_network::query::Resource;
use support::{block_on, Clock, Scripted};
use sync_support::network::Network;
use sync_support::network::PROVIDERS;
#[path = "sync_support/client.rs"]
mod sync_client_support;
use sync_client_support::*;

#[test]
fn a_state_of_another_account_or_a_damaged_one_is_refused_before_any_request() {
    let s = setup("linkup-v2", 20, 3, 1);
    let first = s.sync_ok(None);
    let sent_before = s.transport.requests();
    for state in [
        first.state[..first.state.len() - 3].to_string(),
        "garbage".to_string(),
    ] {
        let error = s.sync(Some(&state), false, Budgets::default()).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(error.message.starts_with("state "), "{}", error.message);
    }
    let other = setup("linkup-v1", 20, 3, 1);
    let error = other
        .sync(Some(&first.state), false, Budgets::default())
        .unwrap_err();
    assert!(
        error.message.contains("was issued for \"linkup-v2\""),
        "{}",
        error.message
    );
    assert_eq!(s.transport.requests(), sent_before);
    assert_eq!(other.transport.requests(), 0);
}

#[test]
fn a_budget_cut_commits_only_whole_lists_and_the_next_sync_loses_nothing() {
    let s = setup("linkup-v2", 400, 145, 26);
    let first = s.sync_ok(None);
    let connected = s.network.connect(5);
    let accepted_id = s.network.accept(0);
    let received = s.network.receive(2);
    // Received and connections (1 credit each) fit; sent, read last, does not.
    let cut = s
        .sync(
            Some(&first.state),
            false,
            Budgets {
                max_credits: Some(2),
                ..Budgets::default()
            },
        )
        .unwrap();
    assert!(!cut.complete);
    assert_eq!(cut.stop_reason, StopReason::MaxCredits);
    assert!(cut.credits_used <= 2);
    assert_eq!(ids(&cut.changes.received_invitations.added), received);
    assert!(
        cut.changes.sent_invitations.removed.is_empty() && cut.changes.connections.added.is_empty()
    );
    let next = s.sync_ok(Some(&cut.state));
    assert!(
        next.changes.received_invitations.added.is_empty(),
        "not repeated"
    );
    assert_eq!(next.changes.sent_invitations.removed[0].key, accepted_id);
    assert_eq!(
        urls(&next.changes.connections.added)[1..],
        connected[..],
        "after the accepted one"
    );
    assert_eq!(next.changes.accepted.len(), 1);
}

#[test]
fn an_abort_is_an_error_and_the_old_state_stays_good() {
    let s = setup("linkup-v1", 50, 5, 1);
    let first = s.sync_ok(None);
    let cancel = CancelToken::new();
    cancel.cancel();
    let request = SyncRequest {
        state: Some(first.state.clone()),
        ..SyncRequest::default()
    };
    let error = block_on(&s.clock, s.client.sync(request, cancel, &mut |_| {})).unwrap_err();
    assert_eq!(error.code, ErrorCode::Aborted);
    s.network.connect(1);
    assert_eq!(
        s.sync_ok(Some(&first.state))
            .changes
            .connections
            .added
            .len(),
        1
    );
}

#[test]
fn resources_limit_what_is_read() {
    let s = setup("connectsafely", 30, 5, 2);
    let request = SyncRequest {
        resources: Some(vec![Resource::ReceivedInvitations]),
        ..SyncRequest::default()
    };
    let result = block_on(
        &s.clock,
        s.client.sync(request, CancelToken::new(), &mut |_| {}),
    )
    .unwrap();
    assert!(result.complete);
    assert_eq!(result.changes.received_invitations.added.len(), 2);
    assert!(result.changes.connections.added.is_empty());
    assert_eq!(s.network.connections_cost().0, 0);
    assert_eq!(result.last_full_sync_at, None);
}

#[test]
fn connections_arriving_during_a_head_read_are_neither_lost_nor_repeated() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    for provider in PROVIDERS {
        let network = Network::new(provider, 400, 3, 1);
        let clock = Clock::default();
        let serve = network.clone();
        // Two people connect right after the connections call numbered `trigger`.
        let trigger = Rc::new(Cell::new(u64::MAX));
        let arrivals = Rc::new(RefCell::new(Vec::new()));
        let (when, record) = (Rc::clone(&trigger), Rc::clone(&arrivals));
        let transport = Scripted::new(&clock, move |request, _| {
            let reply = serve.answer(request);
            if serve.connections_cost().0 == when.get() {
                record.borrow_mut().extend(serve.connect(2));
            }
            reply
        });
        let client = support::client(provider, transport, &clock, Settings::default());
        let sync = |state: Option<String>| sync_from(&client, &clock, state.as_deref()).unwrap();
        let first = sync(None);
        trigger.set(network.connections_cost().0 + 1);
        // More than one page of new connections, so the head read goes on
        // after its first call (Unipile's pages hold 100).
        let read = linkedin_network::providers::find(provider).unwrap();
        let page = read.page_size(Resource::Connections) as usize;
        let connected = network.connect(70.max(page + 20));
        let second = sync(Some(first.state.clone()));
        assert!(
            network.connections_cost().0 > trigger.get(),
            "{provider}: the head read went on after the arrivals"
        );
        let third = sync(Some(second.state.clone()));
        let arrivals = arrivals.borrow().clone();
        let (early, second_urls): (Vec<String>, Vec<String>) =
            urls(&second.changes.connections.added)
                .into_iter()
                .partition(|url| arrivals.contains(url));
        assert_eq!(
            second_urls, connected,
            "{provider}: the new ones, in order, once"
        );
        // By offset, the arrivals shift the list under the read and wait for
        // the next sync; a cursor chain's cursor expires with them, the head
        // is read again and they are met in this one.
        let (now, next) = if read.chained() {
            (arrivals.clone(), Vec::new())
        } else {
            (Vec::new(), arrivals.clone())
        };
        assert_eq!(early, now, "{provider}: the arrivals, this time");
        assert_eq!(
            urls(&third.changes.connections.added),
            next,
            "{provider}: the arrivals next time"
        );
        let fourth = sync(Some(third.state));
        assert!(fourth.changes.connections.added.is_empty());
    }
}

/// A client whose transport answers request `index` with `fault(index)`
/// when it gives one, else honestly.
fn faulty(
    provider: &'static str,
    network: &Network,
    fault: impl Fn(usize) -> Option<support::Reply> + 'static,
) -> (Client<Scripted, Clock>, Clock) {
    let clock = Clock::default();
    let serve = network.clone();
    let transport = Scripted::new(&clock, move |request, index| {
        fault(index).unwrap_or_else(|| serve.answer(request))
    });
    (
        support::client(provider, transport, &clock, Settings::default()),
        clock,
    )
}

#[test]
fn a_retried_fault_changes_nothing_and_a_fatal_one_keeps_the_old_state_good() {
    for provider in PROVIDERS {
        let network = Network::new(provider, 120, 12, 3);
        let (client, clock) = faulty(provider, &network, |_| None);
        let run = |client: &Client<Scripted, Clock>, clock: &Clock, state: &str| {
            sync_from(client, clock, Some(state))
        };
        let first = sync_from(&client, &clock, None).unwrap();
        let connected = network.connect(2);
        let invited = network.invite(1);
        // A 429 on the second request of the sync is retried.
        let (retrying, clock) = faulty(provider, &network, |index| {
            (index == 1).then(|| support::fake_api::status(50, 429, &[]))
        });
        let served = network.served();
        let second = run(&retrying, &clock, &first.state).unwrap();
        assert!(second.complete, "{provider}");
        assert_eq!(urls(&second.changes.connections.added), connected);
        assert_eq!(ids(&second.changes.sent_invitations.added), invited);
        assert_eq!(
            second.requests,
            network.served() - served + 1,
            "{provider}: the 429 counted as a request"
        );
        // An AUTH answer from the third request on (the sent head read) fails the sync.
        let more = network.connect(1);
        let (failing, clock) = faulty(provider, &network, |index| {
            (index >= 2).then(|| support::fake_api::status(10, 401, &[]))
        });
        let error = run(&failing, &clock, &second.state).unwrap_err();
        assert_eq!(error.code, ErrorCode::Auth, "{provider}");
        assert!(!error.message.contains("CANARY"));
        // The state it had still resumes: the change is reported, once.
        let (healthy, clock) = faulty(provider, &network, |_| None);
        let third = run(&healthy, &clock, &second.state).unwrap();
        assert_eq!(urls(&third.changes.connections.added), more, "{provider}");
        assert!(third.changes.sent_invitations.added.is_empty());
    }
}

/// ConnectSafely's wire format read as a provider with opaque cursors is:
/// its pages reachable only one after another.
struct Sequential;

impl linkedin_network::providers::Provider for Sequential {
    fn id(&self) -> &'static str {
        ConnectSafely.id()
    }
    fn default_base_url(&self) -> &'static str {
        ConnectSafely.default_base_url()
    }
    fn check_credentials(
        &self,
        credentials: &linkedin_network::query::Credentials,
    ) -> Result<(), Error> {
        ConnectSafely.check_credentials(credentials)
    }
    fn invitation_filters(
        &self,
        resource: Resource,
    ) -> &'static [linkedin_network::providers::InvitationFilter] {
        ConnectSafely.invitation_filters(resource)
    }
    fn credential_fields(&self) -> &'static [&'static str] {
        ConnectSafely.credential_fields()
    }
    fn page_size(&self, resource: Resource) -> u64 {
        ConnectSafely.page_size(resource)
    }
    fn plan(
        &self,
        resource: Resource,
        offset: u64,
        limit: u64,
    ) -> Vec<linkedin_network::plan::PlannedCall> {
        ConnectSafely.plan(resource, offset, limit)
    }
    fn build_request(
        &self,
        target: &linkedin_network::query::Target,
        call: &linkedin_network::plan::PlannedCall,
    ) -> Result<linkedin_network::http::HttpRequest, Error> {
        ConnectSafely.build_request(target, call)
    }
    fn parse_page(
        &self,
        resource: Resource,
        response: &linkedin_network::http::HttpResponse<'_>,
        call: Option<&linkedin_network::plan::PlannedCall>,
        now_ms: Option<i64>,
    ) -> Result<linkedin_network::model::Page, Error> {
        ConnectSafely.parse_page(resource, response, call, now_ms)
    }
    fn addressable(&self) -> bool {
        false
    }
}

static SEQUENTIAL: Sequential = Sequential;

#[test]
fn a_provider_read_page_after_page_syncs_its_head_at_the_floor_too() {
    let network = Network::new("connectsafely", 200, 4, 1);
    let clock = Clock::default();
    let serve = network.clone();
    let transport = Scripted::new(&clock, move |request, _| serve.answer(request));
    let client = Client::new(
        &SEQUENTIAL,
        None,
        support::credentials(),
        Settings::default(),
        transport,
        clock.clone(),
        7,
    )
    .unwrap();
    let sync = |state: Option<String>| sync_from(&client, &clock, state.as_deref()).unwrap();
    let first = sync(None);
    assert_eq!(first.changes.connections.added.len(), 200);
    for (new, calls) in [(0, 1), (3, 1), (11, 1), (30, 3)] {
        let connected = network.connect(new);
        let before = network.connections_cost().0;
        let next = sync(Some(first.state.clone()));
        assert_eq!(
            urls(&next.changes.connections.added),
            connected,
            "{new} new"
        );
        assert_eq!(
            network.connections_cost().0 - before,
            calls,
            "{new} new: pages of 12 read to the first known one"
        );
        // Forget them again so each round starts from the same state.
        network.lists.borrow_mut().connections.drain(..new);
    }
}

#[test]
fn a_baseline_larger_than_the_budget_goes_on_over_several_syncs() {
    // 1,201 connections on ConnectSafely take 110 requests; a free Worker has 50.
    let s = setup("connectsafely", 1201, 30, 5);
    let budgets = Budgets {
        max_requests: Some(40),
        ..Budgets::default()
    };
    let mut state: Option<String> = None;
    let mut added: Vec<String> = Vec::new();
    let mut syncs = 0;
    let arrived = loop {
        syncs += 1;
        let run = s.sync(state.as_deref(), false, budgets).unwrap();
        assert!(run.requests <= 40);
        assert!(run.changes.baseline);
        added.extend(urls(&run.changes.connections.added));
        state = Some(run.state);
        if syncs == 2 {
            // People connect while the baseline is still being read.
            break s.network.connect(2);
        }
        assert!(!run.complete && run.stop_reason == StopReason::MaxRequests);
    };
    loop {
        let run = s.sync(state.as_deref(), false, budgets).unwrap();
        syncs += 1;
        added.extend(urls(&run.changes.connections.added));
        state = Some(run.state);
        if run.complete {
            assert!(run.last_full_sync_at.is_some());
            break;
        }
        assert!(syncs < 10);
    }
    let [_, _, truth] = s.network.truth();
    assert_eq!(
        added,
        truth[2..],
        "{syncs} syncs: every baseline connection once, in order"
    );
    let next = s.sync(state.as_deref(), false, budgets).unwrap();
    assert_eq!(
        urls(&next.changes.connections.added),
        arrived,
        "the arrivals, by the first head read"
    );
    assert!(!next.changes.baseline && next.complete);
}
