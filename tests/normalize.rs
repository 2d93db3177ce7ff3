//! The shared normalizers on their own: URNs, profile URLs, names, times.

use linkedin_network::model::Precision;
use linkedin_network::normalize::names::person_names;
use linkedin_network::normalize::profile_url::{
    canonical_profile_url, percent_decode, percent_encode,
};
use linkedin_network::normalize::relative_time::{read, Reading};
use linkedin_network::normalize::time::{
    civil_from_days, days_from_civil, format_iso, parse_http_date, parse_iso,
};
use linkedin_network::normalize::urn::{self, Urn, UrnId, UrnPart};

#[test]
fn compound_urns_parse_into_nested_parts() {
    let text = "urn:li:fsd_discoveryEntityViewModel:(urn:li:fsd_profile:ACoAAB1x,PYMK)";
    let parsed = urn::parse(text).unwrap();
    assert_eq!(parsed.entity_type, "fsd_discoveryEntityViewModel");
    assert_eq!(
        parsed.id,
        UrnId::Tuple(vec![
            UrnPart::Urn(Urn {
                namespace: "li",
                entity_type: "fsd_profile",
                id: UrnId::Simple("ACoAAB1x")
            }),
            UrnPart::Text("PYMK"),
        ])
    );
    assert_eq!(urn::member_id(text), Some("ACoAAB1x"));
    // Nested tuples and commas inside them.
    let nested = "urn:li:activity:(urn:li:x:(a,b),urn:li:member:42)";
    assert_eq!(urn::member_id(nested), Some("42"));
    for broken in [
        "urn:li:x:(a,b",
        "urn:li:x:a,b)",
        "urn:li:x:((a)",
        "urn:li:x:",
        "urn::x:1",
        "li:invitation:1",
        "urn:li:x:(a,b))",
    ] {
        assert!(urn::parse(broken).is_none(), "{broken}");
    }
}

#[test]
fn invitation_urns_give_exact_decimal_ids() {
    assert_eq!(
        urn::invitation_id("urn:li:invitation:7331558767219683329").as_deref(),
        Some("7331558767219683329")
    );
    assert_eq!(
        urn::invitation_id("urn:li:fsd_invitation:0007").as_deref(),
        Some("7")
    );
    assert_eq!(urn::invitation_id("urn:li:fsd_profile:ACoA"), None);
    assert_eq!(urn::invitation_id("urn:li:invitation:12a"), None);
    assert_eq!(
        urn::invitation_id("urn:li:invitation:99999999999999999999"),
        None,
        "above u64"
    );
    assert_eq!(
        urn::member_id("urn:li:fsd_profile:ACoAADPy0Ykx"),
        Some("ACoAADPy0Ykx")
    );
}

#[test]
fn every_profile_url_form_becomes_one_canonical_url() {
    let cases = [
        (
            "https://www.linkedin.com/in/jane-doe-42/",
            "https://www.linkedin.com/in/jane-doe-42",
            Some("jane-doe-42"),
            None,
        ),
        (
            "http://uk.linkedin.com/in/jane/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "HTTPS://WWW.LinkedIn.COM/in/jane?trk=x#y",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "linkedin.com/in/jane",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "//www.linkedin.com/in/jane",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "/in/jane/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "https://www.linkedin.com:443/in/jane/details/experience/",
            "https://www.linkedin.com/in/jane",
            Some("jane"),
            None,
        ),
        (
            "https://www.linkedin.com/in/%c3%a9lodie",
            "https://www.linkedin.com/in/%C3%A9lodie",
            Some("élodie"),
            None,
        ),
        (
            "https://www.linkedin.com/in/élodie",
            "https://www.linkedin.com/in/%C3%A9lodie",
            Some("élodie"),
            None,
        ),
        (
            "https://www.linkedin.com/in/50%25-off",
            "https://www.linkedin.com/in/50%25-off",
            Some("50%-off"),
            None,
        ),
        (
            "https://www.linkedin.com/in/bad%zzescape",
            "https://www.linkedin.com/in/bad%25zzescape",
            Some("bad%zzescape"),
            None,
        ),
        (
            "https://www.linkedin.com/in/ACoAADPy0Yk",
            "https://www.linkedin.com/in/ACoAADPy0Yk",
            None,
            Some("ACoAADPy0Yk"),
        ),
        (
            "https://www.linkedin.com/in/%FF%FE",
            "https://www.linkedin.com/in/%FF%FE",
            None,
            None,
        ),
    ];
    for (raw, url, public_identifier, member_id) in cases {
        let link = canonical_profile_url(raw).unwrap_or_else(|| panic!("{raw}"));
        assert_eq!(link.url, url, "{raw}");
        assert_eq!(
            link.public_identifier.as_deref(),
            public_identifier,
            "{raw}"
        );
        assert_eq!(link.member_id.as_deref(), member_id, "{raw}");
    }
    for foreign in [
        "https://example.com/in/jane",
        "https://linkedin.com.evil.io/in/jane",
        "https://user@www.linkedin.com/in/x",
        "https://www.linkedin.com/",
        "jane-doe",
        "",
    ] {
        assert!(canonical_profile_url(foreign).is_none(), "{foreign}");
    }
}

