//! Duplicate detection over a bounded window of recent items. A list that
//! shifts while it is read repeats items near page boundaries, never far
//! apart, so a window of recent identities catches them and keeps memory
//! flat however long the list is.

use std::collections::{HashSet, VecDeque};

/// How many recent identities are remembered: ten of the largest pages.
pub const WINDOW: usize = 1_000;

#[derive(Debug, Default, Clone)]
pub struct RecentIdentities {
    order: VecDeque<u64>,
    seen: HashSet<u64>,
}

impl RecentIdentities {
    /// Records an identity; `false` if it was already in the window.
    pub fn insert(&mut self, identity: &str) -> bool {
        self.insert_hash(identity_hash(identity))
    }

    pub fn insert_hash(&mut self, hash: u64) -> bool {
        if !self.seen.insert(hash) {
            return false;
        }
        self.order.push_back(hash);
        if self.order.len() > WINDOW {
            if let Some(oldest) = self.order.pop_front() {
                self.seen.remove(&oldest);
            }
        }
        true
    }

    pub fn contains(&self, identity: &str) -> bool {
        self.seen.contains(&identity_hash(identity))
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The newest `count` hashes, oldest first (for a cursor).
    pub fn newest(&self, count: usize) -> Vec<u64> {
        let skip = self.order.len().saturating_sub(count);
        self.order.iter().skip(skip).copied().collect()
    }
}

/// FNV-1a, 64 bits: identities are compared by hash so the window is a few
/// kilobytes; a collision among 1,000 recent items has odds near 2^-44.
pub fn identity_hash(identity: &str) -> u64 {
    identity.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
