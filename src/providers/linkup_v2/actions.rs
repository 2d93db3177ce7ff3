//! linkup-v2's actions (NOTES.md "Actions"): `withdraw` and `accept` on
//! `POST /v2/network`; no ignore. 1 credit per successful call, errors free.

use super::{envelope_error, ID};
use crate::actions::{
    required, required_id, says_not_pending, Action, ActionAnswer, AnswerKind, Writes,
};
use crate::error::{Error, ErrorCode};
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{Obj, ObjectWriter};
use crate::model::Invitation;
use crate::providers::read_document;
use crate::query::Credentials;

const ACTIONS: &[Action] = &[Action::Withdraw, Action::Accept];

/// Its actions and how they are sent; every one may be repeated: both name
/// the invitation (its id; its URN and secret), and a done one is no longer
/// pending: a repeat cannot act twice.
pub static WRITES: Writes = Writes::repeatable(ACTIONS, 1, request, parse);

/// `{account_id, action: "withdraw", params: {invitation_id}}` (the digits
/// of `entity_urn`, as a string) or `{account_id, action: "accept", params:
/// {shared_secret, entity_urn}}`.
fn request(
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let api_key = Credentials::require(&credentials.api_key, "apiKey", ID)?;
    let account_id = Credentials::require(&credentials.account_id, "accountId", ID)?;
    let mut body = String::with_capacity(160);
    let mut envelope = ObjectWriter::new(&mut body);
    envelope
        .field("account_id", account_id)
        .field("action", action.as_str());
    match action {
        Action::Withdraw => {
            let id = required_id(invitation, ID, action)?;
            envelope.object("params", |params| {
                params.field("invitation_id", id);
            });
        }
        Action::Accept | Action::Ignore => {
            let token = invitation.accept_token.as_deref();
            let secret = required(token, "invitation.acceptToken", ID, action)?;
            let urn = required(invitation.urn.as_deref(), "invitation.urn", ID, action)?;
            envelope.object("params", |params| {
                params
                    .field("shared_secret", secret)
                    .field("entity_urn", urn);
            });
        }
    }
    envelope.end();
    Ok(HttpRequest::json_post(
        format!("{base_url}/v2/network"),
        vec![("x-api-key", api_key.to_string())],
        body,
    ))
}

/// `{success: true, data: {withdrawn: true, invitation_id}}` (accept:
/// `data: {}`). An `INVALID_PARAMS` error saying nothing is pending ("No
/// pending invitation …") is the not-pending answer, and costs nothing.
fn parse(
    _action: Action,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<ActionAnswer, Error> {
    let document = read_document(ID, response, now_ms)?;
    let root = Obj::root(ID, &document)?;
    let reported = match root.object("metadata")? {
        Some(metadata) => metadata.count("credits_consumed")?,
        None => None,
    };
    if root.flag("success")? == Some(true) && response.is_success() {
        let withdrawn = match root.object("data")? {
            Some(data) => data.flag("withdrawn")?,
            None => None,
        };
        let kind = match withdrawn {
            Some(false) => AnswerKind::NotPending,
            _ => AnswerKind::Done,
        };
        let price = if kind == AnswerKind::Done { 1 } else { 0 };
        return Ok(ActionAnswer {
            kind,
            credits_used: reported.unwrap_or(price),
        });
    }
    let error = envelope_error(&root, response, now_ms);
    if error.code == ErrorCode::ProviderError
        && error.provider_code.as_deref() == Some("INVALID_PARAMS")
        && says_not_pending(error.provider_message.as_deref().unwrap_or_default())
    {
        return Ok(ActionAnswer {
            kind: AnswerKind::NotPending,
            credits_used: reported.unwrap_or(0),
        });
    }
    Err(error)
}
