//! `Client::act` over a fake provider that acts, with one fault injected
//! into the action request: no action is done twice, a repeat after an
//! ambiguous failure that finds nothing pending is `notPending` (never an
//! error), and the credits reported are the credits the provider charged.

mod support;

use linkedin_network::actions::{Action, ActionOutcome, ActionResult};
use linkedin_network::client::CancelToken;
use linkedin_network::error::{Error, ErrorCode};
use linkedin_network::json::to_json_string;
use linkedin_network::model::Invitation;
use support::fake_actions::{listed, setup, FakeActions, Fault, Setup};
use support::{block_on, PROVIDERS};

/// Lists the one sent invitation, then withdraws it under `fault`;
/// returns the result, the credits charged for the withdrawal, and its
/// action requests.
fn withdraw_under(
    provider: &'static str,
    faults: &[Fault],
) -> (Result<ActionResult, Error>, u64, u64, Setup) {
    let setup = setup(FakeActions::new(provider, &[30], 0).with_faults(faults));
    let invitation = listed(&setup).remove(0);
    let before = setup.fake.charged();
    let result = block_on(
        &setup.clock,
        setup
            .client
            .act(Action::Withdraw, &invitation, CancelToken::new()),
    );
    let charged = setup.fake.charged() - before;
    let requests = *setup.fake.action_requests.borrow();
    (result, charged, requests, setup)
}

const ONE_FAULT_CELLS: [(Fault, ActionOutcome); 9] = [
    (Fault::None, ActionOutcome::Withdrawn),
    (Fault::ResetBeforeRequest, ActionOutcome::Withdrawn),
    (Fault::RateLimited(None), ActionOutcome::Withdrawn),
    (Fault::RateLimited(Some(2)), ActionOutcome::Withdrawn),
    (Fault::Unavailable, ActionOutcome::Withdrawn),
    (
        Fault::ServerError { acted: false },
        ActionOutcome::Withdrawn,
    ),
    // The lost or failed attempt did it: the re-issue finds nothing pending.
    (
        Fault::ServerError { acted: true },
        ActionOutcome::NotPending,
    ),
    (Fault::HangAfterReceived, ActionOutcome::NotPending),
    (Fault::CutAnswer, ActionOutcome::NotPending),
];

#[test]
fn one_fault_each_cell_done_once_and_credits_as_charged() {
    for provider in PROVIDERS {
        for (fault, outcome) in ONE_FAULT_CELLS {
            let cell = format!("{provider} {fault:?}");
            let (result, charged, requests, setup) = withdraw_under(provider, &[fault]);
            let result = result.unwrap_or_else(|error| panic!("{cell}: {error}"));
            assert_eq!(result.outcome, outcome, "{cell}");
            assert_eq!(setup.fake.effects().len(), 1, "{cell}: done exactly once");
            assert!(setup.fake.sent.borrow().is_empty(), "{cell}");
            assert_eq!(result.credits_used, charged, "{cell}: reported = charged");
            let expected_requests = if fault == Fault::None { 1 } else { 2 };
            assert_eq!(requests, expected_requests, "{cell}");
            assert_eq!(result.requests, expected_requests, "{cell}");
        }
    }
}

#[test]
fn retry_after_is_honoured_before_the_repeat() {
    let (result, _, _, setup) = withdraw_under("linkup-v2", &[Fault::RateLimited(Some(2))]);
    assert_eq!(result.unwrap().outcome, ActionOutcome::Withdrawn);
    let times = setup.transport.sent_map(|sent| sent.at);
    let (first, second) = (times[times.len() - 2], times[times.len() - 1]);
    // 100 ms of latency, then the 2 s the provider asked for.
    assert!(second - first >= 2_100, "{first} → {second}");
}

#[test]
fn a_fault_every_time_ends_in_its_error_and_still_acts_at_most_once() {
    for provider in PROVIDERS {
        let (result, charged, requests, setup) =
            withdraw_under(provider, &[Fault::HangAfterReceived; 3]);
        let error = result.unwrap_err();
        assert_eq!(error.code, ErrorCode::Timeout, "{provider}");
        assert_eq!(error.attempts, 3);
        assert_eq!(requests, 3);
        assert_eq!(setup.fake.effects().len(), 1, "{provider}");
        // Credits no answer reported are not claimed; what answers said is.
        assert!(error.credits_used <= charged, "{provider}");

        let (result, _, requests, setup) = withdraw_under(provider, &[Fault::Unavailable; 3]);
        let error = result.unwrap_err();
        assert_eq!(error.status, Some(503), "{provider}");
        assert_eq!(requests, 3);
        assert!(setup.fake.effects().is_empty());
    }
}

#[test]
fn a_definitive_error_is_not_repeated() {
    for provider in PROVIDERS {
        let (result, charged, requests, _) = withdraw_under(provider, &[Fault::Unauthorized]);
        let error = result.unwrap_err();
        assert_eq!(error.code, ErrorCode::Auth, "{provider}");
        assert_eq!(requests, 1, "{provider}");
        assert_eq!(error.credits_used, charged, "{provider}");
        assert!(!error.message.contains(support::API_KEY));
    }
}

