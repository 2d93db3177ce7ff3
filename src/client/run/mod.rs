//! A run over one list: plans calls as it goes, fetches addressable pages
//! concurrently once the total is known, delivers them in list order, drops
//! duplicates, notices a list that shifts under it and re-reads the window a
//! shift disturbed, and stops at the end or at a budget — leaving a cursor
//! that continues exactly where delivery stopped.
//!
//! ```text
//!            fill(): start Read calls while budgets and concurrency allow
//!   ┌──────────────► Reading ──── front call done ────┐
//!   │                  │  │                           ▼
//!   │   nothing in     │  │ aborted / failed     accept(page)
//!   │   flight         │  └──────► Failed         │       │
//!   │                  ▼          (fail(): error) │shift? │no shift
//!   │              Finished ◄── budget refuses a  ▼       ▼
//!   │  (finish(): maxItems │    call (Stopped)  Repair  deliver(): Batch
//!   │   or end; the end    │                    re-reads   │ (list ended →
//!   │   step follows once) │                    go first,  │  in_flight cleared)
//!   │                      ▼                    page Held  │
//!   └──────────── next_batch() again ◄──────────┴──────────┘
//! ```
//!
//! A provider chained by cursor (see `chain`) is read one page after
//! another through its continuations; the states are the same.

mod chain;
mod delivery;
mod report;
mod steps;

use core::future::{poll_fn, Future};
use core::pin::Pin;
use core::task::Poll;
use std::collections::VecDeque;

use crate::client::budget::{Budgets, StopReason};
use crate::client::call::{aborted, run_call, CallContext, CallOutcome};
use crate::client::cursor::Cursor;
use crate::client::dedupe::RecentIdentities;
use crate::client::report::{Batch, Warnings};
use crate::client::transport::{race, Either};
use crate::client::{Timer, Transport};
use crate::error::Error;
use crate::model::Page;
use crate::plan::PlannedCall;

/// The largest shift (items) the run repairs by re-reading; past it the
/// warning asks for a fresh run instead of spending on a large re-read.
const MAX_REPAIR: u64 = 100;

/// What a run reads.
#[derive(Debug, Clone)]
pub struct RunSpec {
    pub start: u64,
    /// Exclusive end of the range; `None` reads to the end of the list.
    pub end: Option<u64>,
    pub budgets: Budgets,
    pub concurrency: usize,
    /// Positions and recent items carried over from a previous run.
    pub resume: Option<Cursor>,
    /// Keep the cursor right after every delivered item (`iterate`, whose
    /// caller may stop after any item), not only after every page.
    pub item_cursors: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The next stretch of the list.
    Read,
    /// A re-read of a window a shift disturbed; delivered before the page held behind it.
    Repair,
    /// A page already read, waiting for its repair to be delivered first.
    Held,
}

type CallFuture = Pin<Box<dyn Future<Output = CallOutcome>>>;

enum Slot {
    Pending(CallFuture),
    Done(CallOutcome),
}

struct InFlight {
    call: PlannedCall,
    role: Role,
    /// A read that starts on the last item delivered, to check it is still there.
    anchored: bool,
    slot: Slot,
}

pub struct Run<T: Transport + 'static, C: Timer + 'static> {
    context: CallContext<T, C>,
    spec: RunSpec,
    in_flight: VecDeque<InFlight>,
    /// Where the next Read call starts.
    next_offset: u64,
    /// The list position after the last delivered page: the cursor's offset.
    position: u64,
    /// How many items before `spec.start` the dedupe window remembers (resumes).
    carried: u64,
    /// The total of the newest answer (completion order).
    latest_total: Option<u64>,
    /// The total of the last delivered page: a change at the next boundary is a shift.
    delivered_total: Option<u64>,
    last_has_more: bool,
    list_ended: bool,
    budget_stop: Option<StopReason>,
    finished: Option<StopReason>,
    /// Whether `next_steps` has given the end-of-run step.
    end_reported: bool,
    recent: RecentIdentities,
    /// Where the run is in its provider's cursor chain (chained providers only).
    chain: Option<chain::Chain>,
    pages: u64,
    items: u64,
    duplicates: u64,
    warnings: Warnings,
}

