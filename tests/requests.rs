//! Each provider's HTTP request for each resource, exactly as its
//! documentation shapes it, and input validation before anything is built.

use linkedin_network::error::ErrorCode;
use linkedin_network::operations::{build_request, plan_requests};
use linkedin_network::providers::{self, Provider};
use linkedin_network::query::{base_url, Credentials, ListQuery, Resource, Target};
use serde_json::{json, Value};

fn credentials() -> Credentials {
    Credentials {
        api_key: Some("key-123".into()),
        account_id: Some("acct/9+x".into()),
        login_token: Some("AQEDAR-cookie".into()),
        country: None,
    }
}

fn target(provider: &dyn Provider, resource: Resource, invitation_type: Option<&str>) -> Target {
    Target {
        base_url: provider.default_base_url().to_string(),
        credentials: credentials(),
        resource,
        invitation_type: invitation_type.map(str::to_string),
    }
}

fn request(
    provider_id: &str,
    resource: Resource,
    offset: u64,
    limit: u64,
    kind: Option<&str>,
) -> (String, String, Vec<(String, String)>, Option<Value>) {
    let provider = providers::find(provider_id).unwrap();
    let query = ListQuery::new(provider, resource, offset, limit, kind).unwrap();
    let built = build_request(
        provider,
        &target(provider, resource, query.invitation_type.as_deref()),
        &query,
    )
    .unwrap();
    let headers = built
        .headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let body = built.body.map(|body| serde_json::from_str(&body).unwrap());
    (built.method.as_str().to_string(), built.url, headers, body)
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> &'h str {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
        .unwrap()
}

#[test]
fn linkup_v2_posts_action_and_params_with_the_key_in_a_header() {
    for (resource, action) in [
        (Resource::SentInvitations, "list_sent"),
        (Resource::ReceivedInvitations, "list_invitations"),
        (Resource::Connections, "list_connections"),
    ] {
        let kind = resource.is_invitations().then_some("connection");
        let (method, url, headers, body) = request("linkup-v2", resource, 200, 75, kind);
        assert_eq!(method, "POST");
        assert_eq!(url, "https://api.linkupapi.com/v2/network");
        assert_eq!(header(&headers, "x-api-key"), "key-123");
        assert_eq!(header(&headers, "content-type"), "application/json");
        let mut params = json!({"count": 75, "offset": 200});
        if kind.is_some() {
            params["invitation_type"] = json!("CONNECTION");
        }
        assert_eq!(
            body.unwrap(),
            json!({"account_id": "acct/9+x", "action": action, "params": params})
        );
    }
}

#[test]
fn linkup_v1_posts_page_ranges_with_the_login_token_in_the_body() {
    for (resource, path) in [
        (Resource::SentInvitations, "sent-invitations"),
        (Resource::ReceivedInvitations, "invitations"),
        (Resource::Connections, "connections"),
    ] {
        let (method, url, headers, body) = request("linkup-v1", resource, 25, 30, None);
        assert_eq!(method, "POST");
        assert_eq!(url, format!("https://api.linkupapi.com/v1/network/{path}"));
        assert_eq!(header(&headers, "x-api-key"), "key-123");
        // Items 25..55 sit on pages 3..6 (1-based) of 10.
        assert_eq!(
            body.unwrap(),
            json!({"start_page": 3, "end_page": 6, "login_token": "AQEDAR-cookie"})
        );
    }
    let (_, _, _, body) = request(
        "linkup-v1",
        Resource::SentInvitations,
        0,
        10,
        Some("ORGANIZATION"),
    );
    assert_eq!(body.unwrap()["invitation_type"], json!("ORGANIZATION"));
}

#[test]
fn linkup_v1_sends_the_country_upper_cased() {
    let provider = providers::find("linkup-v1").unwrap();
    let mut target = target(provider, Resource::Connections, None);
    target.credentials.country = Some("uk".into());
    let query = ListQuery::new(provider, Resource::Connections, 0, 10, None).unwrap();
    let built = build_request(provider, &target, &query).unwrap();
    let body: Value = serde_json::from_str(built.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["country"], json!("UK"));
}

