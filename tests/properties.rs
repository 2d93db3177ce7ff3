//! Property tests: every plan covers its range exactly at the documented
//! price, and no input — arbitrary text or arbitrary JSON — makes a parser
//! or normalizer panic.

use linkedin_network::http::HttpResponse;
use linkedin_network::normalize::{profile_url, relative_time, time, urn};
use linkedin_network::operations::parse_response;
use linkedin_network::plan::estimate;
use linkedin_network::providers;
use linkedin_network::query::Resource;
#[path = "support/cases.rs"]
mod cases;

use proptest::prelude::*;
use serde_json::{Map, Value};

fn resource() -> impl Strategy<Value = Resource> {
    prop::sample::select(Resource::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(4_000)))]

    #[test]
    fn decimal_ids_are_the_digits_value_as_u64_prints_it(digits in "[0-9]{0,22}", id in any::<u64>()) {
        let expected = digits.parse::<u64>().ok().filter(|_| digits.len() <= 20).map(|n| n.to_string());
        prop_assert_eq!(urn::decimal_id(&digits), expected);
        prop_assert_eq!(urn::decimal_id(&id.to_string()), Some(id.to_string()));
        prop_assert_eq!(urn::decimal_id(&format!("{id:020}")), Some(id.to_string()));
    }

    #[test]
    fn plans_cover_the_range_exactly_at_the_documented_price(
        offset in 0u64..2_000_000, limit in 1u64..=10_000, resource in resource()
    ) {
        for provider in providers::all() {
            let calls = provider.plan(resource, offset, limit);
            prop_assert!(!calls.is_empty());
            // A chained list cannot be entered at an offset: it is read from the head.
            let mut next = if provider.chained() { 0 } else { offset };
            for call in &calls {
                prop_assert_eq!(call.offset, next, "gap or overlap");
                prop_assert!(call.count >= 1 && call.count <= provider.page_size(resource));
                next = call.end();
            }
            prop_assert_eq!(next, offset + limit, "plan ends at the range's end");
            let price = estimate(&calls);
            prop_assert_eq!(price.requests, calls.len() as u64);
            match provider.id() {
                "linkup-v2" => {
                    prop_assert_eq!(price.credits, limit.div_ceil(50));
                    for call in &calls[..calls.len() - 1] {
                        prop_assert_eq!(call.count % 50, 0, "only the last call may pay for a partial 50");
                    }
                    for call in &calls {
                        prop_assert_eq!(call.param("offset"), Some(call.offset));
                        prop_assert_eq!(call.param("count"), Some(call.count));
                    }
                }
                "linkup-v1" => {
                    let pages = (offset + limit - 1) / 10 - offset / 10 + 1;
                    prop_assert_eq!(price.credits, pages, "one credit per page covered");
                    for call in &calls {
                        let (start, end) = (call.param("start_page").unwrap(), call.param("end_page").unwrap());
                        prop_assert!(start >= 1 && end >= start);
                        prop_assert_eq!(call.credits, end - start + 1);
                        // The call's pages hold its range and no whole page outside it.
                        prop_assert!((start - 1) * 10 <= call.offset && call.end() <= end * 10);
                        prop_assert!(call.offset < start * 10 && (end - 1) * 10 < call.end());
                    }
                }
                "connectsafely" => {
                    prop_assert_eq!(price.credits, 0);
                    for call in &calls {
                        prop_assert_eq!(call.param("startIndex"), Some(call.offset));
                        if resource == Resource::Connections {
                            prop_assert_eq!(call.param("limit"), Some(call.count));
                        }
                    }
                }
                "unipile" => {
                    prop_assert_eq!(price.credits, 0);
                    for call in &calls {
                        prop_assert_eq!(call.param("limit"), Some(call.count));
                        prop_assert!(!call.continues_chain(), "a plan starts at the head");
                    }
                }
                other => prop_assert!(false, "untested provider {}", other),
            }
        }
    }
}

/// Arbitrary JSON, biased toward the keys the envelopes use so the parsers'
/// deeper paths are reached, not only the top-level type check.
fn json_value() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "success",
        "status",
        "data",
        "invitations",
        "connections",
        "pagination",
        "metadata",
        "error",
        "message",
        "code",
        "entity_urn",
        "invitation_id",
        "invitationUrn",
        "invitationId",
        "id",
        "recipient",
        "sender",
        "profile",
        "linkedin_url",
        "profile_url",
        "profileUrl",
        "sent_time",
        "sent_time_days",
        "sentAt",
        "receivedAt",
        "connectedDate",
        "timestamp",
        "total_available_results",
        "offset",
        "has_more",
        "start_page",
        "end_page",
        "pages_fetched",
        "credits_consumed",
        "startIndex",
        "limit",
        "first_name",
        "name",
        "memberUrn",
        "invitationType",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "success",
            "error",
            "urn:li:invitation:7331558767219683329",
            "5d",
            "Sent yesterday",
            "https://uk.linkedin.com/in/x%C3%A9/",
            "urn:li:x:(urn:li:fsd_profile:ACoA1,PYMK)",
            "2026-04-26T10:35:00Z",
            ""
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8).prop_map(
                |pairs| Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>()
                )
            ),
        ]
    })
}

fn parse_everything(status: u16, body: &str, date: Option<&str>) {
    let headers: Vec<(String, String)> = date
        .map(|d| ("Date".to_string(), d.to_string()))
        .into_iter()
        .collect();
    let response = HttpResponse {
        status,
        headers: &headers,
        body,
    };
    for provider in providers::all() {
        for resource in Resource::ALL {
            let _ = parse_response(
                *provider,
                resource,
                &response,
                None,
                Some(1_777_199_700_000),
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases::cases(3_000)))]

    #[test]
    fn parsing_arbitrary_text_never_panics(status in 0u16..1000, body in "\\PC{0,200}") {
        parse_everything(status, &body, None);
    }

    #[test]
    fn parsing_arbitrary_json_never_panics(status in prop::sample::select(vec![200u16, 401, 429, 500]), value in json_value(),
                                           date in prop::option::of("\\PC{0,30}")) {
        parse_everything(status, &value.to_string(), date.as_deref());
    }

    #[test]
    fn normalizers_never_panic_and_canonical_urls_are_fixed_points(text in "\\PC{0,80}") {
        let _ = urn::parse(&text);
        let _ = urn::member_id(&text);
        let _ = relative_time::read(&text);
        let _ = time::parse_iso(&text);
        let _ = time::parse_http_date(&text);
        if let Some(link) = profile_url::canonical_profile_url(&text) {
            let again = profile_url::canonical_profile_url(&link.url).unwrap();
            prop_assert_eq!(again, link);
        }
    }

    #[test]
    fn iso_instants_round_trip(ms in -62_135_596_800_000i64..253_402_300_799_999) {
        prop_assert_eq!(time::parse_iso(&time::format_iso(ms)), Some(ms));
    }
}
