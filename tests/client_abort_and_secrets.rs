//! Stopping and failing safely: an abort ends requests and sleeps at once,
//! a failed run reports what it spent, and no secret survives in an error.

mod support;

use linkedin_network::client::retry::RetryPolicy;
use linkedin_network::client::{CancelToken, RunRequest, Settings, TransportError};
use linkedin_network::error::ErrorCode;
use linkedin_network::providers;
use linkedin_network::query::{ListQuery, Resource};
use support::fake_api::status;
use support::*;

type Listed = Result<linkedin_network::client::report::ListResult, linkedin_network::error::Error>;

/// One list call on `provider` answered by `script`, its token stopped by
/// `stop` (`CancelToken::cancel` or `::time_out`) at `at_ms` on the clock,
/// or before the call where `at_ms` is `None`.
fn stopped_list(
    provider: &str,
    script: impl FnMut(&Sent, usize) -> Reply + 'static,
    at_ms: Option<i64>,
    stop: fn(&CancelToken),
) -> (Listed, Scripted, Clock) {
    let clock = Clock::default();
    let cancel = CancelToken::new();
    match at_ms {
        Some(at_ms) => {
            let token = cancel.clone();
            clock.at(at_ms, move || stop(&token));
        }
        None => stop(&cancel),
    }
    let (result, transport) = list_once(provider, script, Settings::default(), cancel, &clock);
    (result, transport, clock)
}

/// Settings that send each request once: its failure is the call's.
fn one_attempt() -> Settings {
    Settings {
        retry: RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        },
        ..Settings::default()
    }
}

#[test]
fn abort_during_a_backoff_sleep_ends_at_once() {
    let (result, transport, clock) = stopped_list(
        "linkup-v2",
        |_, _| status(100, 429, &[("Retry-After", "20")]),
        Some(1_500),
        CancelToken::cancel,
    );
    let error = result.unwrap_err();
    assert_eq!(error.code, ErrorCode::Aborted);
    assert_eq!(transport.requests(), 1);
    assert_eq!(clock.now(), 1_500, "not at the end of the 20 s sleep");
}

#[test]
fn abort_during_a_request_drops_it() {
    let (result, transport, clock) = stopped_list(
        "connectsafely",
        |_, _| Reply::Hang,
        Some(250),
        CancelToken::cancel,
    );
    assert_eq!(result.unwrap_err().code, ErrorCode::Aborted);
    assert_eq!(transport.log.borrow().dropped, 1);
    assert_eq!(clock.now(), 250);
}

#[test]
fn an_already_aborted_signal_sends_nothing() {
    let (result, transport, _) =
        stopped_list("linkup-v2", |_, _| Reply::Hang, None, CancelToken::cancel);
    assert_eq!(result.unwrap_err().code, ErrorCode::Aborted);
    assert_eq!(transport.requests(), 0);
}

