//! What a run reports: the batches it delivers, progress events, and the
//! results of `list` and `collect`, serialized as the JS API returns them.

use crate::client::budget::StopReason;
use crate::json::write::json_object;
use crate::model::Item;

/// One page's worth of items, in list order, with the progress after it.
#[derive(Debug, Clone)]
pub struct Batch {
    pub items: Vec<Item>,
    /// The cursor right after each item, when the run keeps them
    /// (`RunSpec::item_cursors`); else empty.
    pub cursors: Vec<String>,
    pub progress: Progress,
}

/// One step of `iterate` as the caller sees it, in order: an item with the
/// cursor right after it, or none; the progress to report once the step's
/// item was taken (a page's progress rides on its last item, so a cursor
/// saved in `onProgress` never skips an item not yet seen); `end` on the
/// last step, whose progress says why the run stopped.
#[derive(Debug, Clone)]
pub struct Step {
    pub item: Option<Item>,
    pub cursor: String,
    pub progress: Option<Progress>,
    pub end: bool,
}

/// `onProgress`'s argument. `cursor` continues right after the items
/// delivered so far; `stop_reason` is `None` while the run goes on and says
/// why it ended in the event sent once it has (the list's end or a budget).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub pages: u64,
    pub items: u64,
    pub total: Option<u64>,
    pub credits_used: u64,
    pub requests: u64,
    pub cursor: String,
    pub duplicates_dropped: u64,
    pub warnings: Vec<String>,
    pub stop_reason: Option<StopReason>,
}

/// `list`'s result: one planned range.
#[derive(Debug, Clone)]
pub struct ListResult {
    pub items: Vec<Item>,
    pub offset: u64,
    pub total: Option<u64>,
    pub has_more: bool,
    pub cursor: String,
    pub credits_used: u64,
    pub requests: u64,
    pub warnings: Vec<String>,
}

/// `collect`'s result.
#[derive(Debug, Clone)]
pub struct CollectResult {
    pub items: Vec<Item>,
    pub total: Option<u64>,
    pub complete: bool,
    pub stop_reason: StopReason,
    pub credits_used: u64,
    pub requests: u64,
    pub duplicates_dropped: u64,
    pub warnings: Vec<String>,
    pub cursor: String,
}

/// Warnings kept for a run: the first ones in full, then a count, so a
/// 100,000-item run with one odd field per item stays small.
#[derive(Debug, Clone, Default)]
pub struct Warnings {
    kept: Vec<String>,
    dropped: u64,
}

const MAX_WARNINGS: usize = 50;

impl Warnings {
    pub fn push(&mut self, warning: String) {
        if self.kept.len() < MAX_WARNINGS {
            self.kept.push(warning);
        } else {
            self.dropped += 1;
        }
    }

    pub fn extend(&mut self, warnings: Vec<String>) {
        for warning in warnings {
            self.push(warning);
        }
    }

    /// The warnings as reported, with the duplicate count when there is one.
    pub fn with_duplicates(&self, duplicates: u64) -> Vec<String> {
        let mut all = self.kept.clone();
        if self.dropped > 0 {
            all.push(format!("{} more warnings not shown", self.dropped));
        }
        if duplicates > 0 {
            all.push(format!(
                "{duplicates} duplicate item(s) dropped: the list shifted while it was read"
            ));
        }
        all
    }
}

json_object!(Batch, |this| {
    "items" => this.items,
    "progress" => this.progress,
});

json_object!(Step, |this| {
    "item" => this.item,
    "cursor" => this.cursor,
    "progress" => this.progress,
    "end" => this.end,
});

json_object!(Progress, |this| {
    "pages" => this.pages,
    "items" => this.items,
    "total" => this.total,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "cursor" => this.cursor,
    "duplicatesDropped" => this.duplicates_dropped,
    "warnings" => this.warnings,
    "stopReason" => this.stop_reason,
});

json_object!(ListResult, |this| {
    "items" => this.items,
    "offset" => this.offset,
    "total" => this.total,
    "hasMore" => this.has_more,
    "cursor" => this.cursor,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "warnings" => this.warnings,
});

json_object!(CollectResult, |this| {
    "items" => this.items,
    "total" => this.total,
    "complete" => this.complete,
    "stopReason" => this.stop_reason,
    "creditsUsed" => this.credits_used,
    "requests" => this.requests,
    "duplicatesDropped" => this.duplicates_dropped,
    "warnings" => this.warnings,
    "cursor" => this.cursor,
});
