//! The write-retry table of `actions::retry`: a write is sent again only
//! where a second attempt cannot do a second, different thing.

use linkedin_network::actions::retry::{classify, next_step, AttemptEnd, WriteStep, WriteTally};
use linkedin_network::actions::{AnswerKind, Cost};
use linkedin_network::client::retry::RetryPolicy;
use linkedin_network::error::{Error, ErrorCode};

fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay_ms: 500,
        max_delay_ms: 20_000,
    }
}

fn answered(code: ErrorCode, status: u16) -> Error {
    Error::new(code, "scripted").with_status(status)
}

#[test]
fn answers_are_classified_by_what_they_say_happened() {
    let cases = [
        (answered(ErrorCode::RateLimited, 429), AttemptEnd::Refused),
        // linkup-v1's rate limit arrives with HTTP 200.
        (answered(ErrorCode::RateLimited, 200), AttemptEnd::Refused),
        (answered(ErrorCode::ProviderError, 503), AttemptEnd::Refused),
        (
            answered(ErrorCode::ProviderError, 500),
            AttemptEnd::Ambiguous,
        ),
        (
            answered(ErrorCode::ProviderError, 502),
            AttemptEnd::Ambiguous,
        ),
        (
            answered(ErrorCode::ProviderError, 504),
            AttemptEnd::Ambiguous,
        ),
        (
            answered(ErrorCode::ProviderError, 408),
            AttemptEnd::Ambiguous,
        ),
        (answered(ErrorCode::BadResponse, 200), AttemptEnd::Ambiguous),
        (answered(ErrorCode::ProviderError, 400), AttemptEnd::Final),
        (answered(ErrorCode::Auth, 401), AttemptEnd::Final),
        (
            answered(ErrorCode::InsufficientCredits, 402),
            AttemptEnd::Final,
        ),
        (answered(ErrorCode::NotFound, 404), AttemptEnd::Final),
        (answered(ErrorCode::ProviderError, 200), AttemptEnd::Final),
    ];
    for (error, end) in cases {
        assert_eq!(classify(&error), end, "{:?} {:?}", error.code, error.status);
    }
}

#[test]
fn the_table() {
    let p = policy();
    // Nothing reached the provider, or it refused before acting: retry.
    assert!(matches!(
        next_step(&p, 1, AttemptEnd::NoResponse, false, None, 0.5),
        WriteStep::Retry { .. }
    ));
    assert!(matches!(
        next_step(&p, 1, AttemptEnd::Refused, false, None, 0.5),
        WriteStep::Retry { .. }
    ));
    // Ambiguous: only an action whose repeat cannot act twice is re-issued.
    assert!(matches!(
        next_step(&p, 1, AttemptEnd::Ambiguous, true, None, 0.5),
        WriteStep::Reissue { .. }
    ));
    assert_eq!(
        next_step(&p, 1, AttemptEnd::Ambiguous, false, None, 0.5),
        WriteStep::Stop
    );
    // A definitive answer is the result.
    assert_eq!(
        next_step(&p, 1, AttemptEnd::Final, true, None, 0.5),
        WriteStep::Stop
    );
}

#[test]
fn retry_after_is_honoured_and_clamped() {
    let p = policy();
    assert_eq!(
        next_step(&p, 1, AttemptEnd::Refused, false, Some(7_000), 0.0),
        WriteStep::Retry { delay_ms: 7_000 }
    );
    assert_eq!(
        next_step(&p, 1, AttemptEnd::Refused, false, Some(90_000), 0.0),
        WriteStep::Retry { delay_ms: 20_000 }
    );
    // Without it: full jitter under base × 2^(n−1).
    assert_eq!(
        next_step(&p, 2, AttemptEnd::Refused, false, None, 0.5),
        WriteStep::Retry { delay_ms: 500 }
    );
}

#[test]
fn max_attempts_bounds_every_step() {
    let p = policy();
    for end in [
        AttemptEnd::NoResponse,
        AttemptEnd::Refused,
        AttemptEnd::Ambiguous,
    ] {
        assert_eq!(next_step(&p, 3, end, true, None, 0.1), WriteStep::Stop);
        assert_ne!(next_step(&p, 2, end, true, None, 0.1), WriteStep::Stop);
    }
    let once = RetryPolicy {
        max_attempts: 1,
        ..p
    };
    assert_eq!(
        next_step(&once, 1, AttemptEnd::Refused, true, None, 0.1),
        WriteStep::Stop
    );
}

#[test]
fn not_pending_after_an_ambiguous_attempt_counts_its_price_once() {
    let price = Cost {
        credits: 1,
        requests: 1,
    };
    let mut tally = WriteTally::new(price);
    tally.sent();
    tally.lost(AttemptEnd::Ambiguous);
    tally.sent();
    tally.lost(AttemptEnd::Ambiguous);
    tally.sent();
    tally.answered(0);
    assert_eq!(tally.requests, 3);
    assert_eq!(tally.credits_reported(Some(AnswerKind::NotPending)), 1);
    // A done answer says the lost attempts did nothing.
    assert_eq!(tally.credits_reported(Some(AnswerKind::Done)), 0);
    // The budget still counts what they may have cost.
    assert_eq!(tally.credits_committed(), 2);
}

#[test]
fn not_pending_at_the_first_attempt_costs_only_its_answer() {
    let mut tally = WriteTally::new(Cost {
        credits: 1,
        requests: 1,
    });
    tally.sent();
    tally.answered(1);
    assert_eq!(tally.credits_reported(Some(AnswerKind::NotPending)), 1);
    let mut refused = WriteTally::new(Cost {
        credits: 1,
        requests: 1,
    });
    refused.sent();
    refused.answered(0); // a 429
    refused.sent();
    refused.answered(0);
    assert_eq!(refused.credits_reported(Some(AnswerKind::NotPending)), 0);
    assert_eq!(refused.credits_committed(), 0);
    // A connection that never got a response did nothing, but its price
    // stays at risk for the budget.
    let mut reset = WriteTally::new(Cost {
        credits: 1,
        requests: 1,
    });
    reset.sent();
    reset.lost(AttemptEnd::NoResponse);
    reset.sent();
    reset.answered(0);
    assert_eq!(reset.credits_reported(Some(AnswerKind::NotPending)), 0);
    assert_eq!(reset.credits_committed(), 1);
}

#[test]
fn a_500_that_may_have_acted_counts_its_price_when_the_repeat_finds_nothing_pending() {
    let price = Cost {
        credits: 1,
        requests: 1,
    };
    // linkup-v1 answers a 500 unbilled; the write behind it was made.
    let mut tally = WriteTally::new(price);
    tally.sent();
    tally.answered(0);
    tally.lost(AttemptEnd::Ambiguous);
    tally.sent();
    tally.answered(1);
    assert_eq!(tally.credits_reported(Some(AnswerKind::NotPending)), 2);
    // The repeat did it: the 500 changed nothing and cost what it said.
    assert_eq!(tally.credits_reported(Some(AnswerKind::Done)), 1);
}
