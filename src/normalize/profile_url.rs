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
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        if !is_linkedin_host(rest.get(..end)?) {
            return None;
        }
        rest.get(end..)?
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    match segments.as_slice() {
        [] => None,
        [section, slug, ..] if section.eq_ignore_ascii_case("in") => {
            let decoded = percent_decode(slug);
            let url = format!("{CANONICAL_ORIGIN}/in/{}", percent_encode(&decoded));
            let slug_text = String::from_utf8(decoded).ok();
            let is_member_id = slug_text
                .as_deref()
                .is_some_and(|slug| slug.starts_with(MEMBER_ID_PREFIX));
            Some(if is_member_id {
                ProfileLink {
                    url,
                    public_identifier: None,
                    member_id: slug_text,
                }
            } else {
                ProfileLink {
                    url,
                    public_identifier: slug_text,
                    member_id: None,
                }
            })
        }
        // Company, school and newsletter pages: canonical form, no identifier.
        _ => {
            let mut url = CANONICAL_ORIGIN.to_string();
            for segment in segments {
                url.push('/');
                url.push_str(&percent_encode(&percent_decode(segment)));
            }
            Some(ProfileLink {
                url,
                public_identifier: None,
                member_id: None,
            })
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
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "linkedin.com"
        || host.strip_suffix(".linkedin.com").is_some_and(|subdomain| {
            !subdomain.is_empty()
                && subdomain
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.')
        })
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
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
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
