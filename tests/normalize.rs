//! The shared normalizers on their own: URNs, profile URLs, names, relative
//! times (instants and their texts: tests/normalize_time.rs).

use linkedin_network::model::Precision;
use linkedin_network::normalize::names::person_names;
use linkedin_network::normalize::relative_time::{read, Reading};
use linkedin_network::normalize::time::days_from_civil;
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
    // The edges of 64 bits, and zeros: the digits' own value, printed canonically.
    for (digits, id) in [
        ("18446744073709551615", Some("18446744073709551615")),
        ("18446744073709551616", None),
        ("09446744073709551616", Some("9446744073709551616")),
        ("00000000000000000000", Some("0")),
        ("000000000000000000001", None),
        ("0", Some("0")),
        ("", None),
    ] {
        assert_eq!(urn::decimal_id(digits).as_deref(), id, "{digits}");
        assert_eq!(
            urn::decimal_id(digits),
            digits
                .parse::<u64>()
                .ok()
                .filter(|_| digits.len() <= 20)
                .map(|n| n.to_string()),
            "{digits} as u64"
        );
    }
    assert_eq!(
        urn::member_id("urn:li:fsd_profile:ACoAADPy0Ykx"),
        Some("ACoAADPy0Ykx")
    );
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
