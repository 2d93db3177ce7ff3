//! What each fuzz target checks, shared by `fuzz/fuzz_targets/*.rs` (which
//! include this file by path) and `tests/fuzz_corpus.rs` (which replays the
//! saved corpus on every `make test`). Each function takes raw fuzz bytes
//! and panics only when an invariant is broken.

use linkedin_network::http::HttpResponse;
use linkedin_network::json::{parse, to_json_string, Value};
use linkedin_network::model::Item;
use linkedin_network::normalize::profile_url::canonical_profile_url;
use linkedin_network::normalize::relative_time::{read, resolve};
use linkedin_network::normalize::time::{format_iso, parse_iso, MS_PER_DAY};
use linkedin_network::normalize::urn;
use linkedin_network::operations::parse_response;
use linkedin_network::providers;
use linkedin_network::query::Resource;

const STATUSES: [u16; 10] = [200, 200, 200, 400, 401, 403, 404, 429, 500, 502];
const NOW: i64 = 1_777_199_700_000;

/// Byte 0 picks the resource, byte 1 the status, byte 2 whether a Date
/// header is sent; the rest is the body.
pub fn provider_response(provider_id: &str, data: &[u8]) {
    let provider = providers::find(provider_id).unwrap();
    let (Some(&pick), Some(&status), Some(&dated)) = (data.first(), data.get(1), data.get(2))
    else {
        return;
    };
    let resource = Resource::ALL[usize::from(pick) % 3];
    let status = STATUSES[usize::from(status) % STATUSES.len()];
    let body = String::from_utf8_lossy(&data[3..]);
    let headers = if dated % 2 == 1 {
        vec![(
            "Date".to_string(),
            "Sun, 26 Apr 2026 10:35:00 GMT".to_string(),
        )]
    } else {
        vec![]
    };
    let response = HttpResponse {
        status,
        headers: &headers,
        body: &body,
    };
    match parse_response(provider, resource, &response, None, Some(NOW)) {
        Ok(page) => {
            assert!((200..300).contains(&status), "a {status} parsed as a page");
            for item in &page.items {
                match item {
                    Item::Invitation(invitation) => {
                        assert!(
                            !invitation.id.is_empty()
                                && invitation.id.bytes().all(|b| b.is_ascii_digit()),
                            "id {:?}",
                            invitation.id
                        );
                        check_time(invitation.sent_at.as_ref());
                        check_profile(&invitation.person.profile_url);
                    }
                    Item::Connection(connection) => {
                        check_time(connection.connected_at.as_ref());
                        check_profile(&connection.person.profile_url);
                    }
                }
            }
            // What the package hands to JavaScript must be valid JSON.
            let written = to_json_string(&page);
            assert!(parse(&written).is_ok(), "unparseable output");
        }
        Err(error) => {
            assert!(!error.message.is_empty());
            assert_eq!(error.provider, Some(provider.id()));
        }
    }
}

fn check_time(time: Option<&linkedin_network::model::RelativeTime>) {
    let Some(time) = time else { return };
    if let (Some(days), Some(anchor), Some(at)) =
        (time.days, time.anchor.as_deref(), time.at.as_deref())
    {
        let (anchor, at) = (parse_iso(anchor).unwrap(), parse_iso(at).unwrap());
        // Relative texts: at = anchor − days × 24 h exactly; absolute dates: days counted from the anchor.
        assert!(
            anchor - at == days * MS_PER_DAY || (anchor - at).div_euclid(MS_PER_DAY) == days,
            "{time:?}"
        );
    }
}

fn check_profile(url: &Option<String>) {
    if let Some(url) = url {
        if let Some(link) = canonical_profile_url(url) {
            if url.starts_with("https://www.linkedin.com/") {
                assert_eq!(&link.url, url, "canonical URLs are fixed points");
            }
        }
    }
}

pub fn relative_time(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = read(&text);
    let resolved = resolve(
        Some(&text),
        None,
        Some(&linkedin_network::normalize::relative_time::Anchor::at(NOW)),
        &|| "fuzz".to_string(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(resolved.text, text);
    check_time(Some(&resolved));
    if let Some(at) = resolved.at.as_deref() {
        assert_eq!(
            format_iso(parse_iso(at).unwrap()),
            at,
            "instants print and read back"
        );
    }
}

pub fn profile_url(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(link) = canonical_profile_url(&text) {
        assert!(
            link.url.starts_with("https://www.linkedin.com/"),
            "{}",
            link.url
        );
        assert!(
            !link.url.contains(['?', '#', ' ']) && !link.url.ends_with('/'),
            "{}",
            link.url
        );
        assert_eq!(
            canonical_profile_url(&link.url).as_ref(),
            Some(&link),
            "idempotent"
        );
        assert!(link.public_identifier.is_none() || link.member_id.is_none());
    }
}

pub fn urn(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = urn::parse(&text);
    if let Some(id) = urn::invitation_id(&text) {
        assert!(
            id.bytes().all(|b| b.is_ascii_digit()) && id.parse::<u64>().is_ok(),
            "{id}"
        );
    }
    let _ = urn::member_id(&text);
}

/// Our JSON parser against serde_json: the same documents accepted (outside
/// the two documented differences), and what we write reads back.
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    let out_of_range = matches!(&theirs, Err(error) if error.to_string().contains("out of range"));
    // serde_json refuses lone surrogates ("lone leading surrogate", "unexpected end of hex escape"); JSON.parse and we accept them.
    let lone_surrogate = matches!(&theirs, Err(error) if error.to_string().contains("surrogate") || error.to_string().contains("hex escape"));
    let too_deep = matches!(&theirs, Err(error) if error.to_string().contains("recursion limit"))
        || matches!(&ours, Err(error) if error.problem == linkedin_network::json::ParseProblem::TooDeep);
    if !(out_of_range || lone_surrogate || too_deep) {
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}");
    }
    if let Ok(Value::String(value)) = &ours {
        assert_eq!(
            parse(&to_json_string(value.as_ref())).unwrap(),
            Value::String(value.clone())
        );
    }
}
