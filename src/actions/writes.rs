//! What one provider's API offers for actions (SPEC §9), as data: which
//! actions, their price, which may be repeated, and the provider's own
//! functions that build each request and read each answer. A provider
//! serves its table through `Provider::writes`; the shared checks in
//! [`super::action_request`] and [`super::parse_action`] call into it, so
//! no shared code knows a provider's wire format.

use super::{Action, ActionAnswer, Cost};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::model::Invitation;
use crate::query::Credentials;

/// Builds the request for an action on an invitation, from the fields the
/// provider needs (a missing one is `INVALID_INPUT` naming it), with the
/// credentials and the base URL. Called after the shared checks.
pub type BuildAction = fn(Action, &Invitation, &Credentials, &str) -> Result<HttpRequest, Error>;

/// Reads the answer to an action request: done, not pending, or the error
/// it reports (with the credits an error was billed, where it is), the
/// `now_ms` anchoring relative times.
pub type ReadAction = fn(Action, &HttpResponse<'_>, Option<i64>) -> Result<ActionAnswer, Error>;

/// One provider's actions.
#[derive(Debug)]
pub struct Writes {
    /// The actions its API offers; any other is `INVALID_INPUT` naming the
    /// provider and the action, nothing sent.
    pub actions: &'static [Action],
    /// What one successful action costs, the same for each it offers.
    pub price: Cost,
    /// The actions that, sent again for the same invitation, can never do
    /// a second, different thing (they name the invitation, and once done
    /// answer "not pending"): only these may the client repeat after an
    /// ambiguous failure.
    pub reissuable: &'static [Action],
    pub request: BuildAction,
    pub parse: ReadAction,
}

impl Writes {
    /// The table of a provider whose every action may be repeated (each
    /// names the invitation, and a done one answers "not pending") and
    /// costs `credits` and one request when it succeeds.
    pub const fn repeatable(
        actions: &'static [Action],
        credits: u64,
        request: BuildAction,
        parse: ReadAction,
    ) -> Writes {
        Writes {
            actions,
            price: Cost {
                credits,
                requests: 1,
            },
            reissuable: actions,
            request,
            parse,
        }
    }
}
