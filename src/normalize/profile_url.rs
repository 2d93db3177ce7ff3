//! Canonical LinkedIn profile URLs: `https://www.linkedin.com/in/<slug>`.
//!
//! Providers send the same profile as `http://uk.linkedin.com/in/jane/`,
//! `https://www.linkedin.com/in/jane?trk=…`, with the slug raw or
//! percent-encoded, or as a `/in/ACoAA…` member-id URL. One canonical form
//! makes them comparable (connections are deduplicated by it): https, host
//! `www.linkedin.com`, no query, no fragment, no trailing slash; in the slug,
//! escapes of unreserved characters decoded, other escapes in upper-case hex,
//! RFC 3986 sub-delims, `:` and `@` as sent, and a public identifier's ASCII
//! letters lower-cased (LinkedIn treats them case-insensitively; a member id
//! `ACoA…` keeps its case).

/// A profile URL made canonical, with what its slug says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileLink {
    pub url: String,
    /// The decoded `/in/<slug>`, when it is a public identifier.
    pub public_identifier: Option<String>,
    /// The member id of a `/in/ACoA…` URL.
    pub member_id: Option<String>,
}

const CANONICAL_ORIGIN: &str = "https://www.linkedin.com";

/// Member ids ("ACoAAB…") start with this; public slugs never do.
pub const MEMBER_ID_PREFIX: &str = "ACoA";

/// `None` when the text is not a LinkedIn URL with a path: the caller keeps
/// the provider's text unchanged and says so in a warning.
pub fn canonical_profile_url(raw: &str) -> Option<ProfileLink> {
    let text = raw.trim();
    let path = if text.starts_with('/') && !text.starts_with("//") {
        // "/in/jane": a path on LinkedIn itself.
        text
    } else {
        let rest = strip_scheme(text);
        let end = rest
            .bytes()
            .position(|byte| matches!(byte, b'/' | b'?' | b'#'))
            .unwrap_or(rest.len());
        if !is_linkedin_host(rest.get(..end)?) {
            return None;
        }
        rest.get(end..)?
    };
    let end = path
        .bytes()
        .position(|byte| byte == b'?' || byte == b'#')
        .unwrap_or(path.len());
    let mut segments = path
        .get(..end)?
        .split('/')
        .filter(|segment| !segment.is_empty());
    let first = segments.next()?;
    if first.eq_ignore_ascii_case("in") {
        // "/in/" with no slug is no profile.
        return segments.next().map(profile_link);
    }
    // Company, school and newsletter pages: canonical form, no identifier.
    let mut url = String::from(CANONICAL_ORIGIN);
    for segment in core::iter::once(first).chain(segments) {
        url.push('/');
        push_canonical(&mut url, segment, false);
    }
    Some(ProfileLink {
        url,
        public_identifier: None,
        member_id: None,
    })
}

/// The link for `/in/<slug>`: a member id (`ACoA…` and more) or a public
/// identifier. Public identifiers are case-insensitive on LinkedIn, so their
/// ASCII letters are lower-cased (`/in/Jane-Doe` is `/in/jane-doe`); a member
/// id is case-sensitive and kept as sent.
pub fn profile_link(slug: &str) -> ProfileLink {
    let decoded = String::from_utf8(percent_decode(slug)).ok();
    let is_member_id = decoded.as_deref().is_some_and(is_member_id);
    let mut url = String::with_capacity(CANONICAL_ORIGIN.len() + 4 + slug.len());
    url.push_str(CANONICAL_ORIGIN);
    url.push_str("/in/");
    push_canonical(&mut url, slug, !is_member_id);
    let (public_identifier, member_id) = match decoded {
        Some(text) if is_member_id => (None, Some(text)),
        Some(text) => (Some(text.to_ascii_lowercase()), None),
        None => (None, None),
    };
    ProfileLink {
        url,
        public_identifier,
        member_id,
    }
}

