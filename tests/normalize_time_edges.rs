//! The calendar and the instant readers at their edges, against a day-by-day
//! walk of the Gregorian calendar written independently here (survivors of
//! `make mutants` in src/normalize/time.rs: leap years, month lengths,
//! field bounds, fractions, offsets, two-digit years).

use linkedin_network::normalize::time::{
    civil_from_days, days_from_civil, format_iso, month_number, parse_http_date, parse_iso,
};

const DAY_MS: i64 = 86_400_000;

fn walk_month_lengths(year: i64) -> [u32; 12] {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
}

#[test]
fn every_day_from_1600_to_2400_converts_both_ways_like_a_walk_of_the_calendar() {
    let mut days = days_from_civil(1600, 1, 1).unwrap();
    for year in 1600..2401 {
        for (month, length) in (1u32..).zip(walk_month_lengths(year)) {
            for day in 1..=length {
                assert_eq!(civil_from_days(days), (year, month, day), "day {days}");
                assert_eq!(days_from_civil(year, month, day), Some(days));
                days += 1;
            }
            assert_eq!(
                days_from_civil(year, month, length + 1),
                None,
                "{year}-{month}-{}",
                length + 1
            );
        }
    }
    assert_eq!(days_from_civil(1970, 1, 1), Some(0));
    assert_eq!(days_from_civil(2000, 0, 1), None);
    assert_eq!(days_from_civil(2000, 13, 1), None);
    assert_eq!(days_from_civil(2000, 1, 0), None);
}

#[test]
fn iso_dates_refuse_days_their_month_lacks() {
    assert_eq!(
        parse_iso("2024-02-29"),
        Some(days_from_civil(2024, 2, 29).unwrap() * DAY_MS)
    );
    for text in [
        "2023-02-29",
        "1900-02-29",
        "2023-04-31",
        "2023-06-31",
        "2023-09-31",
        "2023-11-31",
        "2023-13-01",
    ] {
        assert_eq!(parse_iso(text), None, "{text}");
    }
    assert!(parse_iso("2000-02-29").is_some());
}

#[test]
fn iso_clock_fields_are_bounded_and_fractions_scaled() {
    let base = parse_iso("2026-04-26T00:00:00Z").unwrap();
    assert_eq!(
        parse_iso("2026-04-26T23:59:59Z"),
        Some(base + DAY_MS - 1000)
    );
    assert_eq!(
        parse_iso("2026-04-26T23:59:60Z"),
        Some(base + DAY_MS - 1000),
        "a leap second reads as :59"
    );
    for text in [
        "2026-04-26T24:00:00Z",
        "2026-04-26T23:60:00Z",
        "2026-04-26T23:59:61Z",
    ] {
        assert_eq!(parse_iso(text), None, "{text}");
    }
    assert_eq!(parse_iso("2026-04-26T00:00:00.5Z"), Some(base + 500));
    assert_eq!(parse_iso("2026-04-26T00:00:00.25Z"), Some(base + 250));
    assert_eq!(parse_iso("2026-04-26T00:00:00.123Z"), Some(base + 123));
    assert_eq!(
        parse_iso("2026-04-26T00:00:00.123999Z"),
        Some(base + 123),
        "truncated, not rounded"
    );
    assert_eq!(parse_iso("2026-04-26T01:30:00+01:30"), Some(base));
    assert_eq!(parse_iso("2026-04-25T22:30:00-01:30"), Some(base));
    assert_eq!(
        parse_iso("2026-04-26T10:35:07Z"),
        Some(base + (10 * 3600 + 35 * 60 + 7) * 1000)
    );
    assert_eq!(
        parse_iso("-000001-01-01T00:00:00Z"),
        Some(days_from_civil(-1, 1, 1).unwrap() * DAY_MS)
    );
    assert_eq!(
        parse_iso("+010000-01-01T00:00:00Z"),
        Some(days_from_civil(10_000, 1, 1).unwrap() * DAY_MS)
    );
}

