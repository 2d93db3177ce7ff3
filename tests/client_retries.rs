//! Retries exactly as SPEC §5 says: what is retried, full-jitter backoff,
//! Retry-After in seconds and as an HTTP date (clamped), per-attempt
//! timeouts. (Aborts and secrets: tests/client_abort_and_secrets.rs.)

mod support;

use linkedin_network::client::retry::{Jitter, RetryPolicy};
use linkedin_network::client::{CancelToken, Settings, TransportError};
use linkedin_network::error::{Error, ErrorCode};
use support::fake_api::status;
use support::*;

fn times(transport: &Scripted) -> Vec<i64> {
    transport.sent_map(|sent| sent.at)
}

#[test]
fn a_429_with_retry_after_seconds_waits_exactly_that_long() {
    let clock = Clock::default();
    let api = FakeApi::new("linkup-v2", 30);
    let (result, transport) = list_once(
        "linkup-v2",
        move |sent, index| match index {
            0 => status(100, 429, &[("Retry-After", "7")]),
            _ => api.answer(sent),
        },
        Settings::default(),
        CancelToken::new(),
        &clock,
    );
    assert_eq!(result.unwrap().items.len(), 10);
    assert_eq!(times(&transport), vec![0, 100 + 7_000]);
}

#[test]
fn retry_after_as_an_http_date_is_measured_against_the_servers_date() {
    let clock = Clock::default();
    let api = FakeApi::new("linkup-v1", 30);
    let (result, transport) = list_once(
        "linkup-v1",
        move |sent, index| match index {
            0 => status(
                50,
                503,
                &[
                    ("Date", "Sun, 26 Apr 2026 10:35:00 GMT"),
                    ("Retry-After", "Sun, 26 Apr 2026 10:35:12 GMT"),
                ],
            ),
            _ => api.answer(sent),
        },
        Settings::default(),
        CancelToken::new(),
        &clock,
    );
    assert!(result.is_ok());
    assert_eq!(times(&transport), vec![0, 50 + 12_000]);
}

#[test]
fn retry_after_is_clamped_to_max_delay() {
    let clock = Clock::default();
    let api = FakeApi::new("connectsafely", 30);
    let settings = Settings {
        retry: RetryPolicy {
            max_delay_ms: 2_000,
            ..RetryPolicy::default()
        },
        ..Settings::default()
    };
    let (result, transport) = list_once(
        "connectsafely",
        move |sent, index| match index {
            0 => status(0, 429, &[("Retry-After", "3600")]),
            _ => api.answer(sent),
        },
        settings,
        CancelToken::new(),
        &clock,
    );
    assert!(result.is_ok());
    assert_eq!(times(&transport), vec![0, 2_000]);
}

#[test]
fn backoff_without_retry_after_is_full_jitter_within_the_exponential_bound() {
    let policy = RetryPolicy::default();
    let error = Error::new(ErrorCode::ProviderError, "x").with_retry(true, None);
    let mut jitter = Jitter::new(7);
    let mut seen = [Vec::new(), Vec::new()];
    for _ in 0..2_000 {
        for (slot, failed) in [(0, 1), (1, 2)] {
            let delay = policy
                .delay_after(failed, &error, jitter.next_unit())
                .unwrap();
            assert!(delay <= 500 << (failed - 1), "attempt {failed}: {delay}");
            seen[slot].push(delay);
        }
    }
    // Full jitter spreads over the whole interval, not just near its top.
    for (slot, bound) in [(0, 500), (1, 1_000)] {
        let low = seen[slot].iter().filter(|d| **d < bound / 4).count();
        let high = seen[slot].iter().filter(|d| **d > bound * 3 / 4).count();
        assert!(
            low > 300 && high > 300,
            "attempt {}: {low} low, {high} high",
            slot + 1
        );
    }
    assert_eq!(
        policy.delay_after(3, &error, 0.5),
        None,
        "three attempts in all"
    );
    let fixed = Error::new(ErrorCode::BadResponse, "x");
    assert_eq!(policy.delay_after(1, &fixed, 0.5), None, "not retryable");
}

