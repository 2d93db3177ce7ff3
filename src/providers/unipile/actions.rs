//! Unipile's actions (NOTES.md "Actions"): `DELETE
//! /api/v1/users/invite/sent/{id}?account_id=…` cancels a sent invitation;
//! `POST /api/v1/users/invite/received/{id}` `{provider: "LINKEDIN",
//! shared_secret, account_id, action: "accept" | "decline"}` handles a
//! received one. Billed per connected account: no credits. A 404 for the
//! invitation means nothing is pending (a 404 for the account is an error).

use super::{problem_error, ID};
use crate::actions::{required, required_id, Action, ActionAnswer, AnswerKind, Writes};
use crate::error::Error;
use crate::http::{push_query, HttpRequest, HttpResponse, Method};
use crate::json::{Obj, ObjectWriter};
use crate::model::Invitation;
use crate::normalize::profile_url::percent_encode;
use crate::providers::read_document;
use crate::query::Credentials;

const ACTIONS: &[Action] = &[Action::Withdraw, Action::Accept, Action::Ignore];

/// Its actions and how they are sent; every one may be repeated: each names
/// the invitation by its id (and its secret), and a done one is gone: a
/// repeat answers 404, so it cannot act twice.
pub static WRITES: Writes = Writes::repeatable(ACTIONS, 0, request, parse);

fn request(
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let api_key = Credentials::require(&credentials.api_key, "apiKey", ID)?;
    let account_id = Credentials::require(&credentials.account_id, "accountId", ID)?;
    let id = percent_encode(required_id(invitation, ID, action)?.as_bytes());
    let auth = vec![("x-api-key", api_key.to_string())];
    match action {
        Action::Withdraw => {
            let mut url = format!("{base_url}/api/v1/users/invite/sent/{id}");
            push_query(&mut url, "account_id", account_id);
            let mut headers = vec![("accept", "application/json".to_string())];
            headers.extend(auth);
            Ok(HttpRequest {
                method: Method::Delete,
                url,
                headers,
                body: None,
            })
        }
        Action::Accept | Action::Ignore => {
            let token = invitation.accept_token.as_deref();
            let secret = required(token, "invitation.acceptToken", ID, action)?;
            let mut body = String::with_capacity(128);
            let mut fields = ObjectWriter::new(&mut body);
            fields
                .field("provider", "LINKEDIN")
                .field("shared_secret", secret)
                .field("account_id", account_id)
                .field(
                    "action",
                    if action == Action::Accept {
                        "accept"
                    } else {
                        "decline"
                    },
                );
            fields.end();
            Ok(HttpRequest::json_post(
                format!("{base_url}/api/v1/users/invite/received/{id}"),
                auth,
                body,
            ))
        }
    }
}

/// `{object: "InvitationCanceled"}` / `{object: "UserInvitationHandled",
/// status}` is done; `404 errors/resource_not_found` for the invitation is
/// not pending; anything else is the RFC 7807 error it reports.
fn parse(
    _action: Action,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<ActionAnswer, Error> {
    let document = read_document(ID, response, now_ms)?;
    let root = Obj::root(ID, &document)?;
    if response.is_success() {
        root.text("object")?;
        return Ok(ActionAnswer::unbilled(AnswerKind::Done));
    }
    let error = problem_error(&root, response, None, now_ms);
    let words = error
        .provider_message
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if response.status == 404 && !crate::text::contains(&words, "account") {
        return Ok(ActionAnswer::unbilled(AnswerKind::NotPending));
    }
    Err(error)
}
