//! Relative times ("5d", "Sent yesterday", "3 months ago", "Connected on
//! Feb 15, 2024") resolved against the server's clock into a `RelativeTime`.
//!
//! The arithmetic is SPEC §2's: a week is 7 days, a month 30, a year 365, and
//! `at` is exactly `anchor − days × 24 h`; an absolute date is that day at
//! 00:00 UTC. Text that is not recognized keeps `days`/`at` null and is
//! reported as a warning by the caller, never guessed.

use crate::json::quoted;
use crate::model::{Precision, RelativeTime};
use crate::normalize::time::{days_from_civil, format_iso, month_number, MAX_JS_MS, MS_PER_DAY};

/// What a time text says, before it is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// So many whole days before the anchor, good to `Precision`.
    DaysAgo(i64, Precision),
    /// A calendar date: days since 1970-01-01.
    Date(i64),
}

/// The server clock a page's times are relative to, with its text made once
/// for the whole page rather than once per item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub ms: i64,
    pub iso: String,
}

impl Anchor {
    pub fn at(ms: i64) -> Anchor {
        Anchor {
            ms,
            iso: format_iso(ms),
        }
    }
}

/// Resolves a provider's time text. `days_given` (linkup-v2's
/// `sent_time_days`) wins over the text. `None` when there is nothing at all.
/// Text it cannot read keeps `days` and `at` null and adds a warning naming
/// `place` (the field's path).
pub fn resolve(
    text: Option<&str>,
    days_given: Option<u64>,
    anchor: Option<&Anchor>,
    place: &dyn Fn() -> String,
    warnings: &mut Vec<String>,
) -> Option<RelativeTime> {
    if text.is_none() && days_given.is_none() {
        return None;
    }
    let reading = match days_given.and_then(|days| i64::try_from(days).ok()) {
        Some(days) => Some(Reading::DaysAgo(days, Precision::Day)),
        None => text.and_then(read),
    };
    if let (None, Some(text)) = (reading, text) {
        warnings.push(format!(
            "{}: {} is not a time this library can read; days and at are null",
            place(),
            quoted(text)
        ));
    }
    let (days, at, precision) = match reading {
        Some(Reading::DaysAgo(days, precision)) => {
            let at = anchor.and_then(|Anchor { ms: anchor, .. }| {
                days.checked_mul(MS_PER_DAY)
                    .and_then(|span| anchor.checked_sub(span))
            });
            (Some(days), at, Some(precision))
        }
        Some(Reading::Date(day)) => {
            let at = day.checked_mul(MS_PER_DAY);
            let days = match (anchor, at) {
                (Some(anchor), Some(at)) => Some((anchor.ms - at).div_euclid(MS_PER_DAY)),
                _ => None,
            };
            (days, at, Some(Precision::Day))
        }
        None => (None, None, None),
    };
    // An instant JavaScript cannot hold is no instant for the caller.
    let at = at.filter(|at| at.abs() <= MAX_JS_MS);
    Some(RelativeTime {
        text: text.unwrap_or_default().to_string(),
        days,
        at: at.map(format_iso),
        precision,
        anchor: anchor.map(|anchor| anchor.iso.clone()),
    })
}

/// A time the provider gave as an instant (`at_ms`), with `text` as it was
/// sent: `precision: "exact"`, and `days` the whole days from it to the
/// anchor. `None` for an instant a JavaScript `Date` cannot hold.
pub fn exact(text: &str, at_ms: i64, anchor: Option<&Anchor>) -> Option<RelativeTime> {
    if at_ms.abs() > MAX_JS_MS {
        return None;
    }
    Some(RelativeTime {
        text: text.to_string(),
        days: anchor.map(|anchor| (anchor.ms - at_ms).div_euclid(MS_PER_DAY)),
        at: Some(format_iso(at_ms)),
        precision: Some(Precision::Exact),
        anchor: anchor.map(|anchor| anchor.iso.clone()),
    })
}

