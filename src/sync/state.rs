//! The sync state: an opaque, versioned string — `lns1.` and the base64url
//! of a compact binary — that holds, per list, the items the last sync
//! knew (what [`Removed`] needs, nothing more), and when connections were
//! last read in full. It holds no secret: the account is a binding tag
//! (`client::binding`), and the whole is sealed with a MAC keyed by the API
//! key, so a state altered, cut short or written for another account is
//! `INVALID_INPUT` naming `state`, and nothing is sent.
//!
//! ```text
//! payload := provider(text) account_tag(8 bytes LE) last_full(varint: 0 | ms + 1)
//!            lists(u8: bits 0–2 a list with entries, bits 3–5 its baseline still being read,
//!                  bits 6–7 sent, received invitations with a count check)
//!            { count(varint) entry* [pending run cursor(text)] [check] }*
//! check   := full_at(varint ms) head_reads(varint)       (sync::proof; a state
//!            from before checks reads as one without: its lists are read in full once)
//! entry   := flags(u8) [id] [name] [profile] [member id]
//! state   := "lns1." base64url(payload mac(8 bytes LE))
//! ```
//!
//! Compact where it counts (1,201 connections): a profile URL is stored as
//! its decoded slug (rebuilt exactly, else kept whole), a decimal id as a
//! varint, a member id that is the slug not at all, a connection's member
//! id only where it has no URL, the key never (it is the id, the profile URL
//! or the member id).

use crate::client::binding::{account_tag, keyed_digest};
use crate::client::cursor::{base64url_decode, base64url_encode, Cursor};
use crate::error::Error;
use crate::query::{Credentials, Resource};

use super::bytes::{ByteReader, ByteWriter};
use super::diff::Removed;
use super::entry::{read_entry, write_entry};
use super::proof::ListCheck;

pub const STATE_PREFIX: &str = "lns1.";
/// A list longer than any LinkedIn allows (30,000 connections), as a bound
/// on what a decoded state may claim before its entries are read.
const MAX_KNOWN: u64 = 100_000;
/// Separates the MAC's messages from the account tag's (which start with a provider id).
const MAC_DOMAIN: u8 = 0xff;

/// A decoded sync state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncState {
    pub provider: String,
    pub account_tag: u64,
    /// When connections were last read in full (ms since the epoch).
    pub last_full_sync_at: Option<i64>,
    /// Per list (in `Resource::ALL` order), the items known, in list order;
    /// `None` until the list's first (baseline) reading.
    pub lists: [Option<Vec<Removed>>; 3],
    /// Per list, a baseline cut short by a budget: the run cursor it goes on
    /// from (its entries so far are in `lists`). A sync never ends in the
    /// middle of a list otherwise.
    pub pending: [Option<String>; 3],
    /// Per invitation list (sent, received), what proves its count
    /// (`sync::proof`); never with a pending baseline.
    pub checks: [Option<ListCheck>; 2],
}

fn index(resource: Resource) -> usize {
    match resource {
        Resource::SentInvitations => 0,
        Resource::ReceivedInvitations => 1,
        Resource::Connections => 2,
    }
}

impl SyncState {
    /// An empty state for `provider`'s account as `credentials` identify it.
    pub fn new(provider: &str, credentials: &Credentials) -> SyncState {
        SyncState {
            provider: provider.to_string(),
            account_tag: account_tag(provider, credentials),
            last_full_sync_at: None,
            lists: [None, None, None],
            pending: [None, None, None],
            checks: [None, None],
        }
    }

    /// An invitation list's count check (connections have none).
    pub fn check(&self, resource: Resource) -> Option<ListCheck> {
        *self.checks.get(index(resource))?
    }

    pub fn set_check(&mut self, resource: Resource, check: Option<ListCheck>) {
        if let Some(slot) = self.checks.get_mut(index(resource)) {
            *slot = check;
        }
    }

    /// Whether the list's baseline was read to its end.
    pub fn has_baseline(&self, resource: Resource) -> bool {
        self.known(resource).is_some() && self.pending(resource).is_none()
    }

    /// The cursor a baseline cut short continues from.
    pub fn pending(&self, resource: Resource) -> Option<&str> {
        self.pending.get(index(resource))?.as_deref()
    }

    pub fn set_pending(&mut self, resource: Resource, cursor: Option<String>) {
        if let Some(slot) = self.pending.get_mut(index(resource)) {
            *slot = cursor;
        }
    }

    pub fn known(&self, resource: Resource) -> Option<&[Removed]> {
        self.lists.get(index(resource))?.as_deref()
    }

    pub fn set_known(&mut self, resource: Resource, known: Vec<Removed>) {
        if let Some(slot) = self.lists.get_mut(index(resource)) {
            *slot = Some(known);
        }
    }

    /// How many items the state knows, over every list.
    pub fn known_items(&self) -> usize {
        self.lists.iter().flatten().map(Vec::len).sum()
    }

