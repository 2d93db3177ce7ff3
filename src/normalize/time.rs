//! Instants as milliseconds since the Unix epoch (UTC), and the three text
//! forms they arrive in: ISO 8601 (`metadata.timestamp`), HTTP dates (`Date`,
//! `Retry-After`) and month-name dates ("Feb 15, 2024").
//!
//! Hand-written instead of a date crate: the whole need is a few hundred
//! bytes of arithmetic, and the `.wasm` size is a product figure.

pub const MS_PER_DAY: i64 = 86_400_000;

/// The range of a JavaScript `Date`: ±100,000,000 days around 1970.
pub const MAX_JS_MS: i64 = 8_640_000_000_000_000;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`), or `None` for a day that does not exist.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The date of a day count since 1970-01-01: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction (1..=12, 1..=31), so the casts are exact.
    (year, month as u32, day as u32)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DDTHH:MM:SS.sssZ`, the form JavaScript's `toISOString` gives, so
/// callers can compare strings or hand them to `new Date`. Years outside
/// 0000–9999 take JavaScript's extended form, `±YYYYYY`. Written digit by
/// digit: it runs twice per item of a page.
pub fn format_iso(ms: i64) -> String {
    let days = ms.div_euclid(MS_PER_DAY);
    let in_day = ms.rem_euclid(MS_PER_DAY).unsigned_abs();
    let (year, month, day) = civil_from_days(days);
    let mut out = String::with_capacity(27);
    match year {
        0..=9999 => push_padded(&mut out, year.unsigned_abs(), 4),
        _ => {
            out.push(if year < 0 { '-' } else { '+' });
            push_padded(&mut out, year.unsigned_abs(), 6);
        }
    }
    for (separator, value, width) in [
        ('-', u64::from(month), 2),
        ('-', u64::from(day), 2),
        ('T', in_day / 3_600_000, 2),
        (':', in_day / 60_000 % 60, 2),
        (':', in_day / 1000 % 60, 2),
        ('.', in_day % 1000, 3),
    ] {
        out.push(separator);
        push_padded(&mut out, value, width);
    }
    out.push('Z');
    out
}

/// `value` in decimal, zero-padded to `width` digits.
fn push_padded(out: &mut String, value: u64, width: u32) {
    let mut digits = 1;
    let mut rest = value / 10;
    while rest > 0 {
        digits += 1;
        rest /= 10;
    }
    for _ in digits..width {
        out.push('0');
    }
    crate::json::write::write_u64(out, value);
}

