//! Actions on invitations (SPEC §9) — withdraw a sent one, accept or ignore
//! a received one — as pure data: which action, what it answered, what it
//! cost, and the checks every provider shares before its request is built.
//!
//! Each provider builds its own action request and reads its own answer
//! (the [`Writes`] it serves through `Provider::writes`); this module knows
//! no wire format. The client sends the request under the write-retry rules
//! of [`retry`]; `withdrawStale` is planned by [`stale`].

pub mod report;
pub mod retry;
pub mod stale;
mod writes;

pub use writes::{BuildAction, ReadAction, Writes};

use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::json::quoted;
use crate::json::write::json_object;
use crate::json::ToJson;
use crate::model::{Direction, Invitation};
use crate::providers::Provider;
use crate::query::Credentials;

/// One write on one invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Withdraw a pending sent invitation.
    Withdraw,
    /// Accept a pending received invitation.
    Accept,
    /// Ignore (decline) a pending received invitation.
    Ignore,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::Withdraw, Action::Accept, Action::Ignore];

    /// The public name: `"withdraw"`, `"accept"`, `"ignore"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Withdraw => "withdraw",
            Action::Accept => "accept",
            Action::Ignore => "ignore",
        }
    }

    pub fn parse(name: &str) -> Result<Action, Error> {
        Action::ALL
            .into_iter()
            .find(|action| action.as_str() == name)
            .ok_or_else(|| {
                Error::invalid_input(
                    "action",
                    "must be one of \"withdraw\", \"accept\", \"ignore\"",
                )
            })
    }

    /// The direction of the invitations this action applies to.
    pub fn direction(self) -> Direction {
        match self {
            Action::Withdraw => Direction::Sent,
            Action::Accept | Action::Ignore => Direction::Received,
        }
    }

    /// The outcome of this action when the provider says it was done.
    pub fn done(self) -> ActionOutcome {
        match self {
            Action::Withdraw => ActionOutcome::Withdrawn,
            Action::Accept => ActionOutcome::Accepted,
            Action::Ignore => ActionOutcome::Ignored,
        }
    }
}

/// What an action ended as, seen by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionOutcome {
    Withdrawn,
    Accepted,
    Ignored,
    /// Nothing was pending any more: already withdrawn, accepted, ignored
    /// or expired — possibly by an earlier attempt of this same call.
    NotPending,
}

impl ActionOutcome {
    /// The public name: `"withdrawn"`, `"accepted"`, `"ignored"`, `"notPending"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionOutcome::Withdrawn => "withdrawn",
            ActionOutcome::Accepted => "accepted",
            ActionOutcome::Ignored => "ignored",
            ActionOutcome::NotPending => "notPending",
        }
    }
}

impl ToJson for ActionOutcome {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

/// What a provider's answer to an action says, in the product's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The action was done by this request.
    Done,
    /// Nothing was pending: the answer a repeat of a done action gets.
    NotPending,
}

/// A provider's answer to one action request, read by its [`Writes::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionAnswer {
    pub kind: AnswerKind,
    /// What the provider charged for this request (reported, else its price).
    pub credits_used: u64,
}

impl ActionAnswer {
    /// An answer that cost no credits (a seat-billed provider's).
    pub const fn unbilled(kind: AnswerKind) -> ActionAnswer {
        ActionAnswer {
            kind,
            credits_used: 0,
        }
    }
}

/// A price: credits and HTTP requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cost {
    pub credits: u64,
    pub requests: u64,
}

impl Cost {
    pub fn plus(self, other: Cost) -> Cost {
        Cost {
            credits: self.credits.saturating_add(other.credits),
            requests: self.requests.saturating_add(other.requests),
        }
    }
}

json_object!(Cost, |this| {
    "credits" => this.credits,
    "requests" => this.requests,
});

/// Enough of an invitation for a caller to find it in its own store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationSummary {
    pub id: String,
    pub name: Option<String>,
    pub profile_url: Option<String>,
}

impl InvitationSummary {
    pub fn of(invitation: &Invitation) -> InvitationSummary {
        InvitationSummary {
            id: invitation.id.clone(),
            name: invitation.person.name.clone(),
            profile_url: invitation.person.profile_url.clone(),
        }
    }
}

json_object!(InvitationSummary, |this| {
    "id" => this.id,
    "name" => this.name,
    "profileUrl" => this.profile_url,
});

