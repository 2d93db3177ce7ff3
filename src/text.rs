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