impl<T: Transport + 'static, C: Timer + 'static> Run<T, C> {
    pub fn new(context: CallContext<T, C>, spec: RunSpec) -> Run<T, C> {
        let mut recent = RecentIdentities::default();
        let (mut carried, mut total) = (0, None);
        if let Some(cursor) = &spec.resume {
            for hash in &cursor.recent {
                recent.insert_hash(*hash);
            }
            carried = cursor.recent.len() as u64;
            total = cursor.total;
        }
        let (chain, next_offset) = if context.client.shared.provider.chained() {
            let link = spec
                .resume
                .as_ref()
                .and_then(|cursor| cursor.chain.as_ref());
            let (chain, at) = chain::Chain::new(spec.start, link);
            (Some(chain), at)
        } else {
            (None, spec.start)
        };
        Run {
            next_offset,
            position: spec.start,
            carried,
            latest_total: None,
            delivered_total: total,
            last_has_more: true,
            list_ended: false,
            budget_stop: None,
            finished: None,
            end_reported: false,
            recent,
            chain,
            pages: 0,
            items: 0,
            duplicates: 0,
            warnings: Warnings::default(),
            in_flight: VecDeque::new(),
            context,
            spec,
        }
    }

    /// The next page of items in list order, or `None` when the run is over.
    pub async fn next_batch(&mut self) -> Result<Option<Batch>, Error> {
        loop {
            if self.finished.is_some() {
                return Ok(None);
            }
            if self.context.cancel.is_cancelled() {
                return Err(self.fail(aborted(&self.context.cancel)));
            }
            self.fill();
            if self.in_flight.is_empty() {
                self.finish();
                return Ok(None);
            }
            if self.wait_for_front().await.is_err() {
                return Err(self.fail(aborted(&self.context.cancel)));
            }
            let Some(InFlight {
                call,
                role,
                anchored,
                slot: Slot::Done(outcome),
            }) = self.in_flight.pop_front()
            else {
                continue;
            };
            match outcome {
                CallOutcome::Page(page) => {
                    if let Some(batch) = self.accept(call, role, anchored, page) {
                        return Ok(Some(batch));
                    }
                }
                CallOutcome::Stopped(reason) => {
                    self.budget_stop = Some(reason);
                    self.in_flight.clear();
                    self.finish();
                    return Ok(None);
                }
                CallOutcome::Failed(error) => {
                    if self.restart_chain(&call, &error) {
                        continue;
                    }
                    return Err(self.fail(error));
                }
            }
        }
    }

    /// Starts Read calls up to the allowed width, each only if the budgets
    /// allow it now (its credits reserved and first request counted here, so
    /// calls started together cannot overrun a budget between them).
    fn fill(&mut self) {
        if self.budget_stop.is_some() || self.list_ended {
            return;
        }
        let provider = self.context.client.shared.provider;
        let resource = self.context.target.resource;
        let chained = self.chain.is_some();
        let concurrent = provider.addressable() && !chained && self.latest_total.is_some();
        let width = if concurrent {
            self.spec.concurrency.max(1)
        } else {
            1
        };
        while self.in_flight.len() < width {
            let end = match (self.spec.end, self.latest_total) {
                (Some(end), Some(total)) => Some(end.min(total)),
                (end, total) => end.or(total),
            };
            let size = match self.latest_total {
                // The list's length is unknown: a provider that bills what
                // is asked for probes first (`estimate` prices it so).
                None => provider.first_call_limit(resource, self.next_offset),
                _ => provider.page_size(resource),
            };
            let remaining = match end {
                Some(end) if self.next_offset >= end => break,
                Some(end) => (end - self.next_offset).min(size),
                None => size,
            };
            // Without a total, a list that moves up (items removed before the
            // read position, e.g. withdrawn invitations) would skip items
            // unseen: each read after the first starts one item early, on the
            // last item delivered, to check that it is still there.
            // A chain needs no anchor: its continuation is refused when the
            // list changed (see `chain`).
            let anchored = !chained
                && self.latest_total.is_none()
                && self.delivered_total.is_none()
                && self.next_offset > 0
                && !self.recent.is_empty();
            let from = self.next_offset - u64::from(anchored);
            let count = (remaining + u64::from(anchored)).min(provider.page_size(resource));
            let Some(call) = self.affordable_call(from, count) else {
                break;
            };
            if let Err(reason) = self.start(call, Role::Read, anchored, false) {
                self.budget_stop = Some(reason);
                break;
            }
        }
    }