#[test]
fn a_scripted_jitter_seed_gives_the_same_delays_twice() {
    let run = || {
        let clock = Clock::default();
        let (result, transport) = list_once(
            "linkup-v2",
            |_, _| status(10, 500, &[]),
            Settings::default(),
            CancelToken::new(),
            &clock,
        );
        (result.unwrap_err(), times(&transport))
    };
    let (error, first) = run();
    let (_, second) = run();
    assert_eq!(first, second);
    assert_eq!(
        (error.code, error.attempts, error.status),
        (ErrorCode::ProviderError, 3, Some(500))
    );
    assert!(
        first[1] - 10 <= 500 && first[2] - first[1] - 10 <= 1_000,
        "{first:?}"
    );
}

#[test]
fn what_is_retried_and_what_is_not() {
    let retried = [
        Reply::Fail {
            after_ms: 5,
            error: TransportError::Network("connection refused".into()),
        },
        Reply::Fail {
            after_ms: 5,
            error: TransportError::CutShort("socket closed".into()),
        },
        status(5, 408, &[]),
        status(5, 429, &[]),
        status(5, 500, &[]),
        status(5, 502, &[]),
        status(5, 503, &[]),
        status(5, 504, &[]),
    ];
    for (index, first) in retried.into_iter().enumerate() {
        let clock = Clock::default();
        let api = FakeApi::new("linkup-v2", 10);
        let mut first = Some(first);
        let (result, transport) = list_once(
            "linkup-v2",
            move |sent, _| first.take().unwrap_or_else(|| api.answer(sent)),
            Settings::default(),
            CancelToken::new(),
            &clock,
        );
        assert!(result.is_ok(), "case {index}");
        assert_eq!(transport.requests(), 2, "case {index}");
    }
    let not_retried: Vec<(Reply, ErrorCode)> = vec![
        (status(5, 400, &[]), ErrorCode::ProviderError),
        (status(5, 401, &[]), ErrorCode::Auth),
        (status(5, 402, &[]), ErrorCode::InsufficientCredits),
        (status(5, 404, &[]), ErrorCode::NotFound),
        (
            Reply::ok(
                5,
                "{\"success\": true, \"data\": {\"invitations\": [".into(),
            ),
            ErrorCode::BadResponse,
        ),
        (
            Reply::Fail {
                after_ms: 5,
                error: TransportError::TooLarge { limit: 16 << 20 },
            },
            ErrorCode::ResponseTooLarge,
        ),
        (
            Reply::Fail {
                after_ms: 5,
                error: TransportError::Redirect { status: 302 },
            },
            ErrorCode::RedirectRefused,
        ),
        (
            status(5, 302, &[("Location", "http://127.0.0.1:9/steal")]),
            ErrorCode::RedirectRefused,
        ),
    ];
    for (reply, code) in not_retried {
        let clock = Clock::default();
        let mut reply = Some(reply);
        let (result, transport) = list_once(
            "linkup-v2",
            move |_, _| reply.take().unwrap(),
            Settings::default(),
            CancelToken::new(),
            &clock,
        );
        let error = result.unwrap_err();
        assert_eq!((error.code, error.attempts), (code, 1));
        assert_eq!(transport.requests(), 1);
    }
}

#[test]
fn linkup_v1_rate_limit_sent_with_http_200_is_retried() {
    let clock = Clock::default();
    let api = FakeApi::new("linkup-v1", 10);
    let (result, transport) = list_once(
        "linkup-v1",
        move |sent, index| match index {
            0 => Reply::ok(
                5,
                r#"{"status":"error","message":"Rate limit exceeded. Please try again later"}"#
                    .into(),
            ),
            _ => api.answer(sent),
        },
        Settings::default(),
        CancelToken::new(),
        &clock,
    );
    assert!(result.is_ok());
    assert_eq!(transport.requests(), 2);
}

#[test]
fn each_attempt_times_out_and_its_request_is_aborted() {
    let clock = Clock::default();
    let settings = Settings {
        timeout_ms: 1_000,
        retry: RetryPolicy {
            base_delay_ms: 0,
            ..RetryPolicy::default()
        },
        ..Settings::default()
    };
    let (result, transport) = list_once(
        "linkup-v2",
        |_, _| Reply::Hang,
        settings,
        CancelToken::new(),
        &clock,
    );
    let error = result.unwrap_err();
    assert_eq!(
        (error.code, error.attempts, error.retryable),
        (ErrorCode::Timeout, 3, true)
    );
    assert_eq!(times(&transport), vec![0, 1_000, 2_000]);
    assert_eq!(
        transport.log.borrow().dropped,
        3,
        "every timed-out request was dropped (fetch aborted)"
    );
    assert_eq!(clock.now(), 3_000);
}
