//! `Client::withdraw_stale`: reads the whole pending list, withdraws the
//! oldest first, one at a time, never a younger one; a dry run writes
//! nothing and prices exactly what the run spends; budgets, an abort and
//! AUTH stop it cleanly, saying what was done.

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use linkedin_network::actions::report::{
    StaleProgress, StaleStop, WithdrawStale, WithdrawStaleResult,
};
use linkedin_network::actions::stale::{StalePlan, StaleRequest, REINVITE_WARNING};
use linkedin_network::actions::ActionOutcome;
use linkedin_network::client::CancelToken;
use linkedin_network::error::ErrorCode;
use linkedin_network::json::to_json_string;
use support::block_on;
use support::fake_actions::{setup, FakeActions, Fault, Setup};
use support::PROVIDERS;

/// Newest first, as lists come; 25 items so linkup-v1 and ConnectSafely read 3 pages.
const AGES: [u64; 25] = [
    1, 2, 3, 5, 8, 10, 12, 14, 15, 18, 19, 20, 21, 22, 23, 25, 28, 30, 33, 40, 45, 50, 60, 70, 90,
];

fn request(older_than_days: u64) -> StaleRequest {
    StaleRequest {
        older_than_days,
        ..StaleRequest::default()
    }
}

fn run_on(
    setup: &Setup,
    request: StaleRequest,
    cancel: CancelToken,
) -> (WithdrawStale, Vec<StaleProgress>) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&events);
    let result = block_on(
        &setup.clock,
        setup
            .client
            .withdraw_stale(request, cancel, &mut |progress| {
                sink.borrow_mut().push(progress.clone())
            }),
    )
    .unwrap();
    let events = events.borrow().clone();
    (result, events)
}

fn plan(setup: &Setup, request: StaleRequest) -> StalePlan {
    match run_on(
        setup,
        StaleRequest {
            dry_run: true,
            ..request
        },
        CancelToken::new(),
    )
    .0
    {
        WithdrawStale::Plan(plan) => plan,
        WithdrawStale::Ran(_) => panic!("a dry run wrote"),
    }
}

fn ran(
    setup: &Setup,
    request: StaleRequest,
    cancel: CancelToken,
) -> (WithdrawStaleResult, Vec<StaleProgress>) {
    match run_on(setup, request, cancel) {
        (WithdrawStale::Ran(result), events) => (result, events),
        (WithdrawStale::Plan(_), _) => panic!("not a dry run"),
    }
}

/// The ages of the invitations withdrawn, in the order the provider saw them.
fn withdrawn_ages(fake: &FakeActions) -> Vec<u64> {
    let ids: Vec<String> = fake.effects().into_iter().map(|(_, id)| id).collect();
    ids.iter()
        .map(|id| {
            AGES[AGES
                .iter()
                .enumerate()
                .position(|(index, _)| original_id(index) == *id)
                .unwrap()]
        })
        .collect()
}

fn original_id(index: usize) -> String {
    (7_331_558_767_219_683_329u64 + index as u64 * 1_031).to_string()
}

#[test]
fn a_dry_run_writes_nothing_and_prices_exactly_what_the_run_spends() {
    for provider in PROVIDERS {
        let dry = setup(FakeActions::new(provider, &AGES, 0));
        let planned = plan(&dry, request(21));
        assert!(dry.fake.effects().is_empty(), "{provider}");
        assert_eq!(dry.fake.sent.borrow().len(), AGES.len());
        let ages: Vec<i64> = planned.candidates.iter().map(|c| c.days).collect();
        assert_eq!(
            ages,
            [90, 70, 60, 50, 45, 40, 33, 30, 28, 25, 23, 22, 21],
            "{provider}"
        );
        assert_eq!(
            planned.credits,
            dry.fake.charged() + 13 * u64::from(provider != "connectsafely")
        );

        let real = setup(FakeActions::new(provider, &AGES, 0));
        let (done, events) = ran(&real, request(21), CancelToken::new());
        assert_eq!(done.credits_used, planned.credits, "{provider}");
        assert_eq!(done.requests, planned.requests, "{provider}");
        assert_eq!(done.requests, real.transport.requests() as u64);
        assert_eq!(
            done.credits_used,
            real.fake.charged(),
            "{provider}: reported = charged"
        );
        assert_eq!((done.withdrawn, done.not_pending, done.failed), (13, 0, 0));
        assert!(done.complete);
        assert_eq!(done.stop_reason, StaleStop::End);
        // Oldest first, one at a time, never one younger than 21 days.
        assert_eq!(
            withdrawn_ages(&real.fake),
            [90, 70, 60, 50, 45, 40, 33, 30, 28, 25, 23, 22, 21]
        );
        assert_eq!(real.transport.log.borrow().max_in_flight, 1);
        assert!(done.warnings.iter().any(|w| w == REINVITE_WARNING));
        assert_eq!(events.len(), 14);
        assert_eq!(events.last().unwrap().stop_reason, Some(StaleStop::End));
        assert!(events[..13].iter().all(|e| e.stop_reason.is_none()));
    }
}

