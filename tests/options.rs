//! The JS API's options: every bad field is INVALID_INPUT naming the field
//! and what it accepts, and no message repeats a secret.

use linkedin_network::error::ErrorCode;
use linkedin_network::options::{
    client_options, list_options, parse_options, plan_options, run_options,
};
use linkedin_network::providers;
use linkedin_network::query::Resource;

fn refused(result: Result<impl Sized, linkedin_network::error::Error>) -> String {
    match result {
        Ok(_) => panic!("accepted"),
        Err(error) => {
            assert_eq!(error.code, ErrorCode::InvalidInput);
            error.message
        }
    }
}

#[test]
fn client_options_name_the_bad_field() {
    let cases = [
        (
            r#"{"provider":"linkup-v9","apiKey":"k"}"#,
            r#"provider must be one of "linkup-v2", "linkup-v1", "connectsafely", "unipile""#,
        ),
        (
            r#"{"apiKey":"k"}"#,
            r#"provider must be one of "linkup-v2", "linkup-v1", "connectsafely", "unipile""#,
        ),
        (
            r#"{"provider":"linkup-v2","apiKey":42}"#,
            "apiKey must be a string, got a number",
        ),
        (
            r#"{"provider":"linkup-v2","apikey":"SECRET"}"#,
            r#""apikey" is not an option of createClient; accepted: provider, retry, timeoutMs, concurrency, fetch, apiKey, accountId, loginToken, country, baseUrl"#,
        ),
        (
            r#"{"provider":"linkup-v2","timeoutMs":-5}"#,
            "timeoutMs must be an integer from 1 to 600000, got -5",
        ),
        (
            r#"{"provider":"linkup-v2","concurrency":1.5}"#,
            "concurrency must be an integer from 1 to 16, got 1.5",
        ),
        (
            r#"{"provider":"linkup-v2","concurrency":"NaN"}"#,
            "concurrency must be an integer from 1 to 16, got NaN",
        ),
        (
            r#"{"provider":"linkup-v2","retry":{"maxAttempts":0}}"#,
            "maxAttempts must be an integer from 1 to 10, got 0",
        ),
        (
            r#"{"provider":"linkup-v2","retry":{"tries":3}}"#,
            r#""tries" is not an option of retry; accepted: maxAttempts, baseDelayMs, maxDelayMs"#,
        ),
        (
            r#"{"provider":"linkup-v2","retry":5}"#,
            "retry must be an object, got a number",
        ),
        ("[1]", "createClient must be an object, got an array"),
    ];
    for (json, message) in cases {
        assert_eq!(refused(client_options(json)), message, "{json}");
    }
    let ok = client_options(r#"{"provider":"linkup-v1","apiKey":"k","loginToken":"t","retry":{"maxAttempts":5},"concurrency":2,"baseUrl":null}"#).unwrap();
    assert_eq!(
        (
            ok.settings.retry.max_attempts,
            ok.settings.retry.base_delay_ms,
            ok.settings.concurrency
        ),
        (5, 500, 2)
    );
    assert_eq!(ok.settings.timeout_ms, 25_000);
}

#[test]
fn list_and_run_options_name_the_bad_field() {
    let v2 = providers::find("linkup-v2").unwrap();
    assert_eq!(
        refused(list_options(
            r#"{"limit":0}"#,
            "list",
            v2,
            Resource::Connections
        )),
        "limit must be an integer from 1 to 10000, got 0"
    );
    assert_eq!(
        refused(list_options(
            r#"{"offset":-1}"#,
            "list",
            v2,
            Resource::Connections
        )),
        "offset must be an integer from 0 to 100000, got -1"
    );
    assert_eq!(
        refused(list_options(
            r#"{"limit":"25"}"#,
            "list",
            v2,
            Resource::Connections
        )),
        "limit must be an integer from 1 to 10000, got a string"
    );
    assert_eq!(
        refused(list_options(
            r#"{"maxItems":5}"#,
            "list",
            v2,
            Resource::Connections
        )),
        r#""maxItems" is not an option of list; accepted: offset, limit, invitationType"#
    );
    assert_eq!(
        list_options("null", "list", v2, Resource::Connections)
            .unwrap()
            .limit,
        10
    );
    assert_eq!(
        refused(run_options(r#"{"maxItems":0}"#, "collect")),
        "maxItems must be an integer from 1 to 4294967295, got 0"
    );
    assert_eq!(
        refused(run_options(r#"{"maxCredit":5}"#, "iterate")),
        r#""maxCredit" is not an option of iterate; accepted: offset, invitationType, maxItems, maxCredits, maxRequests, cursor, concurrency"#
    );
    assert_eq!(
        refused(run_options(r#"{"cursor":5}"#, "collect")),
        "cursor must be a string, got a number"
    );
    let request = run_options(r#"{"maxCredits":0,"maxRequests":50}"#, "collect").unwrap();
    assert_eq!(
        (request.budgets.max_credits, request.budgets.max_requests),
        (Some(0), Some(50))
    );
}

#[test]
fn pure_function_options_name_the_bad_field() {
    assert_eq!(
        refused(plan_options(
            r#"{"provider":"linkup-v2","resource":"followers"}"#,
            "planRequests"
        )),
        r#"resource must be one of "sentInvitations", "receivedInvitations", "connections""#
    );
    let (_, query) = plan_options(
        r#"{"provider":"linkup-v1","resource":"connections","offset":5,"limit":30}"#,
        "planRequests",
    )
    .unwrap();
    assert_eq!((query.offset, query.limit), (5, 30));
    assert_eq!(
        refused(parse_options(
            r#"{"provider":"connectsafely","resource":"connections"}"#
        )),
        "status is required: the HTTP status of the response"
    );
    assert_eq!(
        refused(parse_options(
            r#"{"provider":"connectsafely","resource":"connections","status":200,"headers":{"date":1}}"#
        )),
        r#"headers["date"] must be a string, got a number"#
    );
    assert_eq!(
        refused(parse_options(
            r#"{"provider":"connectsafely","resource":"connections","status":200,"offset":3}"#
        )),
        "offset and limit go together: give both to keep only that range, or neither"
    );
    let parsed = parse_options(r#"{"provider":"connectsafely","resource":"connections","status":200,"headers":{"Date":"x"},"offset":3,"limit":2}"#).unwrap();
    assert_eq!(
        (
            parsed.status,
            parsed.headers.len(),
            parsed.range.unwrap().count
        ),
        (200, 1, 2)
    );
}

/// A credential of another provider is refused by name, never ignored (a
/// `loginToken` given to linkup-v2 would otherwise look like it was used),
/// and the message repeats no value.
#[test]
fn a_credential_of_another_provider_is_refused_by_name() {
    let cases = [
        (
            r#"{"provider":"linkup-v2","apiKey":"k","accountId":"a","loginToken":"SECRET"}"#,
            r#"loginToken is not an option of linkup-v2, which takes "apiKey", "accountId""#,
        ),
        (
            r#"{"provider":"linkup-v1","apiKey":"k","loginToken":"t","accountId":"SECRET"}"#,
            r#"accountId is not an option of linkup-v1, which takes "apiKey", "loginToken", "country""#,
        ),
        (
            r#"{"provider":"connectsafely","apiKey":"k","accountId":"a","country":"SECRET"}"#,
            r#"country is not an option of connectsafely, which takes "apiKey", "accountId""#,
        ),
    ];
    for (json, message) in cases {
        let error = client_options(json).err().expect(json);
        assert_eq!(
            (error.code, error.message.as_str()),
            (ErrorCode::InvalidInput, message)
        );
        assert_eq!(error.provider, json.split('"').nth(3));
        assert!(!error.message.contains("SECRET"));
    }
    // The same rule for buildRequest, which takes credentials too.
    let error = linkedin_network::json_api::build_request_json(
        r#"{"provider":"linkup-v2","resource":"sentInvitations","apiKey":"k","accountId":"a","loginToken":"SECRET"}"#,
    )
    .unwrap_err();
    assert!(
        error
            .message
            .starts_with("loginToken is not an option of linkup-v2"),
        "{}",
        error.message
    );
}

#[test]
fn an_offset_beside_a_cursor_is_refused_not_ignored() {
    let provider = providers::find("linkup-v2").unwrap();
    let message = "offset cannot be given with a cursor: the cursor says where to continue";
    assert_eq!(
        refused(run_options(r#"{"offset":5,"cursor":"lnc2.x"}"#, "iterate")),
        message
    );
    assert_eq!(
        refused(linkedin_network::options::list_request(
            r#"{"offset":5,"cursor":"lnc2.x"}"#,
            provider,
            Resource::Connections
        )),
        message
    );
    assert_eq!(
        refused(linkedin_network::options::list_request(
            r#"{"maxCredits":-1}"#,
            provider,
            Resource::Connections
        )),
        "maxCredits must be an integer from 0 to 4294967295, got -1"
    );
}
