//! The resumable cursor: an opaque, versioned string of at most 1 KB that
//! holds positions, never a secret. It carries where to continue, the total
//! last seen (so a resumed run notices a list that changed meanwhile) and the
//! hashes of the last items delivered (so a shift between runs cannot deliver
//! one of them twice), and the account's binding tag (see `binding`): a tag,
//! never the account id.
//!
//! Inside a provider's cursor chain (`Provider::chained`) it also carries
//! the provider's own continuation and the list position it leads to, so a
//! resume goes on from there instead of reading the chain again from the
//! head. Those two keys (`c`, `s`) are optional, so every `lnc2.` cursor
//! issued before them still decodes.
//!
//! Decoding checks the form only; the client then checks every field against
//! the same rules as a fresh call (provider, account, list, invitation type,
//! offset), because the checksum below stops accidents, not forgery.

use crate::error::Error;
use crate::json::{parse, ObjectWriter, Value};
use crate::query::Resource;

const PREFIX: &str = "lnc2.";
/// Recent identity hashes carried across a resume: enough for a shift of a
/// few items between runs, small enough to stay far under 1 KB.
pub const CARRIED_HASHES: usize = 8;
pub const MAX_CURSOR_BYTES: usize = 1024;
/// The longest provider continuation a cursor carries; a longer one is left
/// out (the resume then reads the chain from the head, dropping what it
/// passes), so the cursor stays under [`MAX_CURSOR_BYTES`].
pub const MAX_CONTINUATION_BYTES: usize = 400;

/// A link of a provider's cursor chain: its continuation, and the list
/// position of the first item it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub at: u64,
    pub continuation: String,
}

impl ChainLink {
    /// The link as a cursor may carry it: a continuation of printable ASCII
    /// within [`MAX_CONTINUATION_BYTES`], else none.
    pub fn carried(at: u64, continuation: Option<&str>) -> Option<ChainLink> {
        let continuation = continuation?;
        let fits = !continuation.is_empty()
            && continuation.len() <= MAX_CONTINUATION_BYTES
            && continuation.bytes().all(|byte| byte.is_ascii_graphic());
        fits.then(|| ChainLink {
            at,
            continuation: continuation.to_string(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub provider: String,
    /// The account's binding tag, 16 hex digits (`binding::account_tag_hex`).
    pub account: String,
    pub resource: Resource,
    pub invitation_type: Option<String>,
    /// The list position of the next item to deliver.
    pub offset: u64,
    pub total: Option<u64>,
    pub recent: Vec<u64>,
    /// Where a cursor chain goes on from (chained providers only).
    pub chain: Option<ChainLink>,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let recent: Vec<String> = self
            .recent
            .iter()
            .map(|hash| format!("{hash:016x}"))
            .collect();
        let mut payload = String::with_capacity(160);
        let mut object = ObjectWriter::new(&mut payload);
        object
            .field("p", &self.provider)
            .field("a", &self.account)
            .field("r", self.resource.as_str())
            .field("t", &self.invitation_type)
            .field("o", &self.offset)
            .field("n", &self.total)
            .field("h", &recent);
        if let Some(link) = &self.chain {
            object.field("c", &link.continuation).field("s", &link.at);
        }
        object.end();
        format!(
            "{PREFIX}{}.{:08x}",
            base64url_encode(payload.as_bytes()),
            checksum(payload.as_bytes())
        )
    }

    /// Reads a cursor this library issued; anything else is `INVALID_INPUT`.
    pub fn decode(text: &str) -> Result<Cursor, Error> {
        let damaged = || {
            Error::invalid_input(
                "cursor",
                "is not one this library issued, or it was altered or cut short",
            )
        };
        if text.len() > MAX_CURSOR_BYTES {
            return Err(damaged());
        }
        let body = text.strip_prefix(PREFIX).ok_or_else(|| {
            if text.starts_with("lnc") {
                Error::invalid_input(
                    "cursor",
                    "comes from another version of this library; start a new run",
                )
            } else {
                damaged()
            }
        })?;
        let (encoded, check) = body.rsplit_once('.').ok_or_else(damaged)?;
        let payload = base64url_decode(encoded).ok_or_else(damaged)?;
        if format!("{:08x}", checksum(&payload)) != check {
            return Err(damaged());
        }
        let text = String::from_utf8(payload).map_err(|_| damaged())?;
        let value = parse(&text).map_err(|_| damaged())?;
        let field = |key| value.get(key);
        let resource = field("r")
            .and_then(Value::as_str)
            .and_then(|name| Resource::parse(name).ok());
        let recent: Option<Vec<u64>> = match field("h") {
            Some(Value::Array(hashes)) if hashes.len() <= CARRIED_HASHES => hashes
                .iter()
                .map(|hash| hash.as_str().and_then(hex16))
                .collect(),
            _ => None,
        };
        let provider = field("p").and_then(Value::as_str);
        let account = field("a")
            .and_then(Value::as_str)
            .filter(|tag| hex16(tag).is_some());
        let offset = field("o").and_then(Value::as_u64);
        let invitation_type = match field("t") {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(kind)) => Some(Some(kind.to_string())),
            Some(_) => None,
        };
        let total = match field("n") {
            None | Some(Value::Null) => Some(None),
            Some(number) => number.as_u64().map(Some),
        };
        let chain = match (field("c"), field("s")) {
            (None | Some(Value::Null), None | Some(Value::Null)) => Some(None),
            (Some(Value::String(continuation)), Some(at)) => at
                .as_u64()
                .and_then(|at| ChainLink::carried(at, Some(continuation)))
                .filter(|link| offset.is_some_and(|offset| link.at <= offset))
                .map(Some),
            _ => None,
        };
        match (
            provider,
            account,
            resource,
            offset,
            recent,
            invitation_type,
            total,
            chain,
        ) {
            (
                Some(provider),
                Some(account),
                Some(resource),
                Some(offset),
                Some(recent),
                Some(invitation_type),
                Some(total),
                Some(chain),
            ) => Ok(Cursor {
                provider: provider.to_string(),
                account: account.to_string(),
                resource,
                invitation_type,
                offset,
                total,
                recent,
                chain,
            }),
            _ => Err(damaged()),
        }
    }
}

/// Exactly 16 lower-case hex digits as a `u64`.
fn hex16(text: &str) -> Option<u64> {
    let well_formed = text.len() == 16
        && text
            .bytes()
            .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte));
    if well_formed {
        // 16 hex digits: at most u64::MAX.
        text.bytes().try_fold(0u64, |value, byte| {
            let digit = char::from(byte).to_digit(16)?;
            Some((value << 4) | u64::from(digit))
        })
    } else {
        None
    }
}