#[test]
fn max_and_max_credits_withdraw_the_oldest_and_say_more_remain() {
    let by_max = setup(FakeActions::new("linkup-v2", &AGES, 0));
    let (done, _) = ran(
        &by_max,
        StaleRequest {
            max: Some(3),
            ..request(21)
        },
        CancelToken::new(),
    );
    assert_eq!(withdrawn_ages(&by_max.fake), [90, 70, 60]);
    assert!(!done.complete);
    assert_eq!(done.stop_reason, StaleStop::Max);

    // linkup-v1: reading 25 pending costs 3 pages; 7 credits leave 4 withdrawals.
    let by_credits = setup(FakeActions::new("linkup-v1", &AGES, 0));
    let (done, _) = ran(
        &by_credits,
        StaleRequest {
            max_credits: Some(7),
            ..request(21)
        },
        CancelToken::new(),
    );
    assert_eq!(withdrawn_ages(&by_credits.fake), [90, 70, 60, 50]);
    assert_eq!(done.credits_used, 7);
    assert_eq!(by_credits.fake.charged(), 7);
    assert_eq!(done.stop_reason, StaleStop::MaxCredits);
    assert!(!done.complete);
}

#[test]
fn a_retried_withdrawal_counts_against_max_requests() {
    // One request reads the 25 pending; the first withdrawal takes two (a
    // 500 that did nothing, then the repeat), so 4 requests buy only two.
    let faults = [Fault::ServerError { acted: false }];
    let run = setup(FakeActions::new("linkup-v2", &AGES, 0).with_faults(&faults));
    let (done, _) = ran(
        &run,
        StaleRequest {
            max_requests: Some(4),
            ..request(21)
        },
        CancelToken::new(),
    );
    assert_eq!(withdrawn_ages(&run.fake), [90, 70]);
    assert_eq!((done.requests, run.transport.requests() as u64), (4, 4));
    assert_eq!(done.stop_reason, StaleStop::MaxRequests);
    assert!(!done.complete);
}

#[test]
fn a_budget_that_cannot_read_the_whole_list_withdraws_nothing() {
    let fake = FakeActions::new("linkup-v1", &AGES, 0);
    let cut = setup(fake);
    let (done, _) = ran(
        &cut,
        StaleRequest {
            max_credits: Some(1),
            ..request(0)
        },
        CancelToken::new(),
    );
    assert!(cut.fake.effects().is_empty());
    assert!(done.results.is_empty());
    // The read itself keeps to the budget: one page of three.
    assert_eq!((done.credits_used, cut.fake.charged()), (1, 1));
    assert_eq!(done.stop_reason, StaleStop::MaxCredits);
    assert!(!done.complete);
}

#[test]
fn auth_stops_the_run_and_says_what_was_done() {
    for provider in PROVIDERS {
        let fake = FakeActions::new(provider, &AGES, 0).with_faults(&[
            Fault::None,
            Fault::None,
            Fault::Unauthorized,
        ]);
        let run = setup(fake);
        let (done, _) = ran(&run, request(21), CancelToken::new());
        assert_eq!(done.stop_reason, StaleStop::Auth, "{provider}");
        assert!(!done.complete);
        assert_eq!((done.withdrawn, done.failed), (2, 1));
        assert_eq!(done.results.len(), 3);
        assert_eq!(
            done.results[2].error.as_ref().unwrap().code,
            ErrorCode::Auth
        );
        assert_eq!(
            *run.fake.action_requests.borrow(),
            3,
            "{provider}: nothing after AUTH"
        );
        assert_eq!(done.credits_used, run.fake.charged(), "{provider}");
    }
}