    pub fn encode(&self, credentials: &Credentials) -> String {
        let mut out = ByteWriter::default();
        out.text(&self.provider);
        out.bytes.extend_from_slice(&self.account_tag.to_le_bytes());
        let last_full = self
            .last_full_sync_at
            .and_then(|ms| u64::try_from(ms).ok())
            .map_or(0, |ms| ms.saturating_add(1));
        out.varint(last_full);
        let mut mask = 0u8;
        for (bit, (list, pending)) in self.lists.iter().zip(&self.pending).enumerate() {
            if list.is_some() {
                mask |= 1 << bit;
                if pending.is_some() {
                    mask |= 1 << (bit + 3);
                } else if self.checks.get(bit).is_some_and(Option::is_some) {
                    mask |= 1 << (bit + 6);
                }
            }
        }
        out.byte(mask);
        for (position, (list, pending)) in self.lists.iter().zip(&self.pending).enumerate() {
            let Some(list) = list else { continue };
            out.varint(list.len() as u64);
            let invitations = position != index(Resource::Connections);
            for entry in list {
                write_entry(&mut out, entry, invitations);
            }
            match (pending, self.checks.get(position).copied().flatten()) {
                (Some(cursor), _) => out.text(cursor),
                (None, Some(check)) => {
                    out.varint(u64::try_from(check.full_at).unwrap_or(0));
                    out.varint(check.syncs);
                }
                (None, None) => {}
            }
        }
        let mac = seal(credentials, &out.bytes);
        out.bytes.extend_from_slice(&mac.to_le_bytes());
        format!("{STATE_PREFIX}{}", base64url_encode(&out.bytes))
    }

    /// Reads a state this client issued; anything else is `INVALID_INPUT`
    /// naming `state`.
    pub fn decode(
        text: &str,
        provider: &'static str,
        credentials: &Credentials,
    ) -> Result<SyncState, Error> {
        let refuse = |problem: &str| Error::invalid_input("state", problem).with_provider(provider);
        let damaged = || {
            refuse("is not a sync state this library issued, or it was altered or cut short; pass the state the last sync returned, or none for a first sync")
        };
        let body = text.strip_prefix(STATE_PREFIX).ok_or_else(|| {
            if text.starts_with("lns") {
                refuse(
                    "comes from another version of this library; run a first sync (no state) again",
                )
            } else {
                damaged()
            }
        })?;
        let bytes = base64url_decode(body)
            .filter(|bytes| base64url_encode(bytes) == body)
            .ok_or_else(damaged)?;
        let split = bytes.len().checked_sub(8).ok_or_else(damaged)?;
        let (payload, mac) = bytes.split_at_checked(split).ok_or_else(damaged)?;
        let mut reader = ByteReader::new(payload);
        let issuer = reader.text().ok_or_else(damaged)?;
        if issuer != provider {
            return Err(refuse(&format!(
                "was issued for {}; this client is {}",
                crate::json::quoted(&issuer),
                crate::json::quoted(provider)
            )));
        }
        let mut tag = [0u8; 8];
        tag.copy_from_slice(reader.take(8).ok_or_else(damaged)?);
        let mut sealed = [0u8; 8];
        sealed.copy_from_slice(mac);
        if u64::from_le_bytes(sealed) != seal(credentials, payload) {
            return Err(refuse("was not issued for this account and API key, or it was altered or cut short (after an API key is rotated, run a first sync again)"));
        }
        if u64::from_le_bytes(tag) != account_tag(provider, credentials) {
            return Err(refuse(
                "was issued for another account of this provider; run a first sync for this one",
            ));
        }
        let state =
            read_lists(&mut reader, provider, u64::from_le_bytes(tag)).ok_or_else(damaged)?;
        Ok(state)
    }
}

fn seal(credentials: &Credentials, payload: &[u8]) -> u64 {
    let mut message = Vec::with_capacity(payload.len() + 1);
    message.push(MAC_DOMAIN);
    message.extend_from_slice(payload);
    keyed_digest(credentials, &message)
}

fn read_lists(reader: &mut ByteReader<'_>, provider: &str, tag: u64) -> Option<SyncState> {
    let last_full = match reader.varint()? {
        0 => None,
        stamp => Some(i64::try_from(stamp - 1).ok()?),
    };
    let mask = reader.byte()?;
    // A pending baseline, or a check, belongs to a list with entries; a
    // check to an invitation list whose baseline is whole.
    let (lists_mask, pending_mask, checks_mask) = (mask & 7, (mask >> 3) & 7, mask >> 6);
    if pending_mask & !lists_mask != 0 || checks_mask & !(lists_mask & !pending_mask) != 0 {
        return None;
    }
    let mut pending: [Option<String>; 3] = [None, None, None];
    let mut checks: [Option<ListCheck>; 2] = [None, None];
    let mut lists: [Option<Vec<Removed>>; 3] = [None, None, None];
    for (position, slot) in lists.iter_mut().enumerate() {
        if mask & 1 << position == 0 {
            continue;
        }
        let count = reader.varint()?;
        // Every entry takes at least two bytes: no claim past what is there.
        if count > MAX_KNOWN || count > reader.remaining() as u64 / 2 {
            return None;
        }
        let invitations = position != index(Resource::Connections);
        let mut list = Vec::with_capacity(usize::try_from(count).ok()?);
        for _ in 0..count {
            list.push(read_entry(reader, invitations)?);
        }
        *slot = Some(list);
        if mask & 1 << (position + 3) != 0 {
            let cursor = reader.text()?;
            let run = Cursor::decode(&cursor).ok()?;
            let resource = Resource::ALL.into_iter().find(|r| index(*r) == position)?;
            if run.resource != resource || run.provider != provider {
                return None;
            }
            *pending.get_mut(position)? = Some(cursor);
        }
        if checks_mask & 1 << position != 0 {
            let full_at = i64::try_from(reader.varint()?).ok()?;
            let syncs = reader.varint()?;
            *checks.get_mut(position)? = Some(ListCheck { full_at, syncs });
        }
    }
    reader.at_end().then(|| SyncState {
        provider: provider.to_string(),
        account_tag: tag,
        last_full_sync_at: last_full,
        lists,
        pending,
        checks,
    })
}
