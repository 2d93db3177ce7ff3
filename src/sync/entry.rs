//! One known item in the sync state (the `entry` of `state`'s grammar): a
//! flags byte, then the id (a varint where it is decimal), the name, the
//! profile (its decoded slug where the canonical URL is rebuilt from it
//! exactly, else the whole URL) and the member id (absent when it is the
//! slug). A connection keeps its member id only where it has no profile URL
//! (it is then its key): Unipile's 39-character ids would otherwise double
//! an entry, for an id nothing reads back (`Removed::connection`).

use crate::normalize::profile_url::{percent_decode, percent_encode};

use super::bytes::{ByteReader, ByteWriter};
use super::diff::Removed;

const PROFILE_ORIGIN: &str = "https://www.linkedin.com/in/";

const HAS_ID: u8 = 1;
const ID_IS_NUMBER: u8 = 1 << 1;
const HAS_NAME: u8 = 1 << 2;
const PROFILE_SLUG: u8 = 1 << 3;
const PROFILE_URL: u8 = 1 << 4;
const HAS_MEMBER_ID: u8 = 1 << 5;
const MEMBER_ID_IS_SLUG: u8 = 1 << 6;
const KNOWN_FLAGS: u8 = (1 << 7) - 1;

/// A decimal id that a varint gives back exactly (no sign, no leading zero).
fn numeric_id(id: &str) -> Option<u64> {
    let value = crate::json::parse_u64(id)?;
    (value.to_string() == id).then_some(value)
}

/// The decoded slug of a canonical `/in/` URL, when re-encoding it gives
/// the URL back exactly.
fn slug_of(url: &str) -> Option<String> {
    let encoded = url.strip_prefix(PROFILE_ORIGIN)?;
    let slug = String::from_utf8(percent_decode(encoded)).ok()?;
    (!slug.is_empty() && percent_encode(slug.as_bytes()) == encoded).then_some(slug)
}

pub(super) fn write_entry(out: &mut ByteWriter, entry: &Removed, invitation: bool) {
    let mut flags = 0;
    let id = if invitation {
        entry.id.as_deref()
    } else {
        None
    };
    let number = id.and_then(numeric_id);
    if id.is_some() {
        flags |= HAS_ID;
    }
    if number.is_some() {
        flags |= ID_IS_NUMBER;
    }
    if entry.name.is_some() {
        flags |= HAS_NAME;
    }
    let slug = entry.profile_url.as_deref().and_then(slug_of);
    match (&slug, &entry.profile_url) {
        (Some(_), _) => flags |= PROFILE_SLUG,
        (None, Some(_)) => flags |= PROFILE_URL,
        (None, None) => {}
    }
    let member = entry
        .member_id
        .as_deref()
        .filter(|_| invitation || entry.profile_url.is_none());
    match member {
        Some(member) if slug.as_deref() == Some(member) => flags |= MEMBER_ID_IS_SLUG,
        Some(_) => flags |= HAS_MEMBER_ID,
        None => {}
    }
    out.byte(flags);
    match (number, id) {
        (Some(number), _) => out.varint(number),
        (None, Some(id)) => out.text(id),
        (None, None) => {}
    }
    if let Some(name) = &entry.name {
        out.text(name);
    }
    match (&slug, &entry.profile_url) {
        (Some(slug), _) => out.text(slug),
        (None, Some(url)) => out.text(url),
        (None, None) => {}
    }
    if let (Some(member), true) = (member, flags & HAS_MEMBER_ID != 0) {
        out.text(member);
    }
}

pub(super) fn read_entry(reader: &mut ByteReader<'_>, invitation: bool) -> Option<Removed> {
    let flags = reader.byte()?;
    let contradictory = flags & !KNOWN_FLAGS != 0
        || (flags & ID_IS_NUMBER != 0 && flags & HAS_ID == 0)
        || (flags & PROFILE_SLUG != 0 && flags & PROFILE_URL != 0)
        || (flags & MEMBER_ID_IS_SLUG != 0
            && flags & (HAS_MEMBER_ID | PROFILE_SLUG) != PROFILE_SLUG)
        || (invitation != (flags & HAS_ID != 0));
    if contradictory {
        return None;
    }
    let id = match (flags & HAS_ID != 0, flags & ID_IS_NUMBER != 0) {
        (true, true) => Some(reader.varint()?.to_string()),
        (true, false) => Some(reader.text().filter(|id| numeric_id(id).is_none())?),
        _ => None,
    };
    let name = if flags & HAS_NAME != 0 {
        Some(reader.text()?)
    } else {
        None
    };
    let (slug, profile_url) = if flags & PROFILE_SLUG != 0 {
        let slug = reader.text()?;
        let url = format!("{PROFILE_ORIGIN}{}", percent_encode(slug.as_bytes()));
        (Some(slug), Some(url))
    } else if flags & PROFILE_URL != 0 {
        (
            None,
            Some(reader.text().filter(|url| slug_of(url).is_none())?),
        )
    } else {
        (None, None)
    };
    let member_id = if flags & MEMBER_ID_IS_SLUG != 0 {
        slug
    } else if flags & HAS_MEMBER_ID != 0 {
        Some(reader.text()?)
    } else {
        None
    };
    if invitation {
        Some(Removed::invitation(id?, name, profile_url, member_id))
    } else {
        // A state written before connections dropped a member id beside
        // their URL reads as one written now.
        let member_id = member_id.filter(|_| profile_url.is_none());
        Removed::connection(name, profile_url, member_id)
    }
}
