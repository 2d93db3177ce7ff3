//! Answers to action requests, per provider: done, not pending (the answer
//! a repeat of a done action gets), and errors with their codes and the
//! credits they were billed (linkup-v1 bills every answer but a 500).

use linkedin_network::actions::{parse_action, Action, ActionAnswer, AnswerKind};
use linkedin_network::error::{Error, ErrorCode};
use linkedin_network::http::HttpResponse;
use linkedin_network::providers;

fn answer(
    provider: &str,
    action: Action,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<ActionAnswer, Error> {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let response = HttpResponse {
        status,
        headers: &headers,
        body,
    };
    parse_action(providers::find(provider).unwrap(), action, &response, None)
}

fn done(credits_used: u64) -> ActionAnswer {
    ActionAnswer {
        kind: AnswerKind::Done,
        credits_used,
    }
}

fn not_pending(credits_used: u64) -> ActionAnswer {
    ActionAnswer {
        kind: AnswerKind::NotPending,
        credits_used,
    }
}

const V2_WITHDRAWN: &str = r#"{"success":true,"data":{"withdrawn":true,"invitation_id":"7331558767219683329"},"metadata":{"action":"withdraw","credits_consumed":1,"timestamp":"2026-04-26T10:35:00Z"}}"#;

#[test]
fn linkup_v2_withdrawn_and_accepted_are_done_at_the_reported_credits() {
    assert_eq!(
        answer("linkup-v2", Action::Withdraw, 200, &[], V2_WITHDRAWN).unwrap(),
        done(1)
    );
    let accepted =
        r#"{"success":true,"data":{},"metadata":{"action":"accept","credits_consumed":1}}"#;
    assert_eq!(
        answer("linkup-v2", Action::Accept, 200, &[], accepted).unwrap(),
        done(1)
    );
    // Without metadata, the documented price.
    assert_eq!(
        answer(
            "linkup-v2",
            Action::Accept,
            200,
            &[],
            r#"{"success":true,"data":{}}"#
        )
        .unwrap(),
        done(1)
    );
}

#[test]
fn linkup_v2_no_pending_invitation_is_not_pending_and_free() {
    let body = r#"{"success":false,"error":{"code":"INVALID_PARAMS","message":"No pending invitation 7331558767219683329"},"metadata":{"action":"withdraw","credits_consumed":0}}"#;
    assert_eq!(
        answer("linkup-v2", Action::Withdraw, 400, &[], body).unwrap(),
        not_pending(0)
    );
    let already = r#"{"success":false,"error":{"code":"INVALID_PARAMS","message":"Invitation already accepted"},"metadata":{"credits_consumed":0}}"#;
    assert_eq!(
        answer("linkup-v2", Action::Accept, 400, &[], already).unwrap(),
        not_pending(0)
    );
}

#[test]
fn linkup_v2_other_errors_keep_their_codes() {
    let cases = [
        (402, "INSUFFICIENT_CREDITS", ErrorCode::InsufficientCredits),
        (403, "INVALID_API_KEY", ErrorCode::Auth),
        (429, "RATE_LIMITED", ErrorCode::RateLimited),
        (500, "INTERNAL_ERROR", ErrorCode::ProviderError),
        (400, "INVALID_PARAMS", ErrorCode::ProviderError),
    ];
    for (status, code, expected) in cases {
        let body = format!(
            r#"{{"success":false,"error":{{"code":"{code}","message":"params.invitation_id must be a string of digits"}},"metadata":{{"credits_consumed":0}}}}"#
        );
        let error = answer("linkup-v2", Action::Withdraw, status, &[], &body).unwrap_err();
        assert_eq!(error.code, expected, "{code}");
        assert_eq!(error.status, Some(status));
        assert_eq!(error.provider, Some("linkup-v2"));
        assert_eq!(error.provider_code.as_deref(), Some(code));
        assert_eq!(error.credits_used, 0, "v2 errors are free");
    }
}

#[test]
fn linkup_v2_rate_limit_carries_retry_after() {
    let body = r#"{"success":false,"error":{"code":"RATE_LIMITED","message":"slow down"}}"#;
    let error = answer(
        "linkup-v2",
        Action::Withdraw,
        429,
        &[("Retry-After", "7")],
        body,
    )
    .unwrap_err();
    assert!(error.retryable);
    assert_eq!(error.retry_after_ms, Some(7_000));
}

#[test]
fn a_2xx_that_is_not_json_is_bad_response() {
    for provider in ["linkup-v2", "linkup-v1", "connectsafely"] {
        let error = answer(provider, Action::Withdraw, 200, &[], r#"{"success":tr"#).unwrap_err();
        assert_eq!(error.code, ErrorCode::BadResponse, "{provider}");
        assert_eq!(error.status, Some(200));
    }
}

#[test]
fn linkup_v1_success_is_done_and_billed() {
    let withdrawn =
        r#"{"status":"success","message":"Connection invitation withdrawn successfully"}"#;
    assert_eq!(
        answer("linkup-v1", Action::Withdraw, 200, &[], withdrawn).unwrap(),
        done(1)
    );
    let accepted = r#"{"status":"success","message":"Invitation accepted successfully"}"#;
    assert_eq!(
        answer("linkup-v1", Action::Accept, 200, &[], accepted).unwrap(),
        done(1)
    );
}

#[test]
fn linkup_v1_already_accepted_or_expired_is_not_pending_and_still_billed() {
    for message in [
        "Invitation already accepted",
        "This invitation has expired",
        "No pending invitation found",
    ] {
        let body = format!(r#"{{"status":"error","message":"{message}"}}"#);
        assert_eq!(
            answer("linkup-v1", Action::Accept, 200, &[], &body).unwrap(),
            not_pending(1),
            "{message}"
        );
    }
}

#[test]
fn linkup_v1_errors_in_its_envelope_are_billed_except_500_key_and_credits() {
    let cases = [
        (
            200,
            "Invalid or expired LinkedIn cookie",
            ErrorCode::Auth,
            1,
        ),
        // Nothing to bill: no credits left, or no account behind the key.
        (
            200,
            "Insufficient credits available",
            ErrorCode::InsufficientCredits,
            0,
        ),
        (401, "Invalid API key", ErrorCode::Auth, 0),
        (
            200,
            "Rate limit exceeded. Please try again later",
            ErrorCode::RateLimited,
            1,
        ),
        (
            200,
            "Missing required parameter: invitation_id",
            ErrorCode::ProviderError,
            1,
        ),
        (500, "Internal server error", ErrorCode::ProviderError, 0),
    ];
    for (status, message, code, billed) in cases {
        let body = format!(r#"{{"status":"error","message":"{message}"}}"#);
        let error = answer("linkup-v1", Action::Withdraw, status, &[], &body).unwrap_err();
        assert_eq!(error.code, code, "{message}");
        assert_eq!(error.credits_used, billed, "{message}");
        assert_eq!(error.status, Some(status));
    }
    let html = answer("linkup-v1", Action::Withdraw, 500, &[], "<html>oops</html>").unwrap_err();
    assert_eq!(html.code, ErrorCode::ProviderError);
    assert_eq!(html.credits_used, 0);
    // A gateway's page is not linkup-v1's answer: not billed.
    let gateway = answer(
        "linkup-v1",
        Action::Withdraw,
        503,
        &[],
        r#"{"error":"Service Unavailable"}"#,
    )
    .unwrap_err();
    assert_eq!(gateway.status, Some(503));
    assert_eq!(gateway.credits_used, 0);
}

#[test]
fn connectsafely_withdraw_success_is_done_and_free() {
    let body = r#"{"success":true,"message":"Invitation withdrawn successfully","accountId":"a1"}"#;
    assert_eq!(
        answer("connectsafely", Action::Withdraw, 200, &[], body).unwrap(),
        done(0)
    );
    let respond = r#"{"success":true,"message":"Invitation accepted","accountId":"a1"}"#;
    for action in [Action::Accept, Action::Ignore] {
        assert_eq!(
            answer("connectsafely", action, 200, &[], respond).unwrap(),
            done(0)
        );
    }
}

#[test]
fn connectsafely_withdraw_400_is_not_pending() {
    for body in [
        r#"{"error":"No pending invitation found for this profile"}"#,
        r#"{"error":"Bad request"}"#,
        r#"{"success":false,"code":"NO_PENDING_INVITATION","message":"Nothing pending"}"#,
    ] {
        assert_eq!(
            answer("connectsafely", Action::Withdraw, 400, &[], body).unwrap(),
            not_pending(0),
            "{body}"
        );
    }
}

#[test]
fn connectsafely_400_about_the_request_itself_is_an_error() {
    let error = answer(
        "connectsafely",
        Action::Withdraw,
        400,
        &[],
        r#"{"error":"profileId is required"}"#,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::ProviderError);
    // A respond 400 is not pending only when its text says so.
    let error = answer(
        "connectsafely",
        Action::Accept,
        400,
        &[],
        r#"{"error":"Bad request"}"#,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::ProviderError);
    assert_eq!(
        answer(
            "connectsafely",
            Action::Ignore,
            400,
            &[],
            r#"{"error":"Invitation is no longer pending"}"#
        )
        .unwrap(),
        not_pending(0)
    );
}

#[test]
fn connectsafely_errors_by_status() {
    let cases = [
        (401, ErrorCode::Auth),
        (404, ErrorCode::NotFound),
        (429, ErrorCode::RateLimited),
        (500, ErrorCode::ProviderError),
    ];
    for (status, code) in cases {
        let error = answer(
            "connectsafely",
            Action::Withdraw,
            status,
            &[],
            r#"{"error":"Profile not found"}"#,
        )
        .unwrap_err();
        assert_eq!(error.code, code, "{status}");
        assert_eq!(error.credits_used, 0);
    }
    let ok_but_false = answer(
        "connectsafely",
        Action::Withdraw,
        200,
        &[],
        r#"{"success":false,"message":"failed"}"#,
    )
    .unwrap_err();
    assert_eq!(ok_but_false.code, ErrorCode::ProviderError);
}

#[test]
fn an_action_the_provider_lacks_cannot_be_parsed_either() {
    let error = answer("linkup-v2", Action::Ignore, 200, &[], V2_WITHDRAWN).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
}