#[test]
fn secrets_echoed_by_a_provider_or_a_network_error_are_redacted() {
    let encoded_account = "acct-CANARY%2F9";
    let replies = vec![
        Reply::Respond {
            after_ms: 1,
            status: 403,
            headers: vec![],
            body: format!(
                r#"{{"success":false,"error":{{"code":"INVALID_API_KEY","message":"key {API_KEY} is not valid for {ACCOUNT_ID}"}}}}"#
            ),
        },
        Reply::Fail {
            after_ms: 1,
            error: TransportError::Network(format!(
                "fetch failed for https://x/?accountId={encoded_account}&k={API_KEY}"
            )),
        },
    ];
    for reply in replies {
        let clock = Clock::default();
        let mut reply = Some(reply);
        let (result, _) = list_once(
            "linkup-v2",
            move |_, _| reply.take().unwrap(),
            one_attempt(),
            CancelToken::new(),
            &clock,
        );
        let error = result.unwrap_err();
        let shown = format!(
            "{error} {error:?} {}",
            linkedin_network::json::to_json_string(&error)
        );
        assert!(shown.contains("[redacted]"), "{shown}");
        for secret in [API_KEY, ACCOUNT_ID, encoded_account, "CANARY"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
}

#[test]
fn collect_fails_with_the_credits_spent_before_the_failure() {
    let clock = Clock::default();
    let api = FakeApi::new("linkup-v2", 145);
    let transport = Scripted::new(&clock, move |sent, index| {
        if index == 0 {
            api.answer(sent)
        } else {
            status(5, 401, &[])
        }
    });
    let client = client("linkup-v2", transport, &clock, Settings::default());
    let error = collect_on(
        &client,
        &clock,
        Resource::SentInvitations,
        RunRequest::default(),
    )
    .unwrap_err();
    assert_eq!(
        (error.code, error.credits_used, error.provider),
        (ErrorCode::Auth, 2, Some("linkup-v2"))
    );
}

#[test]
fn redaction_replaces_each_secret_once_and_leaves_short_values_alone() {
    let clock = Clock::default();
    let transport = Scripted::new(&clock, |_, _| Reply::Respond {
        after_ms: 1,
        status: 403,
        headers: vec![],
        body: format!(
            r#"{{"success":false,"error":{{"code":"INVALID_API_KEY","message":"a key {API_KEY}{API_KEY} was refused"}}}}"#
        ),
    });
    let short = linkedin_network::query::Credentials {
        api_key: Some(API_KEY.into()),
        account_id: Some("a".into()),
        ..credentials()
    };
    let client = linkedin_network::client::Client::new(
        providers::find("linkup-v2").unwrap(),
        None,
        short,
        Settings::default(),
        transport,
        clock.clone(),
        1,
    )
    .unwrap();
    let query = ListQuery::new(
        providers::find("linkup-v2").unwrap(),
        Resource::SentInvitations,
        0,
        10,
        None,
    )
    .unwrap();
    let error = block_on(&clock, client.list(query, CancelToken::new())).unwrap_err();
    assert_eq!(
        error.message,
        "linkup-v2 answered HTTP 403 INVALID_API_KEY: a key [redacted][redacted] was refused"
    );
}

/// A caller's deadline (`AbortSignal.timeout()`) ends as TIMEOUT, both in
/// flight and before anything was sent; a plain abort stays ABORTED.
#[test]
fn a_deadline_ends_as_timeout_not_aborted() {
    let (result, _, _) = stopped_list(
        "linkup-v1",
        |_, _| Reply::Hang,
        Some(250),
        CancelToken::time_out,
    );
    let error = result.unwrap_err();
    assert_eq!(
        (error.code, error.provider),
        (ErrorCode::Timeout, Some("linkup-v1"))
    );
    assert!(error.message.contains("deadline"), "{}", error.message);
    let (result, transport, _) =
        stopped_list("linkup-v2", |_, _| Reply::Hang, None, CancelToken::time_out);
    assert_eq!(result.unwrap_err().code, ErrorCode::Timeout);
    assert_eq!(transport.requests(), 0);
}

/// A transport failure keeps what the runtime said as the error's cause.
#[test]
fn a_network_error_carries_its_cause() {
    let clock = Clock::default();
    let (result, _) = list_once(
        "connectsafely",
        |_, _| Reply::Fail {
            after_ms: 1,
            error: TransportError::Network("TypeError: fetch failed (ECONNREFUSED)".into()),
        },
        one_attempt(),
        CancelToken::new(),
        &clock,
    );
    let cause = result.unwrap_err().cause.expect("a cause");
    assert_eq!(
        (cause.name.as_str(), cause.message.as_str()),
        ("TypeError", "fetch failed (ECONNREFUSED)")
    );
    let plain = linkedin_network::error::Cause::from_description("socket hang up: later");
    assert_eq!(
        (plain.name.as_str(), plain.message.as_str()),
        ("Error", "socket hang up: later")
    );
}

/// A waker that counts its wakes, one per task.
struct CountingWaker(std::sync::atomic::AtomicUsize);

impl std::task::Wake for CountingWaker {
    fn wake(self: std::sync::Arc<Self>) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn a_dropped_cancel_wait_leaves_no_waker_behind() {
    use std::future::Future;
    use std::sync::atomic::Ordering;
    use std::sync::Arc;
    use std::task::{Context, Poll, Waker};

    let cancel = CancelToken::new();
    // One wait per request, each from its own task, each dropped when its
    // request wins the race: a long run must not keep one waker per request.
    for _ in 0..10_000 {
        let waker = Waker::from(Arc::new(CountingWaker(0.into())));
        let mut wait = Box::pin(cancel.cancelled());
        assert!(wait
            .as_mut()
            .poll(&mut Context::from_waker(&waker))
            .is_pending());
        assert_eq!(cancel.waiting(), 1);
        drop(wait);
    }
    assert_eq!(cancel.waiting(), 0);

    // A wait still alive is woken by the cancel, once, however often polled.
    let counter = Arc::new(CountingWaker(0.into()));
    let waker = Waker::from(Arc::clone(&counter));
    let mut alive = Box::pin(cancel.cancelled());
    let dropped = Box::pin(cancel.cancelled());
    let mut context = Context::from_waker(&waker);
    assert!(alive.as_mut().poll(&mut context).is_pending());
    assert!(alive.as_mut().poll(&mut context).is_pending());
    drop(dropped);
    assert_eq!(cancel.waiting(), 1);
    cancel.cancel();
    assert_eq!(counter.0.load(Ordering::SeqCst), 1);
    assert_eq!(alive.as_mut().poll(&mut context), Poll::Ready(()));
}
