//! What every provider's shared surface promises beside its wire format:
//! offset providers plan a continuation like a position, never refuse one,
//! print as their id and offer the actions NOTES lists, each re-issuable;
//! and ConnectSafely's own edges (its account id, its connection pages'
//! `limit`, the words of its error envelope).

use linkedin_network::actions::Action;
use linkedin_network::error::{derived, Error, ErrorCode};
use linkedin_network::http::HttpResponse;
use linkedin_network::operations::parse_response;
use linkedin_network::providers::{self, Provider};
use linkedin_network::query::{Credentials, Resource};

fn provider(id: &str) -> &'static dyn Provider {
    providers::find(id).unwrap()
}

#[test]
fn an_offset_provider_plans_a_continuation_as_the_position_and_never_refuses_one() {
    let refusal = Error::new(ErrorCode::ProviderError, "the cursor expired");
    for provider in providers::all().iter().filter(|p| !p.chained()) {
        for resource in Resource::ALL {
            for (offset, count) in [(0, 1), (0, 100), (37, 5), (1_000, 250)] {
                let first = provider.plan(resource, offset, count).into_iter().next();
                let next = provider.plan_next(resource, offset, count, Some("ignored"));
                assert_eq!(
                    next,
                    first,
                    "{} {resource:?} {offset}+{count}",
                    provider.id()
                );
                assert!(next.is_some());
            }
        }
        assert!(
            !provider.continuation_refused(&refusal),
            "{}",
            provider.id()
        );
    }
}

#[test]
fn a_provider_prints_as_its_id_and_offers_the_actions_its_api_has() {
    let both = [Action::Withdraw, Action::Accept];
    let all = [Action::Withdraw, Action::Accept, Action::Ignore];
    for (id, offered) in [
        ("linkup-v2", &both[..]),
        ("linkup-v1", &both[..]),
        ("connectsafely", &all[..]),
        ("unipile", &all[..]),
    ] {
        let provider = provider(id);
        assert_eq!(format!("{provider:?}"), id);
        assert_eq!(provider.actions(), offered, "{id}");
        for action in all {
            assert_eq!(
                provider.action_reissuable(action),
                offered.contains(&action),
                "{id} {action:?}: only an offered action may be sent again"
            );
        }
    }
}

#[test]
fn connectsafely_checks_a_given_account_id_and_lets_it_be_absent() {
    let cs = provider("connectsafely");
    let with = |account: Option<&str>| {
        cs.check_credentials(&Credentials {
            api_key: Some("key".into()),
            account_id: account.map(str::to_string),
            ..Credentials::default()
        })
    };
    assert!(with(None).is_ok());
    assert!(with(Some("")).is_ok());
    assert!(with(Some("696ce9e780e")).is_ok());
    let error = with(Some("696ce9e780e\n")).unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("accountId"), "{}", error.message);
}

#[test]
fn connectsafely_asks_connection_pages_for_their_size_and_invitation_pages_for_none() {
    let cs = provider("connectsafely");
    for call in cs.plan(Resource::Connections, 5, 30) {
        assert_eq!(call.param("limit"), Some(call.count));
        assert_eq!(call.param("startIndex"), Some(call.offset));
    }
    let sent = cs.plan(Resource::SentInvitations, 0, 30);
    assert_eq!(sent[0].param("limit"), None);
    assert_eq!(sent[0].param("startIndex"), Some(0));
}

fn cs_answer(
    resource: Resource,
    status: u16,
    body: &str,
) -> Result<linkedin_network::model::Page, Error> {
    let response = HttpResponse {
        status,
        headers: &[],
        body,
    };
    parse_response(
        provider("connectsafely"),
        resource,
        &response,
        None,
        Some(0),
    )
}

#[test]
fn an_empty_connectsafely_page_ends_the_list_even_at_limit_zero() {
    let body = r#"{"success":true,"connections":[],"count":0,"startIndex":0,"limit":0}"#;
    let page = cs_answer(Resource::Connections, 200, body).unwrap();
    assert!(!page.has_more);
}