#[test]
fn percent_encoding_round_trips_every_byte() {
    let all: Vec<u8> = (0..=255).collect();
    let encoded = percent_encode(&all);
    assert!(encoded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
    assert!(!encoded
        .chars()
        .any(|c| c.is_ascii_lowercase() && encoded.contains(&format!("%{c}"))));
    assert_eq!(percent_decode(&encoded), all);
}

#[test]
fn names_split_and_join() {
    assert_eq!(
        person_names(Some("Jean-Luc Picard de la Barre"), None, None),
        (
            Some("Jean-Luc Picard de la Barre".into()),
            Some("Jean-Luc".into()),
            Some("Picard de la Barre".into())
        )
    );
    assert_eq!(
        person_names(Some("Cher"), None, None),
        (Some("Cher".into()), Some("Cher".into()), None)
    );
    assert_eq!(
        person_names(None, Some("Bob"), Some("Williams")),
        (
            Some("Bob Williams".into()),
            Some("Bob".into()),
            Some("Williams".into())
        )
    );
    assert_eq!(
        person_names(None, None, Some("Williams")),
        (Some("Williams".into()), None, Some("Williams".into()))
    );
    assert_eq!(person_names(Some("  "), Some(""), None), (None, None, None));
    assert_eq!(
        person_names(Some("Robert Williams"), Some("Bob"), None),
        (Some("Robert Williams".into()), Some("Bob".into()), None)
    );
}

#[test]
fn relative_time_forms_read_as_days_and_precision() {
    let days = |text: &str| match read(text) {
        Some(Reading::DaysAgo(days, precision)) => Some((days, precision)),
        _ => None,
    };
    use Precision::*;
    let cases = [
        ("5d", (5, Day)),
        ("1d", (1, Day)),
        ("Sent yesterday", (1, Day)),
        ("Sent today", (0, Day)),
        ("today", (0, Day)),
        ("2 days ago", (2, Day)),
        ("1 week ago", (7, Week)),
        ("2 weeks ago", (14, Week)),
        ("1 month ago", (30, Month)),
        ("3 months ago", (90, Month)),
        ("5 hours ago", (0, Day)),
        ("just now", (0, Day)),
        ("JUST NOW", (0, Day)),
        ("an hour ago", (0, Day)),
        ("a week ago", (7, Week)),
        ("2y", (730, Year)),
        ("3w", (21, Week)),
        ("4mo", (120, Month)),
        ("Sent 2 weeks ago", (14, Week)),
        ("Received 1 day ago", (1, Day)),
        ("  5d  ", (5, Day)),
        ("10 min ago", (0, Day)),
        ("49 hours ago", (2, Day)),
        ("1 yr ago", (365, Year)),
        ("Sent 5d ago", (5, Day)),
    ];
    for (text, expected) in cases {
        assert_eq!(days(text), Some(expected), "{text}");
    }
    for nonsense in [
        "",
        "soon",
        "5",
        "d5",
        "-5d",
        "5 parsecs ago",
        "Sent",
        "99999999999999999999d",
        "9223372036854775807 years ago",
    ] {
        assert_eq!(read(nonsense), None, "{nonsense}");
    }
}

#[test]
fn absolute_dates_read_as_calendar_days() {
    let feb15 = days_from_civil(2024, 2, 15).unwrap();
    for text in [
        "Connected on Feb 15, 2024",
        "Connected on February 15, 2024",
        "Feb 15 2024",
        "15 Feb 2024",
        "on 2024-02-15",
        "Sent on feb. 15, 2024",
    ] {
        assert_eq!(read(text), Some(Reading::Date(feb15)), "{text}");
    }
    for bad in [
        "Connected on Feb 30, 2024",
        "Connected on Foo 15, 2024",
        "Connected on Feb 15, 24",
        "2024-13-01",
    ] {
        assert_eq!(read(bad), None, "{bad}");
    }
}

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