/// Whether a decoded slug is a member id: `ACoA` followed by more.
pub fn is_member_id(text: &str) -> bool {
    text.len() > MEMBER_ID_PREFIX.len() && text.starts_with(MEMBER_ID_PREFIX)
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// RFC 3986 sub-delims and the two other characters a path segment may hold
/// as they are: kept as sent, never encoded nor decoded (their escaped and
/// raw forms may mean different things to a server).
fn is_kept_as_sent(byte: u8) -> bool {
    matches!(
        byte,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':' | b'@'
    )
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn push_escape(url: &mut String, byte: u8) {
    url.push('%');
    for nibble in [byte >> 4, byte & 15] {
        url.push(char::from(
            HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
        ));
    }
}

fn hex_digit(byte: Option<&u8>) -> Option<u8> {
    let digit = char::from(*byte?).to_digit(16)?;
    u8::try_from(digit).ok()
}

/// Appends `segment` in canonical form, one escape at a time: an escaped
/// unreserved character is decoded, every other escape keeps its byte with
/// upper-case hex, unreserved and kept-as-sent characters stay, anything
/// else (spaces, non-ASCII, a lone `%`) is escaped. `fold_case` lower-cases
/// ASCII letters.
fn push_canonical(url: &mut String, segment: &str, fold_case: bool) {
    let bytes = segment.as_bytes();
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = if byte == b'%' {
            hex_digit(bytes.get(index + 1))
                .zip(hex_digit(bytes.get(index + 2)))
                .map(|(high, low)| high * 16 + low)
        } else {
            None
        };
        let (value, width) = match escaped {
            Some(value) => (value, 3),
            None => (byte, 1),
        };
        index += width;
        if is_unreserved(value) {
            let value = if fold_case {
                value.to_ascii_lowercase()
            } else {
                value
            };
            url.push(char::from(value));
        } else if escaped.is_none() && is_kept_as_sent(value) {
            url.push(char::from(value));
        } else {
            push_escape(url, value);
        }
    }
}

fn strip_scheme(text: &str) -> &str {
    for scheme in ["https://", "http://"] {
        if let Some(prefix) = text.get(..scheme.len()) {
            if prefix.eq_ignore_ascii_case(scheme) {
                return text.get(scheme.len()..).unwrap_or_default();
            }
        }
    }
    text.strip_prefix("//").unwrap_or(text)
}

/// Whether an authority (`host[:port]`) is LinkedIn's, any country subdomain.
fn is_linkedin_host(authority: &str) -> bool {
    if authority.contains('@') {
        return false;
    }
    let host = authority.split(':').next().unwrap_or_default();
    let host = host.trim_end_matches('.').as_bytes();
    const DOMAIN: &[u8] = b"linkedin.com";
    if host.eq_ignore_ascii_case(DOMAIN) {
        return true;
    }
    // A subdomain: "<sub>.linkedin.com", compared without allocating.
    let Some(split) = host.len().checked_sub(DOMAIN.len() + 1) else {
        return false;
    };
    let Some((subdomain, suffix)) = host.split_at_checked(split) else {
        return false;
    };
    suffix.first() == Some(&b'.')
        && suffix
            .get(1..)
            .is_some_and(|domain| domain.eq_ignore_ascii_case(DOMAIN))
        && !subdomain.is_empty()
        && subdomain
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-' || *byte == b'.')
}

/// Percent-decodes to bytes; a `%` not followed by two hex digits stays a `%`.
pub fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let high = hex_digit(bytes.get(index + 1));
            let low = hex_digit(bytes.get(index + 2));
            if let (Some(high), Some(low)) = (high, low) {
                // Two hex digits make one byte: 0..=255.
                decoded.push(high * 16 + low);
                index += 3;
                continue;
            }
        }
        decoded.push(byte);
        index += 1;
    }
    decoded
}

/// Encodes every byte but RFC 3986's unreserved ones, with upper-case hex.
pub fn percent_encode(bytes: &[u8]) -> String {
    let mut encoded = String::with_capacity(bytes.len());
    for &byte in bytes {
        if is_unreserved(byte) {
            encoded.push(char::from(byte));
        } else {
            push_escape(&mut encoded, byte);
        }
    }
    encoded
}
