//! The incremental read of a list's head (SPEC §8), as a pure state
//! machine: it says which range to read next, takes each page, and stops at
//! the first item the state already knows — everything before it is added.
//!
//! ```text
//!             next_step(unit)                 take_page(page)
//!  ┌─────────┐ ───────────────▶ (offset, limit) ─────────────▶ ┌─────────┐
//!  │ Reading │                                                  │ Reading │ (all new: read on)
//!  └─────────┘ ◀──────────────────────────────────────────────── └─────────┘
//!       │  a known item ──▶ Found (added = every new item before it)
//!       │  a short or last page ──▶ Ended (the whole list was new)
//!       │  (a first page that is also the last is kept whole: a full reading)
//!       │  the total fell by k ──▶ step back k items (they moved up past the read)
//!       │  an anchored read whose first item is not the anchor ──▶ step back a unit
//! ```
//!
//! Price: the **incremental floor**. `unit` is the most items one call buys
//! at the price of one item (linkup-v2: 50 for a credit; linkup-v1: a page of
//! 10; ConnectSafely: one request's page), so a head with fewer than a unit
//! of new items costs exactly one call. When a whole unit was new, the step
//! grows — but only as far as the provider's total proves the items are new
//! (`total − known` items at the head must be new), so it covers them in as
//! few calls as possible and never in more credits than one unit at a time
//! would cost.
//!
//! A list that shifts during the read: an item arriving at the head pushes
//! the items already read down, so the next page starts with repeats
//! (skipped by key); nothing is lost, and the arrival is added by the next
//! sync. Items removed before the read position move up past it: a total
//! that fell says by how much, and where the provider gives no total, each
//! read after the first starts on the last item taken (the anchor) to see
//! that it is still there; either way the read steps back over the window.

use std::collections::HashSet;

use crate::model::{Item, Page};
use crate::plan::PlannedCall;
use crate::providers::Provider;
use crate::query::Resource;

use super::diff::item_key;

/// Step-backs a read repairs before it warns and reads on.
const MAX_REPAIRS: u32 = 8;
/// The largest step: one `limit` the API accepts.
const MAX_STEP: u64 = crate::query::MAX_LIMIT;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadStatus {
    Reading,
    /// A known item was reached.
    Found,
    /// The list ended before any known item.
    Ended,
}

/// The range to read next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadStep {
    pub offset: u64,
    pub limit: u64,
}

#[derive(Debug, Clone)]
pub struct HeadRead {
    status: HeadStatus,
    /// List position of the next item not yet read.
    next: u64,
    known_count: u64,
    /// The newest total the provider gave.
    total: Option<u64>,
    /// Keys taken by this read (repeats after a shift are skipped).
    seen: HashSet<String>,
    /// The key of the last item taken, where reads are anchored (no total).
    anchor: Option<String>,
    added: Vec<Item>,
    /// The first page, when it held the whole list (a full reading for the
    /// price of the head).
    whole: Option<Vec<Item>>,
    unkeyed: u64,
    repairs: u32,
    warnings: Vec<String>,
}

impl HeadRead {
    /// A read of a list of which `known_count` items are known.
    pub fn new(known_count: u64) -> HeadRead {
        HeadRead {
            status: HeadStatus::Reading,
            next: 0,
            known_count,
            total: None,
            seen: HashSet::new(),
            anchor: None,
            added: Vec::new(),
            whole: None,
            unkeyed: 0,
            repairs: 0,
            warnings: Vec::new(),
        }
    }

    pub fn status(&self) -> HeadStatus {
        self.status
    }

    /// The newest total the provider gave.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// How many new items were taken so far.
    pub fn added_count(&self) -> usize {
        self.added.len()
    }

    /// Where the next read starts: one item early when it is anchored.
    pub fn next_offset(&self) -> u64 {
        match (&self.anchor, self.total) {
            (Some(_), None) => self.next.saturating_sub(1),
            _ => self.next,
        }
    }

