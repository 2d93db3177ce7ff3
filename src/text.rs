//! Substring search without core's two-way `StrSearcher`: `str::contains`
//! and `split_once` with a `&str` pattern link it, and its panic path
//! (`slice_error_fail`, which formats the offending char with `{:?}`) pulls
//! ~5 KB of searcher and formatting code into the `.wasm`. The texts searched
//! here (error messages, secrets in them) are short, so a naive scan is as
//! fast.

/// The byte offset of the first `needle` in `haystack`.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack` split around the first `separator`, as `str::split_once` does.
pub fn split_once<'t>(haystack: &'t str, separator: &str) -> Option<(&'t str, &'t str)> {
    let at = find(haystack, separator)?;
    // A match of whole UTF-8 sequences starts and ends on char boundaries.
    let after = at.checked_add(separator.len())?;
    Some((haystack.get(..at)?, haystack.get(after..)?))
}

/// `parts` with `separator` between them, as `[S]::join` does; that one's
/// copy loop, linked once per element type, is 1 KB of `.wasm` each.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// `text.parse::<u64>()` without core's generic integer parser (linked once
/// per integer type): an optional `+`, then one or more ASCII digits, in range.
pub fn parse_u64(text: &str) -> Option<u64> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u64, |value, byte| {
        let digit = byte.checked_sub(b'0').filter(|digit| *digit < 10)?;
        value.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// `text.parse::<u32>()`, as [`parse_u64`].
pub fn parse_u32(text: &str) -> Option<u32> {
    parse_u64(text).and_then(|value| u32::try_from(value).ok())
}

/// `text.parse::<i64>()`: an optional `+` or `-`, then one or more ASCII
/// digits, in range (`i64::MIN` included).
pub fn parse_i64(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0i64, |value, byte| {
        let digit = i64::from(byte.checked_sub(b'0').filter(|digit| *digit < 10)?);
        let value = value.checked_mul(10)?;
        if negative {
            value.checked_sub(digit)
        } else {
            value.checked_add(digit)
        }
    })
}
