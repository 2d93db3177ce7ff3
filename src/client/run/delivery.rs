//! Delivering finished pages in list order: duplicates dropped, the end of
//! the list noticed, and a shift at a page boundary repaired by re-reading
//! the window around it before the page behind it is delivered.

use crate::client::call::CallOutcome;
use crate::client::report::Batch;
use crate::client::{Timer, Transport};
use crate::model::{Item, Page};
use crate::plan::PlannedCall;

use super::{InFlight, Role, Run, Slot, MAX_REPAIR};

impl<T: Transport + 'static, C: Timer + 'static> Run<T, C> {
    /// Takes a finished page: if the list moved under the run, re-reads the
    /// disturbed window first and holds the page behind it; else delivers it.
    /// `None` when the page waits behind a re-read.
    pub(super) fn accept(
        &mut self,
        call: PlannedCall,
        role: Role,
        anchored: bool,
        page: Page,
    ) -> Option<Batch> {
        if role == Role::Read {
            let window = if anchored {
                self.anchor_window(&call, &page)
            } else {
                self.total_window(&call, &page)
            };
            if let Some((from, to)) = window {
                if self.reread(from, to, anchored) {
                    let held = InFlight {
                        call,
                        role: Role::Held,
                        anchored: false,
                        slot: Slot::Done(CallOutcome::Page(page)),
                    };
                    // The re-reads were put in front; the held page goes right after them.
                    let repairs = self
                        .in_flight
                        .iter()
                        .take_while(|entry| entry.role == Role::Repair)
                        .count();
                    self.in_flight.insert(repairs, held);
                    return None;
                }
            }
        }
        Some(self.deliver(call, role, anchored, page))
    }

    /// A total that changed by `k` at the boundary before `call` (a shift):
    /// `[b − k, b + k)`, since whichever way the list moved, what crossed the
    /// boundary is in that window, and dedupe drops what was already seen.
    fn total_window(&mut self, call: &PlannedCall, page: &Page) -> Option<(u64, u64)> {
        let (before, now) = (self.delivered_total?, page.total?);
        if before == now {
            return None;
        }
        let boundary = call.offset;
        let shift = before.abs_diff(now);
        self.warnings.push(format!(
            "the list changed while it was read: its total went from {before} to {now} before item {boundary}"
        ));
        let floor = self.spec.start.saturating_sub(self.carried);
        if shift > MAX_REPAIR {
            self.warnings.push(format!(
                "a shift of {shift} items is too large to repair by re-reading; items may be missing: run again to be sure"
            ));
            return None;
        }
        (boundary > floor && !page.items.is_empty())
            .then(|| (boundary.saturating_sub(shift).max(floor), boundary + shift))
    }

    /// An anchored read whose first item is not the last one delivered:
    /// items before the read position were removed, everything moved up, and
    /// the items that moved past the position lie in the page-sized window
    /// before it.
    fn anchor_window(&mut self, call: &PlannedCall, page: &Page) -> Option<(u64, u64)> {
        let first = page.items.first()?.identity()?;
        if self.recent.contains(first) {
            return None;
        }
        self.warnings.push(format!(
            "the list changed while it was read: the last item read before item {} is no longer there (items were removed before it)",
            call.offset + 1
        ));
        let window = self
            .context
            .client
            .shared
            .provider
            .page_size(self.context.target.resource);
        let floor = self.spec.start.saturating_sub(self.carried);
        let from = call.offset.saturating_sub(window).max(floor);
        (from < call.offset).then_some((from, call.offset))
    }

    /// Starts re-reads of `[from, to)` in front of everything in flight;
    /// `false` (with a warning) if a budget refuses them.
    fn reread(&mut self, from: u64, to: u64, anchored: bool) -> bool {
        let provider = self.context.client.shared.provider;
        let calls = provider.plan(self.context.target.resource, from, to - from);
        for repair in calls.into_iter().rev() {
            if let Err(reason) = self.start(repair, Role::Repair, anchored, true) {
                self.warnings.push(format!(
                    "items {from}–{} were not re-read after the change: {} reached",
                    to - 1,
                    reason.as_str()
                ));
                return false;
            }
        }
        true
    }

