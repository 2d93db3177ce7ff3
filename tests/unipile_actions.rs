//! Unipile's actions (NOTES.md "Actions"): the cancel (`DELETE`) and the
//! accept / decline (`POST`) requests built from invitations as its lists
//! return them, and its answers read as done, not pending, or the RFC 7807
//! error (a 404 for the invitation is not pending; for the account, an error).

mod support;

use linkedin_network::actions::{action_request, parse_action, Action, AnswerKind};
use linkedin_network::error::ErrorCode;
use linkedin_network::http::{HttpResponse, Method};
use linkedin_network::model::{Invitation, Item};
use linkedin_network::operations::parse_response;
use linkedin_network::providers;
use linkedin_network::query::Resource;
use serde_json::{json, Value};
use support::{credentials, API_KEY};

const BASE: &str = "https://api8.dsn.test:13851";

fn fixture_invitation(resource: Resource, file: &str) -> Invitation {
    let path = format!(
        "{}/tests/fixtures/unipile/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read_to_string(path).unwrap();
    let response = HttpResponse {
        status: 200,
        headers: &[],
        body: &body,
    };
    let unipile = providers::find("unipile").unwrap();
    match parse_response(unipile, resource, &response, None, None)
        .unwrap()
        .items
        .remove(0)
    {
        Item::Invitation(invitation) => invitation,
        Item::Connection(_) => panic!("a connection"),
    }
}

fn sent() -> Invitation {
    fixture_invitation(Resource::SentInvitations, "invitations_sent.json")
}

fn received() -> Invitation {
    fixture_invitation(Resource::ReceivedInvitations, "invitations_received.json")
}

fn answer(action: Action, status: u16, body: &str) -> Result<AnswerKind, ErrorCode> {
    let response = HttpResponse {
        status,
        headers: &[],
        body,
    };
    let unipile = providers::find("unipile").unwrap();
    parse_action(unipile, action, &response, None)
        .map(|answer| {
            assert_eq!(answer.credits_used, 0, "billed per account, not per call");
            answer.kind
        })
        .map_err(|error| error.code)
}

fn problem(status: u16, kind: &str, detail: &str) -> String {
    json!({"status": status, "type": kind, "title": kind, "detail": detail, "instance": null})
        .to_string()
}

#[test]
fn withdraw_is_a_delete_of_the_exact_id_with_the_account_in_the_query() {
    let invitation = sent();
    let unipile = providers::find("unipile").unwrap();
    let request =
        action_request(unipile, Action::Withdraw, &invitation, &credentials(), BASE).unwrap();
    assert_eq!(request.method, Method::Delete);
    assert_eq!(
        request.url,
        format!("{BASE}/api/v1/users/invite/sent/7331558767219683329?account_id=acct-CANARY%2F9")
    );
    assert!(request
        .headers
        .contains(&("x-api-key", API_KEY.to_string())));
    assert_eq!(request.body, None);
}

#[test]
fn accept_and_ignore_post_the_shared_secret_and_the_account() {
    let invitation = received();
    let unipile = providers::find("unipile").unwrap();
    for (action, word) in [(Action::Accept, "accept"), (Action::Ignore, "decline")] {
        let request = action_request(unipile, action, &invitation, &credentials(), BASE).unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.url,
            format!("{BASE}/api/v1/users/invite/received/7332661864792854528")
        );
        let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"provider": "LINKEDIN", "shared_secret": "Yk3-secret_77", "account_id": "acct-CANARY/9", "action": word})
        );
    }
    let mut tokenless = invitation;
    tokenless.accept_token = None;
    let error =
        action_request(unipile, Action::Accept, &tokenless, &credentials(), BASE).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.starts_with("invitation.acceptToken"),
        "{}",
        error.message
    );
}

#[test]
fn answers_are_done_not_pending_or_the_problem_they_report() {
    assert_eq!(
        answer(Action::Withdraw, 200, r#"{"object":"InvitationCanceled"}"#),
        Ok(AnswerKind::Done)
    );
    assert_eq!(
        answer(
            Action::Accept,
            200,
            r#"{"object":"UserInvitationHandled","status":"ACCEPTED"}"#
        ),
        Ok(AnswerKind::Done)
    );
    let gone = problem(404, "errors/resource_not_found", "Invitation not found");
    assert_eq!(
        answer(Action::Withdraw, 404, &gone),
        Ok(AnswerKind::NotPending)
    );
    assert_eq!(
        answer(Action::Ignore, 404, &gone),
        Ok(AnswerKind::NotPending)
    );
    let no_account = problem(404, "errors/resource_not_found", "Account not found");
    assert_eq!(
        answer(Action::Withdraw, 404, &no_account),
        Err(ErrorCode::NotFound)
    );
    let malformed = problem(
        400,
        "errors/invalid_invitation_id",
        "The invitation id is malformed",
    );
    assert_eq!(
        answer(Action::Withdraw, 400, &malformed),
        Err(ErrorCode::ProviderError)
    );
    let key = problem(401, "errors/invalid_credentials", "Invalid credentials");
    assert_eq!(answer(Action::Accept, 401, &key), Err(ErrorCode::Auth));
    let slow = problem(429, "errors/too_many_requests", "Too many requests");
    assert_eq!(
        answer(Action::Accept, 429, &slow),
        Err(ErrorCode::RateLimited)
    );
    assert_eq!(
        answer(Action::Withdraw, 200, r#"{"object":42}"#),
        Err(ErrorCode::BadResponse)
    );
}
