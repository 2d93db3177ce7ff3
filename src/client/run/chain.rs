//! Runs over a provider whose lists are chained by an opaque cursor
//! (`Provider::chained`): one page at a time, each reached through the
//! continuation the page before it gave, from the head of the list or from
//! the link a resumed cursor carries. Items before the run's start are read
//! and dropped (a chain cannot be entered at an offset).
//!
//! ```text
//!   head / resumed link ──► Reading(link) ── page ──► deliver; link = page's continuation
//!        ▲                     │                         │ none: the list ended
//!        │                     │ continuation refused    ▼
//!        └── restart ◄─────────┘ (the list changed)   Finished
//!            (≤ MAX_RESTARTS, with a warning; what was delivered comes
//!             again and is dropped as duplicates)
//! ```

use crate::client::cursor::ChainLink;
use crate::client::dedupe::WINDOW;
use crate::client::{Timer, Transport};
use crate::error::Error;
use crate::plan::PlannedCall;

use super::Run;

/// Restarts from the head after refused continuations before the refusal
/// is the run's error: a list that keeps changing faster than it is read.
const MAX_RESTARTS: u32 = 3;

/// Where a chained run is in its provider's chain.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    /// The continuation the next read sends (`None`: the head).
    pub continuation: Option<String>,
    /// The link the call in flight (or the page being delivered) was sent with.
    pub current: Option<String>,
    /// List positions below this are read and dropped, not delivered.
    pub skip_before: u64,
    restarts: u32,
}

impl Chain {
    /// A run from `start`, entering the chain at `resume`'s link if it has one.
    pub fn new(start: u64, resume: Option<&ChainLink>) -> (Chain, u64) {
        let chain = Chain {
            continuation: resume.map(|link| link.continuation.clone()),
            current: None,
            skip_before: start,
            restarts: 0,
        };
        (chain, resume.map_or(0, |link| link.at))
    }
}

impl<T: Transport + 'static, C: Timer + 'static> Run<T, C> {
    /// The next chained call for up to `count` items at `from`.
    pub(super) fn plan_chained(&self, from: u64, count: u64) -> Option<PlannedCall> {
        let provider = self.context.client.shared.provider;
        let continuation = self
            .chain
            .as_ref()
            .and_then(|chain| chain.continuation.as_deref());
        provider.plan_next(self.context.target.resource, from, count, continuation)
    }

    /// The link a cursor carries after what was delivered: the continuation
    /// of the next read, at the position it leads to.
    pub(super) fn chain_link(&self) -> Option<ChainLink> {
        let chain = self.chain.as_ref()?;
        self.carried(self.next_offset, chain.continuation.as_deref())
    }

    /// The link of the page being delivered: its items' cursors resume by
    /// fetching that page again and dropping what was already delivered.
    pub(super) fn page_link(&self, call: &PlannedCall) -> Option<ChainLink> {
        let chain = self.chain.as_ref()?;
        self.carried(call.offset, chain.current.as_deref())
    }

    /// A continuation a cursor may carry: never one that holds a secret of
    /// the caller's (a provider may put the account id in its own cursor),
    /// since a cursor holds positions only; the resume then reads from the
    /// head instead.
    fn carried(&self, at: u64, continuation: Option<&str>) -> Option<ChainLink> {
        let link = ChainLink::carried(at, continuation)?;
        let secrets = self.context.client.secret_forms();
        let holds_secret = secrets
            .iter()
            .any(|secret| crate::text::contains(&link.continuation, secret));
        (!holds_secret).then_some(link)
    }

    /// After `error` answered `call`: if it says the call's continuation
    /// expired (the list changed), starts the chain again from the head and
    /// returns `true`; what was delivered comes again and is dropped by
    /// identity. Positions far behind the run (outside the duplicate
    /// window) are skipped by position instead, and the warning says so.
    pub(super) fn restart_chain(&mut self, call: &PlannedCall, error: &Error) -> bool {
        let provider = self.context.client.shared.provider;
        let floor = self.spec.start.saturating_sub(self.carried);
        let position = self.position;
        let Some(chain) = self.chain.as_mut() else {
            return false;
        };
        if !call.continues_chain() || !provider.continuation_refused(error) {
            return false;
        }
        if chain.restarts >= MAX_RESTARTS {
            return false;
        }
        chain.restarts += 1;
        chain.continuation = None;
        chain.current = None;
        let checked = (WINDOW / 2) as u64;
        chain.skip_before = floor.max(position.saturating_sub(checked));
        let skip_before = chain.skip_before;
        self.next_offset = 0;
        self.warnings.push(format!(
            "{} refused its cursor at item {}: the list changed since it was issued; it is read again from the head, and items already delivered are dropped as duplicates",
            provider.id(),
            call.offset
        ));
        if skip_before > 0 {
            self.warnings.push(format!(
                "items before position {skip_before} are skipped by position, not checked again: if more than {checked} items were removed before them, some may be missing: run again to be sure"
            ));
        }
        true
    }
}
