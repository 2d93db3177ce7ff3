//! The I/O half: `list`, `iterate`, `collect` and `estimate` over any
//! transport and timer. Retries, budgets, concurrency and cursors live here;
//! requests, parsing and plans come from the pure core; `src/wasm/` plugs in
//! `fetch` and `setTimeout`, tests plug in a script and a fake clock.

pub mod actions;
pub mod binding;
pub mod budget;
pub mod call;
pub mod cursor;
pub mod dedupe;
mod redact;
pub mod report;
mod resume;
pub mod retry;
pub mod run;
pub mod sync;
pub mod transport;
pub mod withdraw_stale;

use core::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::error::{Error, ErrorCode};
use crate::operations::estimate_credits;
use crate::plan::Estimate;
use crate::providers::Provider;
use crate::query::{base_url, check_invitation_type, Credentials, ListQuery, Resource, Target};

use budget::{Budgets, Spend, StopReason};
use call::CallContext;
use report::{CollectResult, ListResult, Progress};
use retry::{Jitter, RetryPolicy};
use run::{Run, RunSpec};
pub use transport::{CancelToken, RawResponse, Timer, Transport, TransportError};

/// How the client behaves whatever it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub retry: RetryPolicy,
    /// Per attempt, the body included.
    pub timeout_ms: u64,
    /// Pages in flight at once once the total is known.
    pub concurrency: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            retry: RetryPolicy::default(),
            timeout_ms: 25_000,
            concurrency: 4,
        }
    }
}

/// The largest list total a cursor may carry: far past any LinkedIn list.
const MAX_LIST_TOTAL: u64 = 100_000_000;

/// `collect` stops here when no `maxItems` is given (SPEC §4).
pub const DEFAULT_COLLECT_LIMIT: u64 = 10_000;

/// What one client is for: a provider, an account, its transport.
pub struct ClientShared<T: Transport, C: Timer> {
    pub provider: &'static dyn Provider,
    pub base_url: String,
    pub credentials: Credentials,
    /// The account's binding tag (`binding::account_tag_hex`), carried by
    /// cursors instead of anything that identifies the account.
    pub account_tag: String,
    pub settings: Settings,
    pub transport: T,
    pub timer: C,
    pub jitter: RefCell<Jitter>,
}

/// A configured client; cloning shares it.
pub struct Client<T: Transport, C: Timer> {
    pub shared: Rc<ClientShared<T, C>>,
}

impl<T: Transport, C: Timer> Clone for Client<T, C> {
    fn clone(&self) -> Self {
        Client {
            shared: Rc::clone(&self.shared),
        }
    }
}

/// A run's list and where it starts: the part of a request that is not budgets.
#[derive(Debug, Clone, Default)]
pub struct RunRequest {
    pub invitation_type: Option<String>,
    pub offset: u64,
    pub budgets: Budgets,
    pub cursor: Option<String>,
    /// Overrides the client's concurrency for this run.
    pub concurrency: Option<usize>,
}

/// `list`'s request: one range, or the range after a cursor, with the most
/// it may cost.
#[derive(Debug, Clone)]
pub struct ListRequest {
    pub query: ListQuery,
    pub cursor: Option<String>,
    pub budgets: Budgets,
}