    /// The next range, `unit` being what one call buys at the lowest price
    /// from [`HeadRead::next_offset`] (see [`billing_unit`]); `None` once done.
    pub fn next_step(&self, unit: u64) -> Option<HeadStep> {
        if self.status != HeadStatus::Reading {
            return None;
        }
        let unit = unit.max(1);
        let offset = self.next_offset();
        // Items the total proves new, from `offset` up to and including the
        // first that may be known.
        let proven_new = self
            .total
            .map_or(0, |total| total.saturating_sub(self.known_count));
        let wanted = proven_new.saturating_add(1).saturating_sub(offset).max(1);
        let limit = wanted.div_ceil(unit).saturating_mul(unit).min(MAX_STEP);
        Some(HeadStep { offset, limit })
    }

    /// Takes the page a call at `call` returned; `is_known` says whether the
    /// state knows a key.
    pub fn take_page(&mut self, call: &PlannedCall, page: Page, is_known: impl Fn(&str) -> bool) {
        if self.status != HeadStatus::Reading {
            return;
        }
        if let (Some(before), Some(now)) = (self.total, page.total) {
            if now < before && self.step_back(before - now, "its total fell") {
                self.total = Some(now);
                return;
            }
        }
        let anchored = self.anchor.is_some() && self.total.is_none() && page.total.is_none();
        self.total = page.total.or(self.total);
        let first = page.items.first().and_then(item_key).map(str::to_string);
        // The anchor's place holds an item not read yet: items before it
        // were removed and everything moved up (an item already read there
        // means arrivals pushed the list down, which loses nothing).
        let moved_up = first
            .as_ref()
            .is_some_and(|key| Some(key) != self.anchor.as_ref() && !self.seen.contains(key));
        if anchored && call.offset.saturating_add(1) == self.next && moved_up {
            let unit = call.count.max(1);
            if self.step_back(unit, "the last item read moved") {
                return;
            }
        }
        let returned = page.items.len() as u64;
        let last = returned == 0 || returned < call.count || !page.has_more;
        if call.offset == 0 && self.next == 0 && last {
            self.whole = Some(page.items.clone());
        }
        for item in page.items {
            let Some(key) = item_key(&item).map(str::to_string) else {
                self.unkeyed += 1;
                continue;
            };
            if is_known(&key) {
                self.status = HeadStatus::Found;
                return;
            }
            if self.seen.insert(key.clone()) {
                self.added.push(item);
            }
            self.anchor = Some(key);
        }
        self.next = page.offset.saturating_add(returned).max(self.next);
        if last {
            self.status = HeadStatus::Ended;
        }
    }

    /// Moves the read back `count` items (they moved up past it); `false`
    /// once [`MAX_REPAIRS`] were made, with a warning.
    fn step_back(&mut self, count: u64, why: &str) -> bool {
        if self.repairs >= MAX_REPAIRS {
            self.warnings.push(format!(
                "the list kept changing while its head was read ({why}); items may be missing: run again to be sure"
            ));
            return false;
        }
        self.repairs += 1;
        self.warnings.push(format!(
            "the list changed while its head was read ({why}): re-reading {count} item(s) before item {}",
            self.next
        ));
        self.next = self.next.saturating_sub(count);
        true
    }

    /// The whole list, when its first page held all of it.
    pub fn take_whole(&mut self) -> Option<Vec<Item>> {
        self.whole.take()
    }

    /// The new items, in list order, and how many had no key.
    pub fn into_added(self) -> (Vec<Item>, u64, Vec<String>) {
        (self.added, self.unkeyed, self.warnings)
    }
}

/// The most items one call at `offset` buys at the price of one: the
/// provider's billing step, read from its own plans (no provider named here).
pub fn billing_unit(provider: &dyn Provider, resource: Resource, offset: u64) -> u64 {
    let price = |count: u64| {
        let calls = provider.plan(resource, offset, count);
        match calls.as_slice() {
            [call] => Some(call.credits),
            _ => None,
        }
    };
    let Some(floor) = price(1) else {
        return 1;
    };
    let mut unit = 1;
    for count in 2..=provider.page_size(resource).max(1) {
        if price(count) != Some(floor) {
            break;
        }
        unit = count;
    }
    unit
}