#[test]
fn iso_output_pads_every_field() {
    let at = parse_iso("2026-01-02T03:04:05.006Z").unwrap();
    assert_eq!(format_iso(at), "2026-01-02T03:04:05.006Z");
    let at = parse_iso("2026-10-12T13:14:15.016Z").unwrap();
    assert_eq!(format_iso(at), "2026-10-12T13:14:15.016Z");
    assert_eq!(format_iso(-1), "1969-12-31T23:59:59.999Z");
}

#[test]
fn http_dates_are_bounded_and_read_two_digit_years_per_rfc_9110() {
    let fixdate = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
    assert_eq!(
        parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"),
        Some(fixdate)
    );
    assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), Some(fixdate));
    let y2069 = days_from_civil(2069, 11, 6).unwrap() * DAY_MS;
    let y1970 = days_from_civil(1970, 11, 6).unwrap() * DAY_MS;
    let y2000 = days_from_civil(2000, 11, 6).unwrap() * DAY_MS;
    assert_eq!(parse_http_date("Wed, 06-Nov-69 00:00:00 GMT"), Some(y2069));
    assert_eq!(parse_http_date("Fri, 06-Nov-70 00:00:00 GMT"), Some(y1970));
    assert_eq!(parse_http_date("Mon, 06-Nov-00 00:00:00 GMT"), Some(y2000));
    let y0100 = days_from_civil(100, 11, 6).unwrap() * DAY_MS;
    assert_eq!(
        parse_http_date("Sun, 06-Nov-100 00:00:00 GMT"),
        Some(y0100),
        "three digits are the year as written"
    );
    let midnight = days_from_civil(1994, 11, 6).unwrap() * DAY_MS;
    assert_eq!(
        parse_http_date("Sun, 06 Nov 1994 23:59:59 GMT"),
        Some(midnight + DAY_MS - 1000)
    );
    assert_eq!(
        parse_http_date("Sun, 06 Nov 1994 23:59:60 GMT"),
        Some(midnight + DAY_MS - 1000)
    );
    for text in [
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 23:60:00 GMT",
        "Sun, 06 Nov 1994 23:59:61 GMT",
        "Sun, 06 Nov 1994 08:49:37:01 GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT",
    ] {
        assert_eq!(parse_http_date(text), None, "{text}");
    }
}

#[test]
fn month_names_read_full_abbreviated_or_as_a_prefix_and_nothing_else() {
    let names = [
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
    for (number, name) in (1u32..).zip(names) {
        assert_eq!(month_number(name), Some(number), "{name}");
        assert_eq!(month_number(&name[..3]), Some(number), "{name}");
        let capital = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
        assert_eq!(month_number(&capital), Some(number), "{capital}");
    }
    assert_eq!(month_number("janu"), Some(1), "a longer prefix of the name");
    assert_eq!(month_number("Sept"), Some(9));
    assert_eq!(month_number("Feb."), Some(2));
    for text in ["", "ja", "januaryx", "janx", "xan", "13", "febuary"] {
        assert_eq!(month_number(text), None, "{text}");
    }
}

#[test]
fn an_iso_instant_reads_its_zone_as_z_either_case_none_or_an_offset_with_or_without_colon() {
    let utc = parse_iso("2024-02-15T10:20:30Z").unwrap();
    assert_eq!(parse_iso("2024-02-15T10:20:30z"), Some(utc));
    assert_eq!(
        parse_iso("2024-02-15T10:20:30"),
        Some(utc),
        "no zone is UTC"
    );
    let hour = 3_600_000;
    assert_eq!(parse_iso("2024-02-15T10:20:30+01:00"), Some(utc - hour));
    assert_eq!(parse_iso("2024-02-15T10:20:30+0100"), Some(utc - hour));
    assert_eq!(
        parse_iso("2024-02-15T10:20:30-0130"),
        Some(utc + hour * 3 / 2)
    );
    for text in [
        "2024-02-15T10:20:30z+01:00",
        "2024-02-15T10:20:30Z+01:00",
        "2024-02-15T10:20:30+010",
        "2024-02-15T10:20:30+01000",
        "2024-02-15T10:20:30+1",
    ] {
        assert_eq!(parse_iso(text), None, "{text}");
    }
}
