//! JSON, exactly as far as this crate needs it: a parser into a borrowed
//! document whose numbers stay as the text they were written in (so a 19-digit
//! id can never be rounded, and no float parser is linked), a typed reader that
//! names the path of a field of the wrong type, and a writer for results.
//!
//! Written here instead of depending on serde_json: the whole need is a few
//! hundred lines, it halves the time to read a page, and the `.wasm` size is a
//! product figure. Tests check it against serde_json on arbitrary input.

mod parse;
pub mod read;
pub mod write;

use std::borrow::Cow;

pub use parse::{parse, ParseError, ParseProblem};
pub use read::{parse_object, type_name, Obj, Path};
pub use write::{quoted, to_json_string, to_json_string_sized, ObjectWriter, ToJson};

/// A parsed JSON value borrowing from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    /// The number as written, digits and all.
    Number(&'t str),
    /// Borrowed unless it held escapes.
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    /// Members in document order; a repeated key's last value wins, as in `JSON.parse`.
    Object(Vec<(Cow<'t, str>, Value<'t>)>),
}

/// The member of an object named `key`: the last one, as `JSON.parse` keeps.
pub fn member<'a, 't>(
    members: &'a [(Cow<'t, str>, Value<'t>)],
    key: &str,
) -> Option<&'a Value<'t>> {
    members
        .iter()
        .rev()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value)
}

/// The member named `key` unless it is absent or `null`.
pub fn present<'a, 't>(
    members: &'a [(Cow<'t, str>, Value<'t>)],
    key: &str,
) -> Option<&'a Value<'t>> {
    member(members, key).filter(|value| !value.is_null())
}

impl<'t> Value<'t> {
    /// A member of an object (the last one of that name).
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        match self {
            Value::Object(members) => member(members, key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// A number written as a plain non-negative integer that fits 64 bits.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(digits) => parse_u64(digits),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Plain decimal digits as a `u64`, `None` on anything else or on overflow:
/// [`crate::text::parse_u64`] without its `+`, and at most 20 characters.
pub fn parse_u64(digits: &str) -> Option<u64> {
    if digits.len() > 20 || digits.starts_with('+') {
        return None;
    }
    crate::text::parse_u64(digits)
}