#[test]
fn already_withdrawn_is_not_pending_not_an_error() {
    for provider in PROVIDERS {
        let setup = setup(FakeActions::new(provider, &[30], 0));
        let invitation = listed(&setup).remove(0);
        let act = || {
            block_on(
                &setup.clock,
                setup
                    .client
                    .act(Action::Withdraw, &invitation, CancelToken::new()),
            )
            .unwrap()
        };
        assert_eq!(act().outcome, ActionOutcome::Withdrawn);
        let again = act();
        assert_eq!(again.outcome, ActionOutcome::NotPending, "{provider}");
        assert_eq!(again.requests, 1);
        assert_eq!(setup.fake.effects().len(), 1);
    }
}

#[test]
fn accept_and_ignore_where_the_provider_has_them() {
    for provider in PROVIDERS {
        let setup = setup(FakeActions::new(provider, &[], 2));
        let first = setup.fake.received_invitation(0);
        let second = setup.fake.received_invitation(1);
        let run = |action, invitation: &Invitation| {
            block_on(
                &setup.clock,
                setup.client.act(action, invitation, CancelToken::new()),
            )
        };
        let accepted = run(Action::Accept, &first).unwrap();
        assert_eq!(accepted.outcome, ActionOutcome::Accepted, "{provider}");
        assert_eq!(accepted.credits_used, setup.fake.charged(), "{provider}");
        let ignored = run(Action::Ignore, &second);
        if provider == "connectsafely" {
            assert_eq!(ignored.unwrap().outcome, ActionOutcome::Ignored);
            assert_eq!(setup.fake.effects().len(), 2);
        } else {
            let error = ignored.unwrap_err();
            assert_eq!(error.code, ErrorCode::InvalidInput, "{provider}");
            assert!(error.message.contains(provider));
            assert_eq!(setup.transport.requests(), 1, "nothing sent for ignore");
        }
    }
}

#[test]
fn invalid_input_sends_nothing() {
    let setup = setup(FakeActions::new("linkup-v2", &[30], 0));
    let mut invitation = listed(&setup).remove(0);
    let sent_before = setup.transport.requests();
    invitation.id.clear();
    let error = block_on(
        &setup.clock,
        setup
            .client
            .act(Action::Withdraw, &invitation, CancelToken::new()),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.starts_with("invitation.id "));
    assert_eq!(setup.transport.requests(), sent_before);
}

#[test]
fn an_abort_in_flight_is_aborted_and_not_repeated() {
    let setup =
        setup(FakeActions::new("linkup-v2", &[30], 0).with_faults(&[Fault::HangAfterReceived]));
    let invitation = listed(&setup).remove(0);
    let cancel = CancelToken::new();
    let later = cancel.clone();
    setup
        .clock
        .at(setup.clock.now() + 1_000, move || later.cancel());
    let error = block_on(
        &setup.clock,
        setup.client.act(Action::Withdraw, &invitation, cancel),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::Aborted);
    assert_eq!(*setup.fake.action_requests.borrow(), 1);
    // Aborted before the first attempt: nothing is sent.
    let cancelled = CancelToken::new();
    cancelled.cancel();
    let before = setup.transport.requests();
    let error = block_on(
        &setup.clock,
        setup.client.act(Action::Withdraw, &invitation, cancelled),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::Aborted);
    assert_eq!(setup.transport.requests(), before);
}

#[test]
fn the_result_as_json() {
    let (result, _, _, _) = withdraw_under("linkup-v2", &[]);
    let json: serde_json::Value = serde_json::from_str(&to_json_string(&result.unwrap())).unwrap();
    assert_eq!(json["outcome"], "withdrawn");
    assert_eq!(json["invitation"]["id"], "7331558767219683329");
    assert_eq!(json["invitation"]["name"], "P 7331558767219683329");
    assert!(json["invitation"]["profileUrl"]
        .as_str()
        .unwrap()
        .starts_with("https://www.linkedin.com/in/"));
    assert_eq!(json["creditsUsed"], 1);
    assert_eq!(json["requests"], 1);
}

#[test]
fn a_provider_echoing_the_credentials_never_leaks_them() {
    use support::{client, Clock, Scripted, ACCOUNT_ID, API_KEY};
    let clock = Clock::default();
    let echo = format!(
        r#"{{"success":false,"error":{{"code":"INVALID_PARAMS","message":"bad key {API_KEY} for {ACCOUNT_ID}"}}}}"#
    );
    let transport = Scripted::new(&clock, move |_, _| {
        support::actions::json_reply(10, 400, &echo)
    });
    let client = client(
        "linkup-v2",
        transport,
        &clock,
        linkedin_network::client::Settings::default(),
    );
    let invitation = support::actions::sent_invitation("linkup-v2");
    let error = block_on(
        &clock,
        client.act(Action::Withdraw, &invitation, CancelToken::new()),
    )
    .unwrap_err();
    let json = to_json_string(&error);
    assert!(!json.contains(API_KEY), "{json}");
    assert!(!json.contains(ACCOUNT_ID), "{json}");
    assert!(json.contains("[redacted]"), "{json}");
}
