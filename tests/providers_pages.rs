//! Linkup's page arithmetic at its edges (survivors of `make mutants` in
//! src/providers): linkup-v1's page grid, its first call, the position,
//! `has_more` and credits a page reports with and without `pagination`;
//! linkup-v2's `has_more` when the flag is missing.

use linkedin_network::error::Error;
use linkedin_network::http::HttpResponse;
use linkedin_network::model::Page;
use linkedin_network::operations::parse_response;
use linkedin_network::plan::PlannedCall;
use linkedin_network::providers::{self, Provider};
use linkedin_network::query::Resource;

fn provider(id: &str) -> &'static dyn Provider {
    providers::find(id).unwrap()
}

fn answer(id: &str, status: u16, body: &str, call: Option<&PlannedCall>) -> Result<Page, Error> {
    let response = HttpResponse {
        status,
        headers: &[],
        body,
    };
    parse_response(
        provider(id),
        Resource::Connections,
        &response,
        call,
        Some(0),
    )
}

/// A linkup-v1 connections page of `count` people, `pagination` as given.
fn v1_body(count: usize, total: u64, pagination: &str) -> String {
    let people: Vec<String> = (0..count)
        .map(|n| format!(r#"{{"name":"P {n}","profile_url":"https://www.linkedin.com/in/p-{n}"}}"#))
        .collect();
    format!(
        r#"{{"status":"success","data":{{"total_available_results":{total},"connections":[{}]{pagination}}}}}"#,
        people.join(",")
    )
}

#[test]
fn linkup_v1_first_call_reaches_the_end_of_its_page() {
    let v1 = provider("linkup-v1");
    for (offset, limit) in [(0, 10), (5, 5), (9, 1), (10, 10), (37, 3)] {
        assert_eq!(
            v1.first_call_limit(Resource::Connections, offset),
            limit,
            "{offset}"
        );
    }
}

/// A planned call as (offset, count, credits, start_page, end_page).
type CallSummary = (u64, u64, u64, Option<u64>, Option<u64>);

#[test]
fn linkup_v1_plans_ten_pages_a_call_on_the_page_grid() {
    let v1 = provider("linkup-v1");
    let summary = |offset, limit| -> Vec<CallSummary> {
        v1.plan(Resource::Connections, offset, limit)
            .iter()
            .map(|c| {
                (
                    c.offset,
                    c.count,
                    c.credits,
                    c.param("start_page"),
                    c.param("end_page"),
                )
            })
            .collect()
    };
    assert_eq!(
        summary(0, 250),
        [
            (0, 100, 10, Some(1), Some(10)),
            (100, 100, 10, Some(11), Some(20)),
            (200, 50, 5, Some(21), Some(25)),
        ]
    );
    assert_eq!(summary(15, 10), [(15, 10, 2, Some(2), Some(3))]);
    assert_eq!(summary(5, 0), []);
    assert_eq!(summary(0, 0), []);
}

#[test]
fn linkup_v1_reads_its_position_has_more_and_credits_from_pagination() {
    let page = |pagination: &str, total| {
        answer("linkup-v1", 200, &v1_body(3, total, pagination), None).unwrap()
    };
    let paged = page(
        r#","pagination":{"start_page":3,"end_page":4,"results_per_page":25}"#,
        101,
    );
    assert_eq!(
        (paged.offset, paged.has_more, paged.credits_used),
        (50, true, 2)
    );
    let last = page(
        r#","pagination":{"start_page":3,"end_page":3,"results_per_page":10,"pages_fetched":1}"#,
        30,
    );
    assert_eq!(
        (last.offset, last.has_more, last.credits_used),
        (20, false, 1)
    );
    // A page size of 0 is no page size: the documented 10.
    let zero = page(
        r#","pagination":{"start_page":3,"end_page":3,"results_per_page":0}"#,
        31,
    );
    assert_eq!((zero.offset, zero.has_more), (20, true));
    // Total-results mode has no pagination: the list's head, more while short of the total.
    let head = page("", 25);
    assert_eq!(
        (head.offset, head.has_more, head.credits_used),
        (0, true, 1)
    );
    assert!(!page("", 3).has_more);
    assert!(!page("", 2).has_more);
}

#[test]
fn linkup_v1_success_words_under_an_error_status_are_an_error() {
    let error = answer("linkup-v1", 503, &v1_body(1, 1, ""), None).unwrap_err();
    assert_eq!(error.status, Some(503));
}

#[test]
fn linkup_v2_without_has_more_has_more_while_short_of_the_total() {
    let page = |total: u64| {
        let body = format!(
            r#"{{"success":true,"data":{{"connections":[{{"first_name":"A","linkedin_url":"https://www.linkedin.com/in/a"}},
            {{"first_name":"B","linkedin_url":"https://www.linkedin.com/in/b"}}],
            "total_available_results":{total},"pagination":{{"offset":4}}}}}}"#
        );
        answer("linkup-v2", 200, &body, None).unwrap()
    };
    assert!(page(7).has_more);
    assert!(!page(6).has_more);
    assert!(!page(5).has_more);
}

fn person_of(page: &Page, index: usize) -> &linkedin_network::model::Person {
    match &page.items[index] {
        linkedin_network::model::Item::Connection(connection) => &connection.person,
        linkedin_network::model::Item::Invitation(invitation) => &invitation.person,
    }
}

#[test]
fn connectsafely_reads_every_person_field_an_item_carries() {
    let body = r#"{"success":true,"startIndex":0,"limit":12,"connections":[
        {"firstName":"Grace","vanityName":"grace-h","memberId":"ACoAAB1","memberUrn":"urn:li:member:987",
         "profilePicture":"https://media.licdn.com/p.jpg","profileUrl":"https://www.linkedin.com/in/grace-h/"},
        {"firstName":"Alan","profileUrl":"https://www.linkedin.com/in/alan-t-99"}]}"#;
    let page = answer("connectsafely", 200, body, None).unwrap();
    let grace = person_of(&page, 0);
    assert_eq!(grace.member_id.as_deref(), Some("ACoAAB1"));
    assert_eq!(grace.member_urn.as_deref(), Some("urn:li:member:987"));
    assert_eq!(
        grace.picture_url.as_deref(),
        Some("https://media.licdn.com/p.jpg")
    );
    let alan = person_of(&page, 1);
    assert_eq!(
        alan.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/alan-t-99")
    );
    assert_eq!(alan.public_identifier.as_deref(), Some("alan-t-99"));

    let sent = r#"{"success":true,"startIndex":0,"invitations":[{"invitationId":"7","memberId":"ACoAAJ",
        "profile":{"firstName":"Jane","profileUrl":"https://www.linkedin.com/in/jane"}}]}"#;
    let response = HttpResponse {
        status: 200,
        headers: &[],
        body: sent,
    };
    let page = parse_response(
        provider("connectsafely"),
        Resource::SentInvitations,
        &response,
        None,
        Some(0),
    )
    .unwrap();
    let jane = person_of(&page, 0);
    assert_eq!(jane.member_id.as_deref(), Some("ACoAAJ"));
    assert_eq!(
        jane.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/jane")
    );
}