/// Reads a time text, case-insensitively, or `None` if it is not one of the
/// forms providers use.
pub fn read(text: &str) -> Option<Reading> {
    // ASCII lower-casing: the words are English, and Unicode case tables
    // would cost the .wasm kilobytes for nothing.
    let lower = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    // "Sent 2 days ago", "Connected on Feb 15, 2024", "Received yesterday".
    if let Some(first) = words.first() {
        if matches!(
            *first,
            "sent" | "received" | "connected" | "invited" | "accepted"
        ) {
            words.remove(0);
        }
    }
    if words.first() == Some(&"on") {
        words.remove(0);
    }
    match words.as_slice() {
        ["today"] | ["now"] | ["just", "now"] | ["moments", "ago"] | ["a", "moment", "ago"] => {
            Some(Reading::DaysAgo(0, Precision::Day))
        }
        ["yesterday"] => Some(Reading::DaysAgo(1, Precision::Day)),
        [compact] | [compact, "ago"] => read_compact(compact).or_else(|| read_iso_date(compact)),
        [amount, unit] | [amount, unit, "ago"] => days_ago(read_amount(amount)?, unit_of(unit)?),
        [month, day, year] if month_number(month).is_some() => read_date(year, month, day),
        [day, month, year] => read_date(year, month, day),
        _ => None,
    }
}

/// "5d", "3w", "2mo", "1y", "4h", "30m", "10s".
fn read_compact(word: &str) -> Option<Reading> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let (amount, unit) = (word.get(..split)?, word.get(split..)?);
    days_ago(crate::text::parse_i64(amount)?, unit_of(unit)?)
}

fn read_amount(word: &str) -> Option<i64> {
    match word {
        "a" | "an" | "one" => Some(1),
        digits => crate::text::parse_i64(digits).filter(|amount| *amount >= 0),
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => Unit::Second,
        "m" | "min" | "mins" | "minute" | "minutes" => Unit::Minute,
        "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Hour,
        "d" | "day" | "days" => Unit::Day,
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Week,
        "mo" | "mos" | "month" | "months" => Unit::Month,
        "y" | "yr" | "yrs" | "year" | "years" => Unit::Year,
        _ => return None,
    })
}

fn days_ago(amount: i64, unit: Unit) -> Option<Reading> {
    let (days, precision) = match unit {
        // Under a day the text says "today" as far as the model goes: whole days.
        Unit::Second => (amount / 86_400, Precision::Day),
        Unit::Minute => (amount / 1_440, Precision::Day),
        Unit::Hour => (amount / 24, Precision::Day),
        Unit::Day => (amount, Precision::Day),
        Unit::Week => (amount.checked_mul(7)?, Precision::Week),
        Unit::Month => (amount.checked_mul(30)?, Precision::Month),
        Unit::Year => (amount.checked_mul(365)?, Precision::Year),
    };
    // Beyond the range of a JavaScript `Date` the text is not a real age.
    (days <= MAX_JS_MS / MS_PER_DAY).then_some(Reading::DaysAgo(days, precision))
}

fn read_date(year: &str, month: &str, day: &str) -> Option<Reading> {
    let year = crate::text::parse_i64(year).filter(|year| (1000..=9999).contains(year))?;
    let day = crate::text::parse_u32(day.trim_end_matches(|c: char| c.is_ascii_alphabetic()))?;
    days_from_civil(year, month_number(month)?, day).map(Reading::Date)
}

/// "2024-02-15".
fn read_iso_date(word: &str) -> Option<Reading> {
    let mut parts = word.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    days_from_civil(
        crate::text::parse_i64(year)?,
        crate::text::parse_u32(month)?,
        crate::text::parse_u32(day)?,
    )
    .map(Reading::Date)
}

/// The clock a response's relative times are measured from: the provider's
/// own timestamp, else the response's `Date` header, else the caller's clock.
/// A timestamp that cannot be read is skipped with a warning, not trusted.
pub fn anchor(
    timestamp: Option<&str>,
    date_header: Option<&str>,
    now_ms: Option<i64>,
    warnings: &mut Vec<String>,
) -> Option<Anchor> {
    if let Some(text) = timestamp {
        match crate::normalize::time::parse_iso(text).filter(|ms| ms.abs() <= MAX_JS_MS) {
            Some(ms) => return Some(Anchor::at(ms)),
            None => warnings.push(format!(
                "metadata.timestamp {} is not an ISO 8601 instant; the Date header or the local clock is used",
                quoted(text)
            )),
        }
    }
    date_header
        .and_then(crate::normalize::time::parse_http_date)
        .or(now_ms)
        .filter(|ms| ms.abs() <= MAX_JS_MS)
        .map(Anchor::at)
}