#[test]
fn connectsafely_error_words_name_the_cause_the_status_does_not() {
    for (status, words, code) in [
        (400, "Rate limit exceeded", derived::RATE_LIMIT),
        (400, "Too many requests, slow down", derived::RATE_LIMIT),
        (400, "Not enough credits", derived::NO_CREDITS),
        (400, "bad startIndex", derived::INVALID_PARAMS),
        (503, "unavailable", derived::SERVER_ERROR),
        (200, "something odd", derived::UNKNOWN),
    ] {
        let body = format!(r#"{{"success":false,"error":"{words}"}}"#);
        let error = cs_answer(Resource::SentInvitations, status, &body).unwrap_err();
        assert_eq!(
            error.provider_code.as_deref(),
            Some(code),
            "{status} {words}"
        );
        assert_eq!(error.provider_message.as_deref(), Some(words));
    }
}

#[test]
fn a_status_alone_names_redirects_auth_credits_and_absence() {
    use linkedin_network::providers::status_error;
    for (status, code) in [
        (301, ErrorCode::RedirectRefused),
        (302, ErrorCode::RedirectRefused),
        (399, ErrorCode::RedirectRefused),
        (401, ErrorCode::Auth),
        (402, ErrorCode::InsufficientCredits),
        (404, ErrorCode::NotFound),
        (429, ErrorCode::RateLimited),
        (400, ErrorCode::ProviderError),
        (200, ErrorCode::ProviderError),
    ] {
        let response = HttpResponse {
            status,
            headers: &[],
            body: "",
        };
        assert_eq!(
            status_error("linkup-v2", &response, None).code,
            code,
            "{status}"
        );
    }
}

#[test]
fn linkup_v2_error_codes_win_over_the_status() {
    for (status, provider_code, code) in [
        (400, "INVALID_API_KEY", ErrorCode::Auth),
        (400, "ACCOUNT_INACTIVE", ErrorCode::Auth),
        (400, "INVALID_ACCOUNT", ErrorCode::NotFound),
        (400, "RATE_LIMITED", ErrorCode::RateLimited),
        (400, "INSUFFICIENT_CREDITS", ErrorCode::InsufficientCredits),
        (401, "INVALID_PARAMS", ErrorCode::ProviderError),
        (404, "INVALID_ACTION", ErrorCode::ProviderError),
        (429, "INTERNAL_ERROR", ErrorCode::ProviderError),
        (401, "SOMETHING_NEW", ErrorCode::Auth),
        (200, "SOMETHING_NEW", ErrorCode::ProviderError),
    ] {
        let body =
            format!(r#"{{"success":false,"error":{{"code":"{provider_code}","message":"m"}}}}"#);
        let response = HttpResponse {
            status,
            headers: &[],
            body: &body,
        };
        let error = parse_response(
            provider("linkup-v2"),
            Resource::Connections,
            &response,
            None,
            Some(0),
        )
        .unwrap_err();
        assert_eq!(error.code, code, "{status} {provider_code}");
        assert_eq!(error.provider_code.as_deref(), Some(provider_code));
    }
}

#[test]
fn a_default_host_is_a_valid_base_url_and_unipile_has_none() {
    use linkedin_network::query::base_url;
    for provider in providers::all() {
        let default = provider.default_base_url();
        match provider.id() {
            "unipile" => {
                let error = base_url(None, default).unwrap_err();
                assert_eq!(error.code, ErrorCode::InvalidInput);
                assert!(
                    error.message.starts_with("baseUrl is required"),
                    "{}",
                    error.message
                );
            }
            id => {
                assert!(default.starts_with("https://"), "{id}");
                assert_eq!(base_url(None, default).unwrap(), default);
                assert_eq!(base_url(Some(default), "").unwrap(), default, "{id}");
            }
        }
    }
}

#[test]
fn unipile_says_a_refused_cursor_expired_only_when_the_call_carried_one() {
    let unipile = provider("unipile");
    let body = r#"{"status":400,"type":"errors/invalid_parameters","title":"Invalid parameters"}"#;
    let other = r#"{"status":400,"type":"errors/missing_parameters","title":"Missing"}"#;
    let response = |body: &'static str| HttpResponse {
        status: 400,
        headers: &[],
        body,
    };
    let chained = unipile
        .plan_next(Resource::Connections, 100, 100, Some("cursor-2"))
        .unwrap();
    let head = unipile
        .plan_next(Resource::Connections, 0, 100, None)
        .unwrap();
    let message = |body, call: &linkedin_network::plan::PlannedCall| {
        parse_response(
            unipile,
            Resource::Connections,
            &response(body),
            Some(call),
            Some(0),
        )
        .unwrap_err()
        .message
    };
    let expired = "the request carried a cursor";
    assert!(message(body, &chained).contains(expired));
    assert!(!message(body, &head).contains(expired));
    assert!(!message(other, &chained).contains(expired));
    let refused = parse_response(
        unipile,
        Resource::Connections,
        &response(body),
        Some(&chained),
        Some(0),
    )
    .unwrap_err();
    assert!(unipile.continuation_refused(&refused));
    let not = parse_response(
        unipile,
        Resource::Connections,
        &response(other),
        Some(&chained),
        Some(0),
    )
    .unwrap_err();
    assert!(!unipile.continuation_refused(&not));
}

#[test]
fn linkup_v1_asks_for_the_pages_of_a_call_given_without_them() {
    use linkedin_network::plan::PlannedCall;
    use linkedin_network::query::Target;
    let v1 = provider("linkup-v1");
    let target = Target {
        base_url: v1.default_base_url().to_string(),
        credentials: Credentials {
            api_key: Some("key".into()),
            login_token: Some("token".into()),
            ..Credentials::default()
        },
        resource: Resource::Connections,
        invitation_type: None,
    };
    let call = PlannedCall {
        offset: 30,
        count: 10,
        credits: 1,
        upstream_calls: 1,
        params: Default::default(),
    };
    let body = v1.build_request(&target, &call).unwrap().body.unwrap();
    assert!(body.contains(r#""start_page":4"#), "{body}");
    assert!(body.contains(r#""end_page":4"#), "{body}");
}

#[test]
fn a_provider_reports_a_total_exactly_where_its_pages_carry_one() {
    macro_rules! page {
        ($id:literal, $resource:ident, $file:literal) => {
            (
                $id,
                Resource::$resource,
                include_str!(concat!("../benches/fixtures/", $file)),
            )
        };
    }
    let pages = [
        page!(
            "linkup-v2",
            SentInvitations,
            "linkup-v2.sentInvitations.json"
        ),
        page!(
            "linkup-v2",
            ReceivedInvitations,
            "linkup-v2.receivedInvitations.json"
        ),
        page!("linkup-v2", Connections, "linkup-v2.connections.json"),
        page!(
            "linkup-v1",
            SentInvitations,
            "linkup-v1.sentInvitations.json"
        ),
        page!(
            "linkup-v1",
            ReceivedInvitations,
            "linkup-v1.receivedInvitations.json"
        ),
        page!("linkup-v1", Connections, "linkup-v1.connections.json"),
        page!(
            "connectsafely",
            SentInvitations,
            "connectsafely.sentInvitations.json"
        ),
        page!(
            "connectsafely",
            ReceivedInvitations,
            "connectsafely.receivedInvitations.json"
        ),
        page!(
            "connectsafely",
            Connections,
            "connectsafely.connections.json"
        ),
        page!("unipile", SentInvitations, "unipile.sentInvitations.json"),
        page!(
            "unipile",
            ReceivedInvitations,
            "unipile.receivedInvitations.json"
        ),
        page!("unipile", Connections, "unipile.connections.json"),
    ];
    for (id, resource, body) in pages {
        let response = HttpResponse {
            status: 200,
            headers: &[],
            body,
        };
        let page = parse_response(provider(id), resource, &response, None, Some(0)).unwrap();
        assert_eq!(
            provider(id).reports_total(resource),
            page.total.is_some(),
            "{id} {resource:?}"
        );
    }
}
