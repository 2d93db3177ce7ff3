//! `iterate` as the caller walks it: one step per item, in list order, each
//! with the cursor right after it, and the progress events placed where the
//! caller must see them.
//!
//! ```text
//!   page 1: [item, cursor] [item, cursor] … [item, cursor, progress]
//!   page 2: [item, cursor] … [item, cursor, progress]
//!   (a page whose items were all duplicates: [—, cursor, progress])
//!   end:    [—, cursor, progress with stopReason, end]   then nothing
//! ```
//!
//! A page's progress rides on its last item and is reported once that item
//! was taken, so a cursor saved in `onProgress` never skips an item the
//! caller has not seen; the end-of-run step comes exactly once, last.

use crate::client::report::{Batch, Step};
use crate::client::{Timer, Transport};
use crate::error::Error;

use super::Run;

impl<T: Transport + 'static, C: Timer + 'static> Run<T, C> {
    /// The next page's steps; the end-of-run step once the run is over;
    /// then an empty list.
    pub async fn next_steps(&mut self) -> Result<Vec<Step>, Error> {
        match self.next_batch().await? {
            Some(batch) => Ok(steps_of(batch)),
            None if !self.end_reported => {
                self.end_reported = true;
                let progress = self.progress();
                Ok(vec![Step {
                    item: None,
                    cursor: progress.cursor.clone(),
                    progress: Some(progress),
                    end: true,
                }])
            }
            None => Ok(Vec::new()),
        }
    }
}

/// A page as steps. Without item cursors (a run that keeps only page
/// cursors) every step carries the page's cursor.
pub fn steps_of(batch: Batch) -> Vec<Step> {
    let Batch {
        items,
        cursors,
        progress,
    } = batch;
    let count = items.len();
    if count == 0 {
        return vec![Step {
            item: None,
            cursor: progress.cursor.clone(),
            progress: Some(progress),
            end: false,
        }];
    }
    let mut steps = Vec::with_capacity(count);
    let mut items = items.into_iter();
    // The last item takes the page's own cursor, which also steps over any
    // duplicates dropped after it.
    for (index, item) in items.by_ref().take(count - 1).enumerate() {
        let cursor = cursors
            .get(index)
            .cloned()
            .unwrap_or_else(|| progress.cursor.clone());
        steps.push(Step {
            item: Some(item),
            cursor,
            progress: None,
            end: false,
        });
    }
    if let Some(item) = items.next() {
        steps.push(Step {
            item: Some(item),
            cursor: progress.cursor.clone(),
            progress: Some(progress),
            end: false,
        });
    }
    steps
}
