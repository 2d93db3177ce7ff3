//! What a run says about itself while it goes and once it ended: its
//! spend, why it stopped, whether the list goes on, and the cursor that
//! resumes exactly after what it delivered.

use crate::client::budget::{Spend, StopReason};
use crate::client::cursor::{ChainLink, Cursor, CARRIED_HASHES};
use crate::client::report::Progress;
use crate::client::{Timer, Transport};

use super::Run;

impl<T: Transport + 'static, C: Timer + 'static> Run<T, C> {
    pub fn spend(&self) -> Spend {
        self.context.spend.get()
    }

    pub fn stop_reason(&self) -> Option<StopReason> {
        self.finished
    }

    /// Whether the list goes on past what this run delivered.
    pub fn has_more(&self) -> bool {
        !self.list_ended
            && match self.latest_total {
                Some(total) => self.position < total,
                None => self.last_has_more,
            }
    }

    pub fn cursor(&self) -> Cursor {
        self.cursor_at(self.position, self.delivered_total, self.chain_link())
    }

    /// The cursor that resumes at list position `offset` (through `link`
    /// in a cursor chain), remembering the items delivered so far.
    pub(super) fn cursor_at(
        &self,
        offset: u64,
        total: Option<u64>,
        link: Option<ChainLink>,
    ) -> Cursor {
        Cursor {
            provider: self.context.client.shared.provider.id().to_string(),
            account: self.context.client.shared.account_tag.clone(),
            resource: self.context.target.resource,
            invitation_type: self.context.target.invitation_type.clone(),
            offset,
            total,
            recent: self.recent.newest(CARRIED_HASHES),
            chain: link,
        }
    }

    pub fn progress(&self) -> Progress {
        let spend = self.spend();
        Progress {
            pages: self.pages,
            items: self.items,
            total: self.latest_total.or(self.delivered_total),
            credits_used: spend.credits_used,
            requests: spend.requests,
            cursor: self.cursor().encode(),
            duplicates_dropped: self.duplicates,
            warnings: self.warnings.with_duplicates(self.duplicates),
            stop_reason: self.finished,
        }
    }

    pub fn total(&self) -> Option<u64> {
        self.latest_total.or(self.delivered_total)
    }

    pub fn duplicates(&self) -> u64 {
        self.duplicates
    }
}