#[test]
fn another_error_is_recorded_and_the_run_goes_on() {
    let faults = [Fault::ServerError { acted: false }; 3];
    let run = setup(FakeActions::new("linkup-v2", &[30, 40], 0).with_faults(&faults));
    let (done, _) = ran(&run, request(21), CancelToken::new());
    assert_eq!((done.withdrawn, done.failed), (1, 1));
    assert_eq!(done.results[0].outcome, None);
    assert_eq!(done.results[0].error.as_ref().unwrap().status, Some(500));
    assert_eq!(done.results[1].outcome, Some(ActionOutcome::Withdrawn));
    assert!(done.complete);
}

#[test]
fn a_lost_answer_repeated_is_not_pending_and_counted_as_charged() {
    let run =
        setup(FakeActions::new("linkup-v2", &[30, 40], 0).with_faults(&[Fault::HangAfterReceived]));
    let (done, _) = ran(&run, request(21), CancelToken::new());
    assert_eq!((done.withdrawn, done.not_pending, done.failed), (1, 1, 0));
    assert_eq!(done.results[0].outcome, Some(ActionOutcome::NotPending));
    assert_eq!(run.fake.effects().len(), 2);
    assert_eq!(done.credits_used, run.fake.charged());
}

#[test]
fn an_abort_between_withdrawals_stops_cleanly() {
    let run = setup(FakeActions::new("connectsafely", &AGES, 0));
    let cancel = CancelToken::new();
    let trigger = cancel.clone();
    let events = Rc::new(RefCell::new(0));
    let seen = Rc::clone(&events);
    let result = block_on(
        &run.clock,
        run.client
            .withdraw_stale(request(21), cancel, &mut |progress| {
                *seen.borrow_mut() += 1;
                if progress.done == 2 {
                    trigger.cancel();
                }
            }),
    )
    .unwrap();
    let WithdrawStale::Ran(done) = result else {
        panic!("not a dry run")
    };
    assert_eq!(done.stop_reason, StaleStop::Aborted);
    assert_eq!(done.withdrawn, 2);
    assert_eq!(run.fake.effects().len(), 2);
    // The one not yet sent is not a result: nothing was done to it.
    assert_eq!(done.results.len(), 2);
    assert_eq!(done.failed, 0);
    assert_eq!(*events.borrow(), 3);
}

#[test]
fn an_abort_during_a_withdrawal_is_its_error() {
    let run =
        setup(FakeActions::new("linkup-v2", &AGES, 0).with_faults(&[Fault::HangAfterReceived]));
    let cancel = CancelToken::new();
    let trigger = cancel.clone();
    // The read takes 100 ms; the first withdrawal hangs from then on.
    run.clock.at(5_000, move || trigger.cancel());
    let (done, _) = ran(&run, request(21), cancel);
    assert_eq!(done.stop_reason, StaleStop::Aborted);
    assert_eq!(done.results.len(), 1);
    assert_eq!(
        done.results[0].error.as_ref().unwrap().code,
        ErrorCode::Aborted
    );
    assert_eq!(*run.fake.action_requests.borrow(), 1);
}

#[test]
fn the_result_as_json() {
    let run = setup(FakeActions::new("linkup-v2", &[30, 5], 0));
    let (done, _) = ran(&run, request(21), CancelToken::new());
    let json: serde_json::Value =
        serde_json::from_str(&to_json_string(&WithdrawStale::Ran(done))).unwrap();
    assert_eq!(json["results"][0]["invitation"]["id"], original_id(0));
    assert_eq!(json["results"][0]["outcome"], "withdrawn");
    assert!(json["results"][0]["error"].is_null());
    assert_eq!(json["withdrawn"], 1);
    assert_eq!(json["notPending"], 0);
    assert_eq!(json["failed"], 0);
    assert_eq!(json["complete"], true);
    assert_eq!(json["stopReason"], "end");
    assert_eq!(json["creditsUsed"], 2);
    assert_eq!(json["requests"], 2);
    assert_eq!(json["warnings"][0], REINVITE_WARNING);
}
