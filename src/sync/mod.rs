//! Sync (SPEC §8): what changed since the last reading, at the price of
//! the change. Pure: [`diff`] compares readings, [`state`] is the opaque
//! string a sync hands back, [`head`] plans the incremental read of a
//! list's head, [`proof`] when an invitation list's total proves its
//! head read enough. The I/O half is `client::sync`.

pub mod bytes;
pub mod diff;
mod entry;
pub mod head;
pub mod items_json;
pub mod options;
pub mod proof;
pub mod state;

pub use diff::{diff_snapshots, Accepted, Changes, ListChanges, Removed, Snapshot};
pub use head::{billing_unit, HeadRead, HeadStatus, HeadStep};
pub use options::{diff_snapshots_json, sync_options};
pub use state::{SyncState, STATE_PREFIX};
