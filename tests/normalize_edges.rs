//! Edges of the normalizers' small readers (survivors of `make mutants` in
//! src/normalize: the JavaScript Date range, ISO dates inside relative
//! texts, URN nesting and which URNs name a member).

use linkedin_network::normalize::relative_time::{exact, read, Reading};
use linkedin_network::normalize::time::{days_from_civil, MAX_JS_MS};
use linkedin_network::normalize::urn::{member_id, parse};

#[test]
fn an_exact_instant_is_kept_up_to_the_javascript_date_range_and_not_past_it() {
    assert!(exact("max", MAX_JS_MS, None).is_some());
    assert!(exact("min", -MAX_JS_MS, None).is_some());
    assert!(exact("past", MAX_JS_MS + 1, None).is_none());
    assert!(exact("before", -MAX_JS_MS - 1, None).is_none());
}

#[test]
fn an_iso_date_in_a_text_needs_four_two_two_digits() {
    let day = days_from_civil(2024, 2, 15).unwrap();
    assert!(matches!(read("Connected on 2024-02-15"), Some(Reading::Date(d)) if d == day));
    for text in [
        "2024-2-15",
        "2024-02-5",
        "24-02-15",
        "02024-02-15",
        "2024-002-15",
        "2024-02-015",
        "2024-02-15-01",
    ] {
        assert!(!matches!(read(text), Some(Reading::Date(_))), "{text}");
    }
}

#[test]
fn urns_nest_to_eight_levels_and_no_deeper() {
    let nest = |levels: usize| {
        let mut text = "urn:li:fsd_profile:ACoAAB".to_string();
        for _ in 0..levels {
            text = format!("urn:li:fsd_invitation:({text},1)");
        }
        text
    };
    assert!(parse(&nest(8)).is_some(), "8 levels of nesting");
    assert!(parse(&nest(9)).is_none(), "9 levels are refused");
    assert_eq!(member_id(&nest(3)), Some("ACoAAB"));
}

#[test]
fn only_profile_and_member_urns_name_a_member() {
    for kind in [
        "fsd_profile",
        "fs_profile",
        "fs_miniProfile",
        "member",
        "person",
    ] {
        assert_eq!(
            member_id(&format!("urn:li:{kind}:ACoAAB12")),
            Some("ACoAAB12"),
            "{kind}"
        );
    }
    for kind in [
        "company",
        "fsd_company",
        "organization",
        "invitation",
        "fsd_invitation",
    ] {
        assert_eq!(
            member_id(&format!("urn:li:{kind}:ACoAAB12")),
            None,
            "{kind}"
        );
    }
}
