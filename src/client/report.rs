//! What a run reports: the batches it delivers, progress events, and the
//! results of `list` and `collect`, serialized as the JS API returns them.

use crate::client::budget::StopReason;
use crate::json::{ObjectWriter, ToJson};
use crate::model::Item;

/// One page's worth of items, in list order, with the progress after it.
#[derive(Debug, Clone)]
pub struct Batch {
    pub items: Vec<Item>,
    pub progress: Progress,
}

/// `onProgress`'s argument. `cursor` continues right after the items
/// delivered so far.
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

impl ToJson for Batch {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("items", &self.items)
            .field("progress", &self.progress);
        object.end();
    }
}

impl ToJson for Progress {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("pages", &self.pages)
            .field("items", &self.items)
            .field("total", &self.total)
            .field("creditsUsed", &self.credits_used)
            .field("requests", &self.requests)
            .field("cursor", &self.cursor)
            .field("duplicatesDropped", &self.duplicates_dropped)
            .field("warnings", &self.warnings);
        object.end();
    }
}

impl ToJson for ListResult {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("items", &self.items)
            .field("offset", &self.offset)
            .field("total", &self.total)
            .field("hasMore", &self.has_more)
            .field("cursor", &self.cursor)
            .field("creditsUsed", &self.credits_used)
            .field("requests", &self.requests)
            .field("warnings", &self.warnings);
        object.end();
    }
}

impl ToJson for CollectResult {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        object
            .field("items", &self.items)
            .field("total", &self.total)
            .field("complete", &self.complete)
            .field("stopReason", &self.stop_reason)
            .field("creditsUsed", &self.credits_used)
            .field("requests", &self.requests)
            .field("duplicatesDropped", &self.duplicates_dropped)
            .field("warnings", &self.warnings)
            .field("cursor", &self.cursor);
        object.end();
    }
}