/// Reads an ISO 8601 / RFC 3339 instant: `2026-04-26T10:35:00Z`, with an
/// optional fraction, a `±HH:MM` offset, a space for the `T`, or no zone (UTC).
pub fn parse_iso(text: &str) -> Option<i64> {
    let text = text.trim();
    let mut cursor = Cursor::new(text);
    let year = if cursor.eat('+') {
        cursor.digits(6, 6)?
    } else if cursor.eat('-') {
        -cursor.digits(6, 6)?
    } else {
        cursor.digits(4, 4)?
    };
    cursor.expect('-')?;
    let month = cursor.digits(2, 2)?;
    cursor.expect('-')?;
    let day = cursor.digits(2, 2)?;
    let date = days_from_civil(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    if cursor.done() {
        return date.checked_mul(MS_PER_DAY);
    }
    if !(cursor.eat('T') || cursor.eat('t') || cursor.eat(' ')) {
        return None;
    }
    let hour = cursor.digits(2, 2)?;
    cursor.expect(':')?;
    let minute = cursor.digits(2, 2)?;
    let second = if cursor.eat(':') {
        cursor.digits(2, 2)?
    } else {
        0
    };
    let mut millis = 0;
    if cursor.eat('.') || cursor.eat(',') {
        let start = cursor.position;
        let fraction = cursor.digits(1, 18)?;
        let digits = cursor.position - start;
        // Keep milliseconds; further digits are truncated like JavaScript does.
        millis = if digits >= 3 {
            fraction / 10_i64.checked_pow(u32::try_from(digits - 3).ok()?)?
        } else {
            fraction * 10_i64.pow(u32::try_from(3 - digits).ok()?)
        };
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_minutes = if cursor.eat('Z') || cursor.eat('z') || cursor.done() {
        0
    } else {
        let sign = if cursor.eat('+') {
            1
        } else if cursor.eat('-') {
            -1
        } else {
            return None;
        };
        let hours = cursor.digits(2, 2)?;
        cursor.eat(':');
        let minutes = cursor.digits(2, 2)?;
        sign * (hours * 60 + minutes)
    };
    if !cursor.done() {
        return None;
    }
    let seconds = date
        .checked_mul(86_400)?
        .checked_add(hour * 3600 + minute * 60 + second.min(59))?
        .checked_sub(offset_minutes * 60)?;
    seconds.checked_mul(1000)?.checked_add(millis)
}

/// Reads an HTTP date in any of the three forms RFC 9110 says a recipient
/// must accept: IMF-fixdate, RFC 850 and asctime.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let words: Vec<&str> = text
        .split([' ', ','])
        .filter(|word| !word.is_empty())
        .collect();
    let (day, month, year, clock) = match words.as_slice() {
        // Sun, 06 Nov 1994 08:49:37 GMT
        [_, day, month, year, clock, "GMT"] => {
            (*day, *month, crate::text::parse_i64(year)?, *clock)
        }
        // Sunday, 06-Nov-94 08:49:37 GMT
        [_, date, clock, "GMT"] => {
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
            let year = crate::text::parse_i64(year)?;
            // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
            let year = if year < 100 {
                if year < 70 {
                    2000 + year
                } else {
                    1900 + year
                }
            } else {
                year
            };
            (day, month, year, *clock)
        }
        // Sun Nov  6 08:49:37 1994
        [_, month, day, clock, year] => (*day, *month, crate::text::parse_i64(year)?, *clock),
        _ => return None,
    };
    let month = month_number(month)?;
    let day = crate::text::parse_u32(day)?;
    let date = days_from_civil(year, month, day)?;
    let mut clock = clock.split(':').map(crate::text::parse_i64);
    let (hour, minute, second) = (clock.next()??, clock.next()??, clock.next()??);
    if clock.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = date.checked_mul(86_400)? + hour * 3600 + minute * 60 + second.min(59);
    seconds.checked_mul(1000)
}

/// 1-based month of an English month name or its three-letter abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let index = MONTHS.iter().position(|month| *month == prefix)?;
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL.get(index)?;
    let accepted = lower.len() == 3 || full.starts_with(lower.as_str()) || lower == "sept";
    if accepted {
        u32::try_from(index + 1).ok()
    } else {
        None
    }
}

/// A tiny left-to-right reader for fixed-layout dates.
struct Cursor<'t> {
    bytes: &'t [u8],
    position: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Cursor<'t> {
        Cursor {
            bytes: text.as_bytes(),
            position: 0,
        }
    }

    fn done(&self) -> bool {
        self.position >= self.bytes.len()
    }

    fn eat(&mut self, expected: char) -> bool {
        let matches = self
            .bytes
            .get(self.position)
            .is_some_and(|byte| char::from(*byte) == expected);
        if matches {
            self.position += 1;
        }
        matches
    }

    fn expect(&mut self, expected: char) -> Option<()> {
        self.eat(expected).then_some(())
    }

    /// Between `min` and `max` ASCII digits as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<i64> {
        let mut value: i64 = 0;
        let start = self.position;
        while self.position - start < max {
            match self.bytes.get(self.position) {
                Some(byte) if byte.is_ascii_digit() => {
                    value = value * 10 + i64::from(byte - b'0');
                    self.position += 1;
                }
                _ => break,
            }
        }
        (self.position - start >= min).then_some(value)
    }
}