#[test]
fn connectsafely_gets_with_bearer_auth_and_encoded_query() {
    let (method, url, headers, body) =
        request("connectsafely", Resource::SentInvitations, 30, 10, None);
    assert_eq!(method, "GET");
    assert_eq!(url, "https://api.connectsafely.ai/linkedin/invitations/sent?accountId=acct%2F9%2Bx&startIndex=30");
    assert_eq!(header(&headers, "authorization"), "Bearer key-123");
    assert!(body.is_none());
    let (_, url, _, _) = request("connectsafely", Resource::ReceivedInvitations, 0, 10, None);
    assert!(url.starts_with("https://api.connectsafely.ai/linkedin/invitations/received?"));
    let (_, url, _, _) = request("connectsafely", Resource::Connections, 12, 7, None);
    assert_eq!(url, "https://api.connectsafely.ai/linkedin/connections?accountId=acct%2F9%2Bx&startIndex=12&limit=7");
}

#[test]
fn a_range_that_needs_several_calls_is_refused_by_build_request_not_shortened() {
    let provider = providers::find("linkup-v2").unwrap();
    let query = ListQuery::new(provider, Resource::Connections, 0, 250, None).unwrap();
    let error = build_request(
        provider,
        &target(provider, Resource::Connections, None),
        &query,
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error
            .message
            .starts_with("limit of 250 needs 3 requests with linkup-v2"),
        "{}",
        error.message
    );
    // Each planned call, built on its own, is one request.
    for call in plan_requests(provider, &query) {
        let one = ListQuery::new(
            provider,
            Resource::Connections,
            call.offset,
            call.count,
            None,
        )
        .unwrap();
        build_request(
            provider,
            &target(provider, Resource::Connections, None),
            &one,
        )
        .unwrap();
    }
}

#[test]
fn invalid_queries_name_the_field_and_the_accepted_values() {
    let v2 = providers::find("linkup-v2").unwrap();
    let cs = providers::find("connectsafely").unwrap();
    let cases: Vec<(Result<ListQuery, linkedin_network::error::Error>, &str)> = vec![
        (ListQuery::new(v2, Resource::Connections, 0, 0, None), "limit must be an integer from 1 to 10000"),
        (ListQuery::new(v2, Resource::Connections, 0, 10_001, None), "limit must be an integer from 1 to 10000"),
        (ListQuery::new(v2, Resource::Connections, 100_001, 1, None), "offset must be an integer from 0 to 100000"),
        (ListQuery::new(v2, Resource::Connections, 0, 1, Some("CONNECTION")), "invitationType applies to sentInvitations and receivedInvitations only"),
        (ListQuery::new(v2, Resource::SentInvitations, 0, 1, Some("FRIEND")), "invitationType must be one of \"CONNECTION\", \"ORGANIZATION\", \"NEWSLETTER\" for linkup-v2 sentInvitations"),
        (ListQuery::new(cs, Resource::SentInvitations, 0, 1, Some("ORGANIZATION")), "invitationType must be one of \"CONNECTION\" for connectsafely sentInvitations"),
        (ListQuery::new(cs, Resource::ReceivedInvitations, 0, 1, Some("CONNECTION")), "invitationType is not supported by connectsafely for receivedInvitations (it lists every type; read each item's `type`)"),
    ];
    for (result, message) in cases {
        let error = result.unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.message, message);
    }
    assert_eq!(
        providers::find("linkup-v3").unwrap_err().message,
        "provider must be one of \"linkup-v2\", \"linkup-v1\", \"connectsafely\", \"unipile\""
    );
    assert_eq!(
        Resource::parse("followers").unwrap_err().message,
        "resource must be one of \"sentInvitations\", \"receivedInvitations\", \"connections\""
    );
}

