//! Instants and their texts: civil-day arithmetic, ISO 8601 and HTTP dates
//! as JavaScript reads and prints them.

use linkedin_network::normalize::time::{
    civil_from_days, days_from_civil, format_iso, parse_http_date, parse_iso,
};

#[test]
fn civil_day_arithmetic_matches_the_calendar() {
    assert_eq!(days_from_civil(1970, 1, 1), Some(0));
    assert_eq!(days_from_civil(2000, 3, 1), Some(11_017));
    assert_eq!(days_from_civil(2024, 2, 29), Some(19_782));
    assert_eq!(days_from_civil(2023, 2, 29), None);
    assert_eq!(days_from_civil(1969, 12, 31), Some(-1));
    for day in (-800_000..800_000).step_by(997) {
        let (y, m, d) = civil_from_days(day);
        assert_eq!(days_from_civil(y, m, d), Some(day));
    }
}

#[test]
fn instants_read_and_print_like_javascript() {
    let ms = parse_iso("2026-04-26T10:35:00Z").unwrap();
    assert_eq!(ms, 1_777_199_700_000);
    assert_eq!(format_iso(ms), "2026-04-26T10:35:00.000Z");
    assert_eq!(
        parse_iso("2026-04-26T12:35:00.123456+02:00"),
        Some(ms + 123)
    );
    assert_eq!(parse_iso("2026-04-26 10:35:00"), Some(ms));
    assert_eq!(parse_iso("2026-04-26T10:35Z"), Some(ms));
    assert_eq!(
        parse_iso("2026-04-26"),
        Some(ms - (10 * 3600 + 35 * 60) * 1000)
    );
    assert_eq!(format_iso(-1), "1969-12-31T23:59:59.999Z");
    for bad in [
        "2026-04-26T25:00:00Z",
        "2026-02-30T00:00:00Z",
        "26/04/2026",
        "2026-04-26T10:35:00+2",
        "2026-04-26T10:35:00Zjunk",
        "",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
}

#[test]
fn http_dates_read_in_all_three_forms() {
    let expected = parse_iso("1994-11-06T08:49:37Z");
    assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
    assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
    assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), expected);
    for bad in [
        "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 25:00:00 GMT",
        "120",
        "",
    ] {
        assert_eq!(parse_http_date(bad), None, "{bad}");
    }
}

#[test]
fn instants_outside_four_digit_years_print_like_javascript_and_read_back() {
    // Expected strings are what Node prints for new Date(ms).toISOString().
    assert_eq!(
        format_iso(-90_000_000_000_000),
        "-000882-01-06T08:00:00.000Z"
    );
    // new Date(8_640_000_000_000_000).toISOString() === "+275760-09-13T00:00:00.000Z"
    assert_eq!(
        format_iso(8_640_000_000_000_000),
        "+275760-09-13T00:00:00.000Z"
    );
    assert_eq!(
        format_iso(-62_198_755_200_000),
        "-000001-01-01T00:00:00.000Z"
    );
    assert_eq!(format_iso(-62_167_219_200_000), "0000-01-01T00:00:00.000Z");
    for ms in [
        -8_640_000_000_000_000,
        -90_000_000_000_000,
        -62_198_755_200_001,
        253_402_300_800_000,
        8_640_000_000_000_000,
    ] {
        assert_eq!(parse_iso(&format_iso(ms)), Some(ms), "{ms}");
    }
}

#[test]
fn an_age_past_the_range_of_a_javascript_date_is_not_read_as_one() {
    use linkedin_network::normalize::relative_time::resolve;
    let anchor_at = linkedin_network::normalize::relative_time::Anchor::at(1_777_199_700_000);
    let anchor = Some(&anchor_at);
    // Found by fuzzing: 92,233,722,368 seconds is about 2,922 years.
    let far = resolve(
        Some("92233722368s ago"),
        None,
        anchor,
        &|| String::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(far.days, Some(1_067_519));
    assert_eq!(far.at.as_deref(), Some("-000897-07-21T10:35:00.000Z"));
    let beyond = resolve(
        Some("300000 years ago"),
        None,
        anchor,
        &|| String::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!((beyond.days, beyond.at), (None, None));
}
