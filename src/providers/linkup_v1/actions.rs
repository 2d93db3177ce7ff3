//! linkup-v1's actions (NOTES.md "Actions"): `withdraw-invitation` and
//! `accept-invitation` under `POST /v1/network/`; no ignore. Billed 1
//! credit per answer in its envelope, errors included (see [`parse`]).

use super::{envelope_error, ID};
use crate::actions::{
    required, required_id, says_not_pending, Action, ActionAnswer, AnswerKind, Writes,
};
use crate::error::{derived, Error, ErrorCode};
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{quoted, Obj, ObjectWriter};
use crate::model::Invitation;
use crate::providers::{read_document, status_error};
use crate::query::Credentials;

const ACTIONS: &[Action] = &[Action::Withdraw, Action::Accept];

/// Its actions and how they are sent; every one may be repeated: both name
/// the invitation (its id; its URN and secret), and a done one is no longer
/// pending ("already accepted or expired"): a repeat cannot act twice.
pub static WRITES: Writes = Writes::repeatable(ACTIONS, 1, request, parse);

/// The endpoint of each action. `withdraw-invitation` is assumed from the
/// documentation page's name (NOTES.md): a correction is this one line.
fn endpoint(action: Action) -> &'static str {
    match action {
        Action::Withdraw => "withdraw-invitation",
        Action::Accept | Action::Ignore => "accept-invitation",
    }
}

/// `{invitation_id, login_token, country}` or `{shared_secret, entity_urn,
/// login_token, country}` (`country` only when given). The id is sent as a
/// string of digits: a bare number above 2^53 would be rounded by any
/// server that reads JSON numbers as doubles, and name another invitation.
fn request(
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let api_key = Credentials::require(&credentials.api_key, "apiKey", ID)?;
    let login_token = Credentials::require(&credentials.login_token, "loginToken", ID)?;
    let mut body = String::with_capacity(160);
    let mut fields = ObjectWriter::new(&mut body);
    match action {
        Action::Withdraw => {
            fields.field("invitation_id", required_id(invitation, ID, action)?);
        }
        Action::Accept | Action::Ignore => {
            let token = invitation.accept_token.as_deref();
            let secret = required(token, "invitation.acceptToken", ID, action)?;
            let urn = required(invitation.urn.as_deref(), "invitation.urn", ID, action)?;
            fields
                .field("shared_secret", secret)
                .field("entity_urn", urn);
        }
    }
    fields.field("login_token", login_token);
    if let Some(country) = &credentials.country {
        fields.field("country", &country.to_ascii_uppercase());
    }
    fields.end();
    Ok(HttpRequest::json_post(
        format!("{base_url}/v1/network/{}", endpoint(action)),
        vec![("x-api-key", api_key.to_string())],
        body,
    ))
}

/// `{status: "success", message}` is done; `{status: "error", message}`
/// saying the invitation is already handled or expired is not pending.
/// linkup-v1 bills every call whatever its answer, except an HTTP 500 (its
/// introduction page): an answer in its own envelope costs 1 credit, errors
/// included — but not a 500, a refused API key or "Insufficient credits",
/// which reached no billable account. An answer that is not its envelope (a
/// gateway's page) is not billed.
fn parse(
    _action: Action,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<ActionAnswer, Error> {
    let document = read_document(ID, response, now_ms)?;
    let root = Obj::root(ID, &document)?;
    let billed = |error: Option<&Error>| {
        let unbilled = response.status == 500
            || response.status == 401
            || error.is_some_and(|error| {
                error.code == ErrorCode::InsufficientCredits
                    || error.provider_code.as_deref() == Some(derived::INVALID_API_KEY)
            });
        u64::from(!unbilled)
    };
    match root.text("status")? {
        Some("success") if response.is_success() => Ok(ActionAnswer {
            kind: AnswerKind::Done,
            credits_used: billed(None),
        }),
        Some("error") => {
            let mut error = envelope_error(&root, response, now_ms)?;
            let credits = billed(Some(&error));
            let message = error.provider_message.as_deref().unwrap_or_default();
            if error.code == ErrorCode::ProviderError && says_not_pending(message) {
                return Ok(ActionAnswer {
                    kind: AnswerKind::NotPending,
                    credits_used: credits,
                });
            }
            error.credits_used = credits;
            Err(error)
        }
        _ if !response.is_success() => Err(status_error(ID, response, now_ms)),
        Some(other) => Err(root.wrong(
            "status",
            &format!("should be \"success\" or \"error\", got {}", quoted(other)),
        )),
        None => Err(root.wrong("status", "is missing")),
    }
}
