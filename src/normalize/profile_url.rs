//! Canonical LinkedIn profile URLs: `https://www.linkedin.com/in/<slug>`.
//!
//! Providers send the same profile as `http://uk.linkedin.com/in/jane/`,
//! `https://www.linkedin.com/in/jane?trk=…`, with the slug raw or
//! percent-encoded, or as a `/in/ACoAA…` member-id URL. One canonical form
//! makes them comparable (connections are deduplicated by it): https, host
//! `www.linkedin.com`, no query, no fragment, no trailing slash, the slug
//! percent-encoded with upper-case hex as a browser sends it.

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
        if let Some(slug) = segments.next() {
            return Some(profile_link(slug));
        }
    }
    // Company, school and newsletter pages: canonical form, no identifier.
    let mut url = String::from(CANONICAL_ORIGIN);
    for segment in core::iter::once(first).chain(segments) {
        url.push('/');
        push_canonical(&mut url, segment);
    }
    Some(ProfileLink {
        url,
        public_identifier: None,
        member_id: None,
    })
}

/// The link for `/in/<slug>`: a member id (`ACoA…`) or a public identifier.
fn profile_link(slug: &str) -> ProfileLink {
    let mut url = String::with_capacity(CANONICAL_ORIGIN.len() + 4 + slug.len());
    url.push_str(CANONICAL_ORIGIN);
    url.push_str("/in/");
    let decoded = push_canonical(&mut url, slug);
    let (public_identifier, member_id) = match decoded {
        Some(text) if text.starts_with(MEMBER_ID_PREFIX) => (None, Some(text)),
        text => (text, None),
    };
    ProfileLink {
        url,
        public_identifier,
        member_id,
    }
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Appends `segment` percent-encoded canonically and returns it decoded
/// (`None` when the decoded bytes are not UTF-8). Most slugs need neither
/// step, and take the path without allocating twice.
fn push_canonical(url: &mut String, segment: &str) -> Option<String> {
    if segment.bytes().all(is_unreserved) {
        url.push_str(segment);
        return Some(segment.to_string());
    }
    let decoded = percent_decode(segment);
    url.push_str(&percent_encode(&decoded));
    String::from_utf8(decoded).ok()
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
            let high = bytes
                .get(index + 1)
                .and_then(|b| char::from(*b).to_digit(16));
            let low = bytes
                .get(index + 2)
                .and_then(|b| char::from(*b).to_digit(16));
            if let (Some(high), Some(low)) = (high, low) {
                // Two hex digits make one byte: 0..=255.
                decoded.push((high * 16 + low) as u8);
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
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(bytes.len());
    for &byte in bytes {
        if is_unreserved(byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            for nibble in [byte >> 4, byte & 15] {
                encoded.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        }
    }
    encoded
}