    fn deliver(&mut self, call: PlannedCall, role: Role, anchored: bool, mut page: Page) -> Batch {
        let returned = page.items.len() as u64;
        // A chain read from before the run's start drops what precedes it.
        let skip_before = self.chain.as_ref().map_or(0, |chain| chain.skip_before);
        let page_link = self.page_link(&call);
        let continuation = page.continuation.take();
        let mut kept: Vec<Item> = Vec::with_capacity(page.items.len());
        let mut cursors = Vec::new();
        // A re-read delivers items from before the run's position, which
        // stays where it is; a read moves it past each item it delivers.
        let total = match role {
            Role::Repair => self.delivered_total,
            Role::Read | Role::Held => page.total.or(self.delivered_total),
        };
        for (index, item) in page.items.into_iter().enumerate() {
            if call.offset.saturating_add(index as u64) < skip_before {
                continue;
            }
            let fresh = item
                .identity()
                .is_none_or(|identity| self.recent.insert(identity));
            if fresh {
                if self.spec.item_cursors {
                    let after = match role {
                        Role::Repair => self.position,
                        Role::Read | Role::Held => call.offset.saturating_add(index as u64 + 1),
                    };
                    cursors.push(self.cursor_at(after, total, page_link.clone()).encode());
                }
                kept.push(item);
            } else if !(anchored && role == Role::Read && index == 0) {
                // The overlap item of an anchored read is expected, not a duplicate.
                self.duplicates += 1;
            }
        }
        self.warnings.extend(page.warnings);
        match role {
            Role::Repair => {
                self.warnings.push(format!(
                    "re-read items {}–{} after the shift ({} credits): {} of them not seen before",
                    call.offset,
                    call.end().saturating_sub(1),
                    page.credits_used,
                    kept.len()
                ));
                // An anchor window holds the items just before the lost anchor:
                // if none of them was delivered already, the list moved further.
                if anchored && returned > 0 && kept.len() as u64 == returned {
                    self.warnings.push(format!(
                        "more than {returned} items were removed while the list was read; items may be missing: run again to be sure"
                    ));
                }
            }
            Role::Read | Role::Held if self.chain.is_some() => {
                self.deliver_chained(&call, returned, page.has_more, continuation);
            }
            Role::Read | Role::Held => {
                self.delivered_total = page.total.or(self.delivered_total);
                self.last_has_more = page.has_more;
                if returned == 0 || !page.has_more {
                    if returned == 0 && page.has_more {
                        self.warnings.push(format!(
                            "{} sent an empty page that says more follow; taken as the end",
                            self.context.client.shared.provider.id()
                        ));
                    }
                    self.list_ended = true;
                    self.position = call.offset + returned;
                    self.in_flight.clear();
                } else if returned < call.count {
                    self.position = call.offset + returned;
                    self.reread_rest(&call, returned);
                } else {
                    self.position = call.end();
                }
            }
        }
        self.pages += 1;
        self.items += kept.len() as u64;
        Batch {
            items: kept,
            cursors,
            progress: self.progress(),
        }
    }

    /// A chained page delivered: the chain goes on from its continuation,
    /// at the position after its items; a page without one ends the list.
    /// A short page is no gap here: the continuation says where to go on.
    fn deliver_chained(
        &mut self,
        call: &PlannedCall,
        returned: u64,
        has_more: bool,
        continuation: Option<String>,
    ) {
        self.last_has_more = has_more;
        self.next_offset = call.offset + returned;
        let ended = returned == 0 || !has_more || continuation.is_none();
        if returned == 0 && has_more {
            self.warnings.push(format!(
                "{} sent an empty page that says more follow; taken as the end",
                self.context.client.shared.provider.id()
            ));
        }
        if let Some(chain) = self.chain.as_mut() {
            self.position = self.next_offset.max(chain.skip_before);
            chain.continuation = if ended { None } else { continuation };
            chain.current = None;
        }
        if ended {
            self.list_ended = true;
            self.in_flight.clear();
        }
    }

    /// A page shorter than asked that still says more follow: the rest of its
    /// range is asked for again before any later page is delivered.
    fn reread_rest(&mut self, call: &PlannedCall, returned: u64) {
        let provider = self.context.client.shared.provider;
        self.warnings.push(format!(
            "{} returned {returned} of {} items from {} and says more follow; the rest is asked for again",
            provider.id(),
            call.count,
            call.offset
        ));
        let rest = provider.plan(
            self.context.target.resource,
            call.offset + returned,
            call.count - returned,
        );
        for again in rest.into_iter().rev() {
            if let Err(reason) = self.start(again, Role::Read, false, true) {
                self.budget_stop = Some(reason);
                self.in_flight.clear();
                return;
            }
        }
    }
}
