//! Plans, prices and clipping at their edges (cases mutation testing showed
//! no other test reached).

use linkedin_network::json::to_json_string;
use linkedin_network::model::{Item, Page};
use linkedin_network::plan::{clip_to_call, estimate, params, PlannedCall};
use linkedin_network::providers;
use linkedin_network::query::{check_invitation_type, Credentials, Resource};

fn call(offset: u64, count: u64, credits: u64, upstream_calls: u64) -> PlannedCall {
    PlannedCall {
        offset,
        count,
        credits,
        upstream_calls,
        params: params([("start", offset), ("count", count)]),
    }
}

#[test]
fn an_estimate_sums_credits_requests_and_upstream_calls() {
    let total = estimate(&[call(0, 50, 1, 3), call(50, 50, 2, 4), call(100, 10, 0, 1)]);
    assert_eq!(
        (total.credits, total.requests, total.upstream_calls),
        (3, 3, 8)
    );
    let none = estimate(&[]);
    assert_eq!(
        (none.credits, none.requests, none.upstream_calls),
        (0, 0, 0)
    );
}

#[test]
fn a_planned_call_writes_its_range_price_and_parameters() {
    let json: serde_json::Value =
        serde_json::from_str(&to_json_string(&call(40, 10, 2, 5))).unwrap();
    assert_eq!(json["offset"], 40);
    assert_eq!(json["count"], 10);
    assert_eq!(json["credits"], 2);
    assert_eq!(json["params"]["start"], 40);
    assert_eq!(json["params"]["count"], 10);
}

fn page(offset: u64, ids: std::ops::Range<u64>) -> Page {
    let body = format!(
        r#"{{"success":true,"data":{{"invitations":[{}],"total_available_results":500,"pagination":{{"offset":{offset},"count":{}}}}}}}"#,
        ids.clone()
            .map(|id| format!(
                r#"{{"entity_urn":"urn:li:invitation:{}","invitation_type":"CONNECTION"}}"#,
                7_000_000_000_000_000_000u64 + id
            ))
            .collect::<Vec<_>>()
            .join(","),
        ids.end - ids.start
    );
    let response = linkedin_network::http::HttpResponse {
        status: 200,
        headers: &[],
        body: &body,
    };
    let provider = providers::find("linkup-v2").unwrap();
    linkedin_network::operations::parse_response(
        provider,
        Resource::SentInvitations,
        &response,
        None,
        None,
    )
    .unwrap()
}

fn offsets(page: &Page) -> Vec<u64> {
    page.items
        .iter()
        .map(|item| match item {
            Item::Invitation(invitation) => {
                invitation.id.parse::<u64>().unwrap() - 7_000_000_000_000_000_000
            }
            Item::Connection(_) => unreachable!(),
        })
        .collect()
}

/// A page that covers more than its call keeps exactly the call's range;
/// one that ends exactly at the call's end keeps its has_more as sent.
#[test]
fn clipping_keeps_exactly_the_calls_range() {
    let mut wide = page(10, 10..30);
    wide.has_more = false;
    clip_to_call(&mut wide, &call(15, 10, 0, 0));
    assert_eq!(
        (wide.offset, offsets(&wide), wide.has_more),
        (15, (15..25).collect(), true)
    );
    let mut exact = page(10, 10..20);
    exact.has_more = false;
    clip_to_call(&mut exact, &call(10, 10, 0, 0));
    assert_eq!(
        (offsets(&exact).len(), exact.has_more),
        (10, false),
        "nothing cut, has_more kept"
    );
}

#[test]
fn the_registry_lists_every_provider_once() {
    let ids: Vec<&str> = providers::all()
        .iter()
        .map(|provider| provider.id())
        .collect();
    assert!(ids.len() >= 3, "{ids:?}");
    for id in ["linkup-v2", "linkup-v1", "connectsafely"] {
        assert_eq!(ids.iter().filter(|known| **known == id).count(), 1, "{id}");
        assert_eq!(format!("{:?}", providers::find(id).unwrap()), id);
    }
}

#[test]
fn credentials_print_no_secret() {
    let credentials = Credentials {
        api_key: Some("sk_live_SECRET".into()),
        account_id: Some("acct-SECRET".into()),
        login_token: None,
        country: Some("FR".into()),
    };
    let shown = format!("{credentials:?}");
    assert!(!shown.contains("SECRET"), "{shown}");
    assert!(
        shown.contains("api_key: \"[redacted]\"")
            && shown.contains("login_token: \"None\"")
            && shown.contains("FR"),
        "{shown}"
    );
}

/// The product's word and the provider's own both name a filter; both
/// answer with the product's word.
#[test]
fn an_invitation_type_is_accepted_in_either_vocabulary() {
    let linkup = providers::find("linkup-v2").unwrap();
    for word in ["NEWSLETTER", "content_series", " Content_Series "] {
        assert_eq!(
            check_invitation_type(linkup, Resource::SentInvitations, word).unwrap(),
            "NEWSLETTER",
            "{word}"
        );
    }
    assert_eq!(
        check_invitation_type(linkup, Resource::ReceivedInvitations, "organization").unwrap(),
        "ORGANIZATION"
    );
}