/// FNV-1a, 32 bits: catches a cursor cut short or edited by hand. Not a
/// signature; the cursor holds nothing worth forging.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub(crate) fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let block = chunk.iter().enumerate().fold(0u32, |block, (index, byte)| {
            block | u32::from(*byte) << (16 - 8 * index)
        });
        for index in 0..=chunk.len() {
            let sextet = (block >> (18 - 6 * index)) & 63;
            out.push(char::from(
                ALPHABET.get(sextet as usize).copied().unwrap_or(b'A'),
            ));
        }
    }
    out
}

pub(crate) fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut block = 0u32;
    let mut bits = 0;
    for byte in text.bytes() {
        let value = ALPHABET.iter().position(|letter| *letter == byte)?;
        block = block << 6 | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((block >> bits) as u8);
            block &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{base64url_decode, base64url_encode, checksum, Cursor, PREFIX};

    /// FNV-1a 32's published vectors: a checksum that only agrees with
    /// itself would still round-trip, so it is pinned to the reference.
    #[test]
    fn the_checksum_is_fnv1a_32() {
        assert_eq!(checksum(b""), 0x811c_9dc5);
        assert_eq!(checksum(b"a"), 0xe40c_292c);
        assert_eq!(checksum(b"foobar"), 0xbf9c_f968);
    }

    /// A cursor whose checksum is right but whose hashes are not exactly 16
    /// lower-case hex digits is refused.
    #[test]
    fn a_hash_of_the_wrong_form_is_refused() {
        let forge = |hash: &str| {
            let payload = format!(
                r#"{{"p":"linkup-v2","a":"0123456789abcdef","r":"connections","t":null,"o":3,"n":null,"h":["{hash}"]}}"#
            );
            format!(
                "{PREFIX}{}.{:08x}",
                base64url_encode(payload.as_bytes()),
                checksum(payload.as_bytes())
            )
        };
        assert_eq!(
            Cursor::decode(&forge("00000000000000ff")).map(|cursor| cursor.recent),
            Ok(vec![255])
        );
        for bad in [
            "ff",
            "00000000000000ff0",
            "00000000000000FF",
            "000000000000000g",
        ] {
            assert!(Cursor::decode(&forge(bad)).is_err(), "{bad}");
        }
    }

    /// RFC 4648's vectors in the URL-safe alphabet, without padding.
    #[test]
    fn base64url_matches_rfc_4648() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
        ] {
            assert_eq!(base64url_encode(bytes), text);
            assert_eq!(base64url_decode(text).as_deref(), Some(bytes));
        }
        assert_eq!(
            base64url_decode("Zm9v+"),
            None,
            "'+' is not URL-safe base64"
        );
    }
}
