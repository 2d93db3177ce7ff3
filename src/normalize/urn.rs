//! LinkedIn URNs: `urn:li:invitation:N`, `urn:li:fsd_profile:ACoA…`, and
//! compound ones such as `urn:li:fsd_discoveryEntityViewModel:(urn:li:fsd_profile:ACoA…,PYMK)`
//! whose id is a parenthesised tuple that may itself hold URNs — the reason a
//! naive split on `:` is wrong.

/// A parsed URN, borrowing from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urn<'t> {
    /// `li` for LinkedIn.
    pub namespace: &'t str,
    /// `invitation`, `fsd_profile`, `member`, …
    pub entity_type: &'t str,
    pub id: UrnId<'t>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrnId<'t> {
    /// A plain id: digits or an opaque string.
    Simple(&'t str),
    /// `(a,b,…)`: each element a nested URN or a plain string.
    Tuple(Vec<UrnPart<'t>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrnPart<'t> {
    Urn(Urn<'t>),
    Text(&'t str),
}

/// How deep tuples may nest; real URNs use one or two levels, and a bound
/// keeps hostile input from recursing without end.
const MAX_DEPTH: usize = 8;

pub fn parse(text: &str) -> Option<Urn<'_>> {
    parse_at_depth(text.trim(), 0)
}

fn parse_at_depth(text: &str, depth: usize) -> Option<Urn<'_>> {
    if depth > MAX_DEPTH {
        return None;
    }
    let rest = text.strip_prefix("urn:")?;
    let (namespace, rest) = rest.split_once(':')?;
    let (entity_type, id) = rest.split_once(':')?;
    if namespace.is_empty() || entity_type.is_empty() || id.is_empty() {
        return None;
    }
    let id = match id.strip_prefix('(') {
        Some(inner) => UrnId::Tuple(parse_tuple(inner.strip_suffix(')')?, depth)?),
        None if id.contains(['(', ')', ',']) => return None,
        None => UrnId::Simple(id),
    };
    Some(Urn {
        namespace,
        entity_type,
        id,
    })
}

/// Splits a tuple's inside at the commas that are not inside nested parentheses.
fn parse_tuple(inner: &str, depth: usize) -> Option<Vec<UrnPart<'_>>> {
    let mut parts = Vec::new();
    let mut level = 0usize;
    let mut start = 0;
    for (index, byte) in inner.bytes().enumerate() {
        match byte {
            b'(' => level += 1,
            b')' => level = level.checked_sub(1)?,
            b',' if level == 0 => {
                parts.push(part(inner.get(start..index)?, depth)?);
                start = index + 1;
            }
            _ => {}
        }
    }
    if level != 0 {
        return None;
    }
    parts.push(part(inner.get(start..)?, depth)?);
    Some(parts)
}

fn part(text: &str, depth: usize) -> Option<UrnPart<'_>> {
    if text.starts_with("urn:") {
        parse_at_depth(text, depth + 1).map(UrnPart::Urn)
    } else if text.contains(['(', ')']) {
        None
    } else {
        Some(UrnPart::Text(text))
    }
}

/// The decimal id of an invitation URN (`urn:li:invitation:N`,
/// `urn:li:fsd_invitation:N`), leading zeros removed.
pub fn invitation_id(text: &str) -> Option<String> {
    let urn = parse(text)?;
    match (urn.entity_type, urn.id) {
        (
            "invitation" | "fsd_invitation" | "fs_relInvitation" | "relInvitation",
            UrnId::Simple(id),
        ) => decimal_id(id),
        _ => None,
    }
}

/// The member id a profile URN names, looking inside compound URNs:
/// `urn:li:fsd_profile:ACoA…` → `ACoA…`, `urn:li:member:123` → `123`.
pub fn member_id(text: &str) -> Option<&str> {
    parse(text).and_then(|urn| member_id_of(&urn))
}

fn member_id_of<'t>(urn: &Urn<'t>) -> Option<&'t str> {
    match &urn.id {
        UrnId::Simple(id)
            if matches!(
                urn.entity_type,
                "fsd_profile" | "fs_profile" | "fs_miniProfile" | "member" | "person"
            ) =>
        {
            Some(id)
        }
        UrnId::Simple(_) => None,
        UrnId::Tuple(parts) => parts.iter().find_map(|part| match part {
            UrnPart::Urn(inner) => member_id_of(inner),
            UrnPart::Text(_) => None,
        }),
    }
}

/// A decimal integer id as a canonical string: ASCII digits only, at most
/// 20 of them (ids are 64-bit), no leading zeros.
pub fn decimal_id(text: &str) -> Option<String> {
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    // u64::MAX has 20 digits: a 20-digit text above it is no 64-bit id
    // (between texts of one length, byte order is numeric order).
    if text.len() == 20 && text > "18446744073709551615" {
        return None;
    }
    let digits = text.trim_start_matches('0');
    Some(if digits.is_empty() { "0" } else { digits }.to_string())
}