#[test]
fn missing_or_malformed_credentials_are_named_and_never_echoed() {
    let secret = "sk_live_SECRET value";
    let cases = [
        ("linkup-v2", Credentials { api_key: None, account_id: Some("a".into()), ..Default::default() }, "apiKey is required for linkup-v2"),
        ("linkup-v2", Credentials { api_key: Some("k".into()), account_id: Some(String::new()), ..Default::default() }, "accountId is required for linkup-v2"),
        ("linkup-v1", Credentials { api_key: Some("k".into()), ..Default::default() }, "loginToken is required for linkup-v1"),
        ("linkup-v1", Credentials { api_key: Some("k".into()), login_token: Some("t".into()), country: Some("PL".into()), ..Default::default() },
         "country must be one of \"US\", \"UK\", \"FR\", \"DE\", \"NL\", \"IT\", \"IL\", \"CA\", \"BR\", \"ES\", \"IN\" for linkup-v1"),
        ("connectsafely", Credentials::default(), "apiKey is required for connectsafely"),
        ("connectsafely", Credentials { api_key: Some(secret.into()), ..Default::default() },
         "apiKey must be printable ASCII without spaces or line breaks (check for a stray newline)"),
        ("linkup-v2", Credentials { api_key: Some("k\n".into()), account_id: Some("a".into()), ..Default::default() },
         "apiKey must be printable ASCII without spaces or line breaks (check for a stray newline)"),
    ];
    for (provider, credentials, message) in cases {
        let error = providers::find(provider)
            .unwrap()
            .check_credentials(&credentials)
            .unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(error.message, message);
        assert!(!error.message.contains("SECRET"));
    }
    let debug = format!(
        "{:?}",
        Credentials {
            api_key: Some(secret.into()),
            login_token: Some(secret.into()),
            account_id: Some(secret.into()),
            country: None
        }
    );
    assert!(!debug.contains("SECRET"), "{debug}");
}

#[test]
fn base_urls_must_be_https_except_on_loopback() {
    let default = "https://api.linkupapi.com";
    assert_eq!(base_url(None, default).unwrap(), default);
    assert_eq!(
        base_url(Some("https://proxy.example.com/linkup/"), default).unwrap(),
        "https://proxy.example.com/linkup"
    );
    for loopback in [
        "http://127.0.0.1:8787",
        "http://localhost:3000/linkedin",
        "http://[::1]:9000",
        "HTTP://127.1.2.3",
    ] {
        assert!(base_url(Some(loopback), default).is_ok(), "{loopback}");
    }
    for (bad, message) in [
        ("http://api.example.com", "baseUrl must use https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1])"),
        ("http://127.0.0.1.evil.com", "baseUrl must use https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1])"),
        ("http://127.0.0.1.5", "baseUrl must use https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1])"),
        ("http://localhost.evil.com", "baseUrl must use https:// (http:// is accepted only for localhost, 127.0.0.1 and [::1])"),
        ("ftp://x", "baseUrl must start with https://"),
        ("https://user:pw@host", "baseUrl must be a plain origin and path: no query, fragment, user name or spaces"),
        ("https://host/?key=SECRET", "baseUrl must be a plain origin and path: no query, fragment, user name or spaces"),
        ("https:///path", "baseUrl must name a host"),
    ] {
        let error = base_url(Some(bad), default).unwrap_err();
        assert_eq!(error.message, message, "{bad}");
        assert!(!error.message.contains("SECRET") && !error.message.contains("pw"));
    }
}

#[test]
fn debug_of_a_built_request_hides_its_credentials() {
    let provider = providers::find("linkup-v1").unwrap();
    let query = ListQuery::new(provider, Resource::Connections, 0, 10, None).unwrap();
    let built = build_request(
        provider,
        &target(provider, Resource::Connections, None),
        &query,
    )
    .unwrap();
    let debug = format!("{built:?}");
    assert!(
        !debug.contains("key-123") && !debug.contains("AQEDAR"),
        "{debug}"
    );
}