/// What `withdraw`, `accept` and `ignore` return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionResult {
    pub outcome: ActionOutcome,
    pub invitation: InvitationSummary,
    /// Credits charged, as well as they can be known: the answers' own, plus
    /// the price of a lost attempt when a repeat found nothing pending (that
    /// attempt most likely did the action, and was billed for it).
    pub credits_used: u64,
    /// HTTP requests sent, repeats included.
    pub requests: u64,
}

json_object!(ActionResult, |this| {
    "outcome" => this.outcome,
    "invitation" => this.invitation,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
});

/// Whether a provider's error text says the invitation is no longer
/// pending (already withdrawn, accepted, ignored or expired): the answer a
/// repeat of a done action gets. Providers call it only on answers that are
/// not about credentials, credits or rate limits ("Invalid or expired
/// LinkedIn cookie" is `AUTH`, decided first).
pub fn says_not_pending(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "no pending",
        "not pending",
        "no longer pending",
        "already",
        "expired",
    ]
    .iter()
    .any(|phrase| crate::text::contains(&lower, phrase))
}

/// `INVALID_INPUT` for an action `provider` does not offer.
pub fn unsupported(provider: &'static str, action: Action) -> Error {
    Error::invalid_input(
        "action",
        &format!(
            "{} is not supported by {provider} (its API has no such call)",
            quoted(action.as_str())
        ),
    )
    .with_provider(provider)
}

/// A field the provider's action needs from the invitation: present and
/// non-empty, else `INVALID_INPUT` naming it as the caller sees it
/// (`invitation.acceptToken`, `invitation.person.publicIdentifier`).
pub fn required<'i>(
    value: Option<&'i str>,
    field: &str,
    provider: &'static str,
    action: Action,
) -> Result<&'i str, Error> {
    match value.map(str::trim) {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(Error::invalid_input(
            field,
            &format!(
                "is required to {} with {provider}; pass the invitation as list, iterate or sync returned it",
                action.as_str()
            ),
        )
        .with_provider(provider)),
    }
}

/// The invitation's exact decimal id, as the provider needs it.
pub fn required_id<'i>(
    invitation: &'i Invitation,
    provider: &'static str,
    action: Action,
) -> Result<&'i str, Error> {
    let id = required(Some(&invitation.id), "invitation.id", provider, action)?;
    if id.bytes().all(|byte| byte.is_ascii_digit()) {
        Ok(id)
    } else {
        Err(Error::invalid_input(
            "invitation.id",
            "must be the exact decimal id (digits only)",
        )
        .with_provider(provider))
    }
}

/// The request for `action` on `invitation`, after the checks every
/// provider shares — the action exists there, the invitation came from this
/// provider and goes the right way, the credentials are complete — so
/// nothing is built, let alone sent, for an action that cannot be right.
pub fn action_request(
    provider: &dyn Provider,
    action: Action,
    invitation: &Invitation,
    credentials: &Credentials,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let id = provider.id();
    let writes = offered(provider, action)?;
    if invitation.provider != id {
        return Err(Error::invalid_input(
            "invitation.provider",
            &format!(
                "is {}, but this client is {}: act on an invitation through the provider that listed it",
                quoted(invitation.provider),
                quoted(id)
            ),
        )
        .with_provider(id));
    }
    if invitation.direction != action.direction() {
        return Err(Error::invalid_input(
            "invitation.direction",
            &format!(
                "must be {} to {} (use {})",
                quoted(action.direction().as_str()),
                action.as_str(),
                match action.direction() {
                    Direction::Sent => "sentInvitations.withdraw",
                    Direction::Received => "receivedInvitations.accept or .ignore",
                }
            ),
        )
        .with_provider(id));
    }
    provider
        .check_credentials(credentials)
        .map_err(|error| error.with_provider(id))?;
    (writes.request)(action, invitation, credentials, base_url)
        .map_err(|error| error.with_provider(id))
}

/// Reads the answer to an action request; every error carries the provider
/// and the HTTP status (as `operations::parse_response` does for pages).
pub fn parse_action(
    provider: &dyn Provider,
    action: Action,
    response: &HttpResponse<'_>,
    now_ms: Option<i64>,
) -> Result<ActionAnswer, Error> {
    let writes = offered(provider, action)?;
    (writes.parse)(action, response, now_ms).map_err(|mut error| {
        error.provider = Some(provider.id());
        error.status = error.status.or(Some(response.status));
        error
    })
}

/// The provider's actions, if `action` is one of them; else `INVALID_INPUT`
/// naming the provider and the action.
fn offered(provider: &dyn Provider, action: Action) -> Result<&'static Writes, Error> {
    provider
        .writes()
        .filter(|writes| writes.actions.contains(&action))
        .ok_or_else(|| unsupported(provider.id(), action))
}
