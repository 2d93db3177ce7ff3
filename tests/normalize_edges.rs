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

/// A linkup-v2 page of sent invitations with these items.
fn linkup_v2_sent(items: &str) -> Result<linkedin_network::model::Page, String> {
    use linkedin_network::http::HttpResponse;
    use linkedin_network::operations::parse_response;
    use linkedin_network::query::Resource;
    let body = format!(
        r#"{{"success":true,"data":{{"invitations":[{items}],"total_available_results":3,
        "pagination":{{"offset":0,"count":3,"has_more":false}}}},
        "metadata":{{"credits_consumed":1,"timestamp":"2026-04-26T10:35:00Z"}}}}"#
    );
    let provider = linkedin_network::providers::find("linkup-v2").unwrap();
    let response = HttpResponse {
        status: 200,
        headers: &[],
        body: &body,
    };
    parse_response(
        provider,
        Resource::SentInvitations,
        &response,
        None,
        Some(0),
    )
    .map_err(|error| error.message)
}

#[test]
fn an_empty_bare_id_is_absent_and_equal_bare_ids_agree() {
    let person = r#""recipient":{"first_name":"Ann"}"#;
    let page = linkup_v2_sent(&format!(
        r#"{{"invitation_id":"","entity_urn":"urn:li:invitation:9007199254740993",{person}}},
           {{"invitation_id":"","id":"77",{person}}},
           {{"invitation_id":"9007199254740995","id":9007199254740995,{person}}}"#
    ))
    .unwrap();
    let ids: Vec<&str> = page
        .items
        .iter()
        .map(|item| match item {
            linkedin_network::model::Item::Invitation(invitation) => invitation.id.as_str(),
            linkedin_network::model::Item::Connection(_) => "a connection",
        })
        .collect();
    assert_eq!(ids, ["9007199254740993", "77", "9007199254740995"]);
    assert_eq!(page.warnings, Vec::<String>::new());
    let refused = linkup_v2_sent(&format!(r#"{{"invitation_id":"12","id":"13",{person}}}"#));
    let message = refused.unwrap_err();
    assert!(
        message.contains("(13) disagrees with invitation_id (12)"),
        "{message}"
    );
}