impl From<ListQuery> for ListRequest {
    fn from(query: ListQuery) -> ListRequest {
        ListRequest {
            query,
            cursor: None,
            budgets: Budgets::default(),
        }
    }
}

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Validates everything that can be validated before a request: the
    /// credentials this provider needs and the base URL.
    pub fn new(
        provider: &'static dyn Provider,
        base: Option<&str>,
        credentials: Credentials,
        settings: Settings,
        transport: T,
        timer: C,
        jitter_seed: u64,
    ) -> Result<Client<T, C>, Error> {
        // Known here, so set on the refusal too (SPEC §5).
        let known = |error: Error| error.with_provider(provider.id());
        provider.check_credentials(&credentials).map_err(known)?;
        let base_url = base_url(base, provider.default_base_url()).map_err(known)?;
        let account_tag = binding::account_tag_hex(provider.id(), &credentials);
        Ok(Client {
            shared: Rc::new(ClientShared {
                provider,
                base_url,
                account_tag,
                credentials,
                settings,
                transport,
                timer,
                jitter: RefCell::new(Jitter::new(jitter_seed)),
            }),
        })
    }

    pub fn estimate(&self, query: &ListQuery) -> Estimate {
        estimate_credits(self.shared.provider, query)
    }

    /// One planned range, `[offset, offset + limit)`, every call of it; from
    /// a cursor, the range starts where the cursor says. A range whose
    /// planned price passes `maxCredits` or `maxRequests` is
    /// `BUDGET_EXCEEDED`, with nothing sent: a range is read whole or not
    /// at all.
    pub async fn list(
        &self,
        request: impl Into<ListRequest>,
        cancel: CancelToken,
    ) -> Result<ListResult, Error> {
        let ListRequest {
            mut query,
            cursor,
            budgets,
        } = request.into();
        let provider = self.shared.provider;
        let resume = match cursor.as_deref() {
            Some(text) => {
                let (cursor, invitation_type) =
                    self.resume_from(text, query.resource, query.invitation_type.clone())?;
                query.offset = cursor.offset;
                query.invitation_type = invitation_type;
                Some(cursor)
            }
            None => None,
        };
        // A chained provider resumed inside its chain reads on from the
        // link, not from the head: priced as the same reads from position 0.
        let price = match resume.as_ref().and_then(|cursor| cursor.chain.as_ref()) {
            Some(link) => self.estimate(&ListQuery {
                offset: query.offset.saturating_sub(link.at),
                ..query.clone()
            }),
            None => self.estimate(&query),
        };
        let passes = |budget: Option<u64>, spend: u64| budget.is_some_and(|max| spend > max);
        if passes(budgets.max_credits, price.credits)
            || passes(budgets.max_requests, price.requests)
        {
            return Err(Error::new(
                ErrorCode::BudgetExceeded,
                format!(
                    "this range is planned at {} credits in {} requests, past maxCredits {} / maxRequests {}; nothing was sent (ask for a smaller limit)",
                    price.credits,
                    price.requests,
                    budgets.max_credits.map_or("(none)".to_string(), |max| max.to_string()),
                    budgets.max_requests.map_or("(none)".to_string(), |max| max.to_string()),
                ),
            )
            .with_provider(provider.id()));
        }
        let spec = RunSpec {
            start: query.offset,
            end: Some(query.offset.saturating_add(query.limit)),
            budgets: Budgets::default(),
            concurrency: self.shared.settings.concurrency,
            resume,
            item_cursors: false,
        };
        let mut run = self.start_run(query.resource, query.invitation_type.clone(), spec, cancel);
        let mut items = Vec::new();
        while let Some(batch) = run.next_batch().await? {
            items.extend(batch.items);
        }
        let progress = run.progress();
        Ok(ListResult {
            items,
            offset: query.offset,
            total: run.total(),
            has_more: run.has_more(),
            cursor: progress.cursor,
            credits_used: progress.credits_used,
            requests: progress.requests,
            warnings: progress.warnings,
        })
    }

    /// A run over the whole list (or from a cursor), for `iterate`.
    pub fn iterate(
        &self,
        resource: Resource,
        request: RunRequest,
        cancel: CancelToken,
    ) -> Result<Run<T, C>, Error> {
        let (invitation_type, mut spec) = self.run_spec(resource, request, None)?;
        spec.item_cursors = true;
        Ok(self.start_run(resource, invitation_type, spec, cancel))
    }

    /// Every item of the run in one result, at most `maxItems` (10,000 by default).
    pub async fn collect(
        &self,
        resource: Resource,
        request: RunRequest,
        cancel: CancelToken,
        on_progress: &mut dyn FnMut(&Progress),
    ) -> Result<CollectResult, Error> {
        let (invitation_type, spec) =
            self.run_spec(resource, request, Some(DEFAULT_COLLECT_LIMIT))?;
        let mut run = self.start_run(resource, invitation_type, spec, cancel);
        let mut items = Vec::new();
        while let Some(batch) = run.next_batch().await? {
            items.extend(batch.items);
            on_progress(&batch.progress);
        }
        let progress = run.progress();
        on_progress(&progress);
        let stop_reason = run.stop_reason().unwrap_or(StopReason::End);
        Ok(CollectResult {
            items,
            total: progress.total,
            complete: stop_reason == StopReason::End,
            stop_reason,
            credits_used: progress.credits_used,
            requests: progress.requests,
            duplicates_dropped: progress.duplicates_dropped,
            warnings: progress.warnings,
            cursor: progress.cursor,
        })
    }

    /// Turns a request (and its cursor, if any) into a run's spec; a cursor
    /// from another provider, list or invitation type is refused.
    fn run_spec(
        &self,
        resource: Resource,
        request: RunRequest,
        default_max_items: Option<u64>,
    ) -> Result<(Option<String>, RunSpec), Error> {
        let provider = self.shared.provider;
        let mut invitation_type = request
            .invitation_type
            .as_deref()
            .map(|kind| check_invitation_type(provider, resource, kind))
            .transpose()?;
        let mut start = request.offset;
        let mut resume = None;
        if let Some(text) = request.cursor.as_deref() {
            let (cursor, kind) = self.resume_from(text, resource, invitation_type)?;
            invitation_type = kind;
            start = cursor.offset;
            resume = Some(cursor);
        }
        let max_items = request.budgets.max_items.or(default_max_items);
        let spec = RunSpec {
            start,
            end: max_items.map(|max| start.saturating_add(max)),
            // `end` is what stops a run at its item budget.
            budgets: request.budgets,
            concurrency: request
                .concurrency
                .unwrap_or(self.shared.settings.concurrency),
            resume,
            item_cursors: false,
        };
        Ok((invitation_type, spec))
    }

    fn start_run(
        &self,
        resource: Resource,
        invitation_type: Option<String>,
        spec: RunSpec,
        cancel: CancelToken,
    ) -> Run<T, C> {
        let target = Target {
            base_url: self.shared.base_url.clone(),
            credentials: self.shared.credentials.clone(),
            resource,
            invitation_type,
        };
        let context = CallContext {
            client: self.clone(),
            target: Rc::new(target),
            spend: Rc::new(Cell::new(Spend::default())),
            budgets: spec.budgets,
            cancel,
        };
        Run::new(context, spec)
    }
}

pub use redact::MIN_REDACTED;
