//! When an invitation list may be read from its head only (SPEC §8):
//! the provider's own total proves that nothing else left it.
//!
//! A removal anywhere in a list shows only in its total. After a head read
//! (the new items before the first known one), the list holds
//!
//! ```text
//! expected = known count + added − explained
//! ```
//!
//! items, where `explained` are the known sent invitations whose person is
//! among this sync's new connections: accepted, they left the pending list
//! (LinkedIn keeps no pending invitation to a connection). If the total the
//! provider reported equals `expected`, nothing else was removed and the
//! rest of the list need not be read; otherwise it is read in full, which
//! finds exactly what left.
//!
//! The count is only worth something where it was true once: a list gets a
//! [`ListCheck`] when a full reading, made whole within one sync, held
//! exactly as many items as the provider's total said (no total — as on
//! ConnectSafely — no check: its lists are read in full, at no credit). And
//! to bound the drift of a total that could be wrong, the list is read in
//! full again after [`DRIFT_SYNCS`] head reads in a row (each one trusts a
//! total) or once its last full reading is [`DRIFT_MS`] old by the client's
//! clock (for who syncs seldom), whichever comes first: for hourly syncs,
//! every other day. Most wrong totals do not wait for that: one that counts
//! what the provider does not list never matches a full reading (no check),
//! and a stale one misses the expected count as soon as the list changes.
//!
//! ```text
//!  no check ──full read, count = total──▶ check ──head read──┬─ total = expected ──▶ check (syncs + 1)
//!     ▲                                     ▲                 └─ otherwise: full read ─┐
//!     │ count ≠ total, no total,            └──── full read (also: `full`, DRIFT_MS, ──┘
//!     └ a baseline over several syncs              DRIFT_SYNCS head reads), count = total
//! ```

use crate::model::Connection;

use super::diff::{accepted_positions, PersonKeys, Removed};

/// A full reading is due after this many head reads in a row …
pub const DRIFT_SYNCS: u64 = 48;
/// … or once the last one is this old: two days.
pub const DRIFT_MS: i64 = 2 * 24 * 60 * 60 * 1000;

/// What the state keeps of an invitation list whose count is proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCheck {
    /// When the list was last read in full (ms since the epoch, ≥ 0).
    pub full_at: i64,
    /// Head reads since.
    pub syncs: u64,
}

impl ListCheck {
    /// The check a full reading of `count` items leaves, given the total
    /// the provider reported at its end.
    pub fn after_full_read(count: usize, total: Option<u64>, now_ms: i64) -> Option<ListCheck> {
        (total == Some(count as u64)).then_some(ListCheck {
            full_at: now_ms.max(0),
            syncs: 0,
        })
    }

    /// Whether the list must be read in full this time (a clock that moved
    /// back counts no time; the head reads still count).
    pub fn due(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.full_at) >= DRIFT_MS || self.syncs >= DRIFT_SYNCS
    }

    /// The check after one more proven head read.
    pub fn after_head_read(self) -> ListCheck {
        ListCheck {
            syncs: self.syncs.saturating_add(1),
            ..self
        }
    }
}

/// The known sent invitations (positions in `known`) whose person is among
/// `new_connections`: accepted, so gone from the pending list.
pub fn explained(known: &[Removed], new_connections: &[Connection]) -> Vec<usize> {
    let people: Vec<PersonKeys<'_>> = new_connections
        .iter()
        .map(|connection| {
            let person = &connection.person;
            (person.profile_url.as_deref(), person.member_id.as_deref())
        })
        .collect();
    accepted_positions(known, &people)
        .into_iter()
        .map(|(invitation, _)| invitation)
        .collect()
}

/// Whether the total the provider reported proves that the list holds the
/// `known` items, plus `added`, minus `explained`, and nothing else left.
pub fn proven(known: usize, added: usize, explained: usize, reported: Option<u64>) -> bool {
    let expected = (known as u64)
        .saturating_add(added as u64)
        .checked_sub(explained as u64);
    expected.is_some() && expected == reported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_proves_the_count_or_does_not() {
        assert!(proven(145, 5, 2, Some(148)));
        assert!(!proven(145, 5, 2, Some(147)), "one more left: a withdrawal");
        assert!(!proven(145, 5, 2, Some(149)), "one more arrived unseen");
        assert!(!proven(145, 5, 2, None), "no total proves nothing");
        assert!(!proven(0, 0, 1, Some(0)));
    }

    #[test]
    fn a_full_reading_is_due_after_drift_ms_or_after_drift_syncs_head_reads() {
        let check = ListCheck::after_full_read(3, Some(3), 1_000).unwrap();
        assert!(!check.due(1_000 + DRIFT_MS - 1));
        assert!(check.due(1_000 + DRIFT_MS));
        assert!(!check.due(0), "a clock that moved back counts no time");
        let mut later = check;
        for _ in 0..DRIFT_SYNCS {
            assert!(!later.due(1_000));
            later = later.after_head_read();
        }
        assert!(later.due(1_000));
        assert_eq!(ListCheck::after_full_read(3, Some(4), 0), None);
        assert_eq!(ListCheck::after_full_read(3, None, 0), None);
    }
}
