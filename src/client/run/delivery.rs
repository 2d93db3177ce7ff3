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
    /// Takes a finished page: repairs a shift first if this boundary shows
    /// one, else delivers it. `None` when the page waits behind a repair.
    pub(super) fn accept(&mut self, call: PlannedCall, role: Role, page: Page) -> Option<Batch> {
        if role == Role::Read {
            if let (Some(before), Some(now)) = (self.delivered_total, page.total) {
                if before != now && self.schedule_repair(&call, before, now, &page) {
                    let held = InFlight {
                        call,
                        role: Role::Held,
                        slot: Slot::Done(CallOutcome::Page(page)),
                    };
                    // The repair calls were put in front; the held page goes right after them.
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
        Some(self.deliver(call, role, page))
    }

    /// On a shift of `k` items at the boundary before `call`, re-reads
    /// `[b − k, b + k)`: whichever way the list moved, what crossed the
    /// boundary is in that window, and dedupe drops what was already seen.
    fn schedule_repair(&mut self, call: &PlannedCall, before: u64, now: u64, page: &Page) -> bool {
        let boundary = call.offset;
        let shift = before.abs_diff(now);
        self.warnings.push(format!(
            "the list changed while it was read: its total went from {before} to {now} before item {boundary}"
        ));
        let floor = self.spec.start.saturating_sub(self.carried);
        if shift > MAX_REPAIR || boundary <= floor || page.items.is_empty() {
            if shift > MAX_REPAIR {
                self.warnings.push(format!(
                    "a shift of {shift} items is too large to repair by re-reading; items may be missing: run again to be sure"
                ));
            }
            return false;
        }
        let from = boundary.saturating_sub(shift).max(floor);
        let provider = self.context.client.shared.provider;
        let calls = provider.plan(self.context.target.resource, from, boundary + shift - from);
        for repair in calls.into_iter().rev() {
            if let Err(reason) = self.start(repair, Role::Repair, true) {
                self.warnings.push(format!(
                    "items {from}–{} were not re-read after the shift: {} reached",
                    boundary + shift - 1,
                    reason.as_str()
                ));
                return false;
            }
        }
        true
    }

    fn deliver(&mut self, call: PlannedCall, role: Role, page: Page) -> Batch {
        let returned = page.items.len() as u64;
        let mut kept: Vec<Item> = Vec::with_capacity(page.items.len());
        for item in page.items {
            let fresh = item
                .identity()
                .is_none_or(|identity| self.recent.insert(identity));
            if fresh {
                kept.push(item);
            } else {
                self.duplicates += 1;
            }
        }
        self.warnings.extend(page.warnings);
        match role {
            Role::Repair => self.warnings.push(format!(
                "re-read items {}–{} after the shift ({} credits): {} of them not seen before",
                call.offset,
                call.end().saturating_sub(1),
                page.credits_used,
                kept.len()
            )),
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
            progress: self.progress(),
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
            if let Err(reason) = self.start(again, Role::Read, true) {
                self.budget_stop = Some(reason);
                self.in_flight.clear();
                return;
            }
        }
    }
}
