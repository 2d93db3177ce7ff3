//! ConnectSafely's actions (NOTES.md "Actions"): `POST /invitations/withdraw`
//! and `POST /invitations/received/respond` (`ACCEPT` or `IGNORE`).
//! Seat-billed: no credits. A withdraw answered 400 means nothing is pending.

use super::{envelope_error, ID};
use crate::actions::{
    required, required_id, says_not_pending, Action, ActionAnswer, AnswerKind, Writes,
};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::json::{Obj, ObjectWriter};
use crate::model::Invitation;
use crate::providers::read_document;
use crate::query::Credentials;

const ACTIONS: &[Action] = &[Action::Withdraw, Action::Accept, Action::Ignore];

/// Its actions and how they are sent; every one may be repeated: each names
/// the invitation (`invitationId`; and its `validationToken`), and a done one
/// is no longer pending: a repeat cannot act twice.
pub static WRITES: Writes = Writes::repeatable(ACTIONS, 0, request, parse);

/// Withdraw: `{profileId, invitationId, memberId?, profileUrn?, accountId?}`
/// — `profileId` is the public identifier (a member-id profile's `ACoA…`
/// id where it has none). Respond: `{action: "ACCEPT"|"IGNORE",
/// invitationId, validationToken, linkedInInvitationType, firstName,
/// lastName, profileId?, accountId?}` — `profileId` is the member id, sent
/// for connection invitations; `lastName` is `""` for a one-name person.
fn request(
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let api_key = Credentials::require(&credentials.api_key, "apiKey", ID)?;
    let person = &invitation.person;
    let id = required_id(invitation, ID, action)?;
    let mut body = String::with_capacity(256);
    let mut fields = ObjectWriter::new(&mut body);
    let path = match action {
        Action::Withdraw => {
            let profile = person.public_identifier.as_deref();
            let profile = profile.or(person.member_id.as_deref());
            let field = "invitation.person.publicIdentifier";
            fields
                .field("profileId", required(profile, field, ID, action)?)
                .field("invitationId", id);
            if let Some(member_id) = non_empty(&person.member_id) {
                fields.field("memberId", member_id);
            }
            let urn = non_empty(&person.member_urn);
            if let Some(urn) = urn.filter(|urn| urn.starts_with("urn:li:fsd_profile:")) {
                fields.field("profileUrn", urn);
            }
            "/invitations/withdraw"
        }
        Action::Accept | Action::Ignore => {
            let token = invitation.accept_token.as_deref();
            let kind = invitation.provider_type.as_deref();
            let first = person.first_name.as_deref();
            // A one-name person has no last name: the field is sent empty
            // (it must be present), never refused.
            let last = person.last_name.as_deref().unwrap_or_default();
            fields
                .field(
                    "action",
                    if action == Action::Accept {
                        "ACCEPT"
                    } else {
                        "IGNORE"
                    },
                )
                .field("invitationId", id)
                .field(
                    "validationToken",
                    required(token, "invitation.acceptToken", ID, action)?,
                )
                .field(
                    "linkedInInvitationType",
                    required(kind, "invitation.providerType", ID, action)?,
                )
                .field(
                    "firstName",
                    required(first, "invitation.person.firstName", ID, action)?,
                )
                .field("lastName", last);
            if invitation.kind == "CONNECTION" {
                if let Some(member_id) = non_empty(&person.member_id) {
                    fields.field("profileId", member_id);
                }
            }
            "/invitations/received/respond"
        }
    };
    if let Some(account_id) = non_empty(&credentials.account_id) {
        fields.field("accountId", account_id);
    }
    fields.end();
    Ok(HttpRequest::json_post(
        format!("{base_url}{path}"),
        vec![("authorization", format!("Bearer {api_key}"))],
        body,
    ))
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.is_empty())
}

/// `{success: true, message, accountId}` is done. A 400 is not pending for
/// a withdraw (documented) unless it complains about the request itself;
/// for a respond only when its text says so.
fn parse(
    action: Action,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<ActionAnswer, Error> {
    let document = read_document(ID, response, now_ms)?;
    let root = Obj::root(ID, &document)?;
    if response.is_success() && root.flag("success")? != Some(false) {
        return Ok(ActionAnswer::unbilled(AnswerKind::Done));
    }
    let error = envelope_error(&root, response, now_ms);
    let text = error.provider_message.as_deref().unwrap_or_default();
    let lower = text.to_ascii_lowercase();
    let about_the_request =
        crate::text::contains(&lower, "required") || crate::text::contains(&lower, "invalid");
    let not_pending = response.status == 400
        && match action {
            Action::Withdraw => !about_the_request || says_not_pending(text),
            Action::Accept | Action::Ignore => says_not_pending(text),
        };
    if not_pending {
        return Ok(ActionAnswer::unbilled(AnswerKind::NotPending));
    }
    Err(error)
}
