//! Exact 64-bit invitation ids, read from the raw response and checked
//! against the URN that carries the same id.
//!
//! The JSON layer keeps a number as the text it was written in, so a bare
//! integer id keeps every digit — the whole point: `JSON.parse` would round
//! 7331558767219683329 to …328. Where a bare id and a URN disagree, the URN's
//! digits win and the page says so in its warnings (SPEC §2).

use crate::error::Error;
use crate::json::{quoted, type_name, Obj, Value};
use crate::normalize::urn;

/// A bare id field: a JSON integer or a decimal string, as an exact string.
pub fn bare_id(item: &Obj<'_, '_>, key: &'static str) -> Result<Option<String>, Error> {
    match item.raw(key) {
        None => Ok(None),
        Some(Value::String(text)) if text.is_empty() => Ok(None),
        Some(Value::String(text)) => urn::decimal_id(text)
            .map(Some)
            .ok_or_else(|| item.wrong(key, "should be a decimal id")),
        // Digits as written, leading zeros dropped: the exact integer.
        Some(Value::Number(number)) => match urn::decimal_id(number) {
            Some(id) => Ok(Some(id)),
            // A float or a negative number: its digits are already lost.
            None => Err(item.wrong(key, "should be an exact integer id, got an inexact number")),
        },
        Some(other) => Err(item.wrong(
            key,
            &format!("should be an integer id, got {}", type_name(other)),
        )),
    }
}

/// The exact id of an invitation item and its URN as sent.
///
/// `bare_keys` are the item's plain id fields (in order of trust), `urn_key`
/// its URN field. The URN's digits win over any bare id; bare ids that
/// disagree with it (or cannot be read) become warnings.
pub fn invitation_id(
    item: &Obj<'_, '_>,
    bare_keys: &[&'static str],
    urn_key: &'static str,
    warnings: &mut Vec<String>,
) -> Result<(String, Option<String>), Error> {
    let urn_text = item.text(urn_key)?;
    let from_urn = urn_text.and_then(urn::invitation_id);
    if let (Some(text), None) = (urn_text, &from_urn) {
        warnings.push(format!(
            "{}: {} is not an invitation URN",
            item.path_of(urn_key),
            quoted(text)
        ));
    }
    let urn_text = urn_text.map(str::to_string);
    match from_urn {
        Some(id) => {
            for key in bare_keys {
                match bare_id(item, key) {
                    Ok(Some(bare)) if bare != id => warnings.push(format!(
                        "{}: {bare} disagrees with {urn_key}; the URN's id {id} is used",
                        item.path_of(key)
                    )),
                    Ok(_) => {}
                    Err(error) => {
                        warnings.push(format!("{}; the URN's id {id} is used", error.message))
                    }
                }
            }
            Ok((id, urn_text))
        }
        None => {
            let mut found: Option<(&'static str, String)> = None;
            for key in bare_keys {
                if let Some(bare) = bare_id(item, key)? {
                    match &found {
                        Some((first_key, first)) if *first != bare => {
                            return Err(item.wrong(
                                key,
                                &format!("({bare}) disagrees with {first_key} ({first}) and there is no URN to settle it"),
                            ))
                        }
                        Some(_) => {}
                        None => found = Some((key, bare)),
                    }
                }
            }
            match found {
                Some((_, id)) => Ok((id, urn_text)),
                None if urn_text.is_some() => Err(item.wrong(
                    urn_key,
                    "holds no invitation id this library can read, and there is no other id field",
                )),
                None => Err(item.wrong(urn_key, "is missing, and so is every other id field")),
            }
        }
    }
}