    /// The call for up to `remaining` items at `from`, shortened to what the
    /// credit budget still buys; `None` (and the run stops) when not even one
    /// item fits or another budget refuses the call.
    fn affordable_call(&mut self, from: u64, remaining: u64) -> Option<PlannedCall> {
        let provider = self.context.client.shared.provider;
        let resource = self.context.target.resource;
        let chained = self.chain.is_some();
        let plan = |count: u64| {
            if chained {
                self.plan_chained(from, count)
            } else {
                provider.plan(resource, from, count).into_iter().next()
            }
        };
        let spend = self.context.spend.get();
        let budgets = self.spec.budgets;
        let fits = |call: &PlannedCall| budgets.allows_call(&spend, call.credits);
        let call = plan(remaining)?;
        match fits(&call) {
            Ok(()) => return Some(call),
            Err(StopReason::MaxCredits) => {}
            Err(reason) => {
                self.budget_stop = Some(reason);
                return None;
            }
        }
        // Credits grow with the count: the largest count that fits, by bisection.
        let (mut low, mut high) = (0, remaining);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            match plan(middle) {
                Some(smaller) if fits(&smaller).is_ok() => low = middle,
                _ => high = middle,
            }
        }
        let smaller = (low > 0).then(|| plan(low)).flatten();
        if smaller.is_none() {
            self.budget_stop = Some(StopReason::MaxCredits);
        }
        smaller
    }

    /// Reserves and starts one call: at the back (reads) or the front (repairs).
    fn start(
        &mut self,
        call: PlannedCall,
        role: Role,
        anchored: bool,
        front: bool,
    ) -> Result<(), StopReason> {
        let spend = &self.context.spend;
        self.spec.budgets.allows_call(&spend.get(), call.credits)?;
        let mut value = spend.get();
        value.credits_reserved += call.credits;
        value.requests += 1;
        spend.set(value);
        if role == Role::Read {
            self.next_offset = call.end();
            if let Some(chain) = self.chain.as_mut() {
                chain.current = chain.continuation.clone();
            }
        }
        let future: CallFuture = Box::pin(run_call(self.context.clone(), call.clone()));
        let entry = InFlight {
            call,
            role,
            anchored,
            slot: Slot::Pending(future),
        };
        if front {
            self.in_flight.push_front(entry);
        } else {
            self.in_flight.push_back(entry);
        }
        Ok(())
    }

    /// Polls every call in flight (so all make progress) until the first in
    /// list order has finished, or the run is cancelled.
    async fn wait_for_front(&mut self) -> Result<(), ()> {
        let cancel = self.context.cancel.clone();
        let in_flight = &mut self.in_flight;
        let latest_total = &mut self.latest_total;
        let front_done = poll_fn(|cx| {
            for entry in in_flight.iter_mut() {
                if let Slot::Pending(future) = &mut entry.slot {
                    if let Poll::Ready(outcome) = future.as_mut().poll(cx) {
                        if let CallOutcome::Page(Page {
                            total: Some(total), ..
                        }) = &outcome
                        {
                            *latest_total = Some(*total);
                        }
                        entry.slot = Slot::Done(outcome);
                    }
                }
            }
            match in_flight.front() {
                Some(InFlight {
                    slot: Slot::Pending(_),
                    ..
                }) => Poll::Pending,
                _ => Poll::Ready(()),
            }
        });
        match race(front_done, cancel.cancelled()).await {
            Either::Left(()) => Ok(()),
            Either::Right(()) => Err(()),
        }
    }

    /// Why the run ended. Reaching `maxItems` is reported as `maxItems` even
    /// when the list happens to end there too: whether it does is something
    /// one provider's answer says (a total) and another's does not (a full
    /// last page), and the same call must end the same way on every provider.
    fn finish(&mut self) {
        let reason = if let Some(reason) = self.budget_stop {
            reason
        } else if self.spec.end.is_some_and(|end| self.position >= end) {
            StopReason::MaxItems
        } else {
            StopReason::End
        };
        self.finished = Some(reason);
    }

    fn fail(&mut self, error: Error) -> Error {
        self.in_flight.clear();
        self.finished = Some(StopReason::End);
        let mut error = self.context.client.redact(error);
        error.credits_used = self.context.spend.get().credits_used;
        error
    }
}
