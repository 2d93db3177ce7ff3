//! Pages of the pending sent list as each provider renders them, for the
//! action fakes (tests/support/fake_actions.rs): ages, slugs and member ids
//! that `withdrawStale` and each provider's withdraw need.

use super::fake_actions::Pending;
use super::transport::{Reply, Sent};

/// A page of the pending sent list `list` in `provider`'s envelope, and
/// the credits the provider bills for it.
pub fn sent_page(provider: &str, list: &[Pending], sent: &Sent) -> (String, u64) {
    let total = list.len();
    let slice = |from: usize, to: usize| &list[from.min(total)..to.min(total)];
    match provider {
        "linkup-v2" => {
            let params = &sent.json()["params"];
            let offset = params["offset"].as_u64().unwrap() as usize;
            let count = params["count"].as_u64().unwrap() as usize;
            let items: Vec<String> = slice(offset, offset + count).iter().map(|p| format!(
                    r#"{{"entity_urn":"urn:li:invitation:{}","invitation_type":"CONNECTION","sent_time":"{}d","sent_time_days":{},"recipient":{{"first_name":"P","last_name":"{}","linkedin_url":"https://www.linkedin.com/in/{}"}}}}"#,
                    p.id, p.days, p.days, p.id, p.slug
                )).collect();
            let credits = (items.len() as u64).div_ceil(50);
            let body = format!(
                r#"{{"success":true,"data":{{"invitations":[{}],"total_available_results":{total},"pagination":{{"offset":{offset},"count":{count},"has_more":{}}}}},"metadata":{{"credits_consumed":{credits},"timestamp":"2026-04-26T10:35:00Z"}}}}"#,
                items.join(","),
                offset + count < total
            );
            (body, credits)
        }
        "linkup-v1" => {
            let body = sent.json();
            let start = body["start_page"].as_u64().unwrap() as usize;
            let end = body["end_page"].as_u64().unwrap() as usize;
            let items: Vec<String> = slice((start - 1) * 10, end * 10).iter().map(|p| format!(
                    r#"{{"name":"P {}","invitation_id":{},"entity_urn":"urn:li:fsd_invitation:{}","sent_time":"{} days ago","profile_url":"https://www.linkedin.com/in/{}"}}"#,
                    p.id, p.id, p.id, p.days, p.slug
                )).collect();
            let pages = (end - start + 1) as u64;
            let body = format!(
                r#"{{"status":"success","data":{{"total_available_results":{total},"invitations":[{}],"pagination":{{"start_page":{start},"end_page":{end},"results_per_page":10,"pages_fetched":{pages}}}}}}}"#,
                items.join(",")
            );
            (body, pages)
        }
        _ => {
            let start = sent.query("startIndex").unwrap() as usize;
            let items: Vec<String> = slice(start, start + 10).iter().map(|p| format!(
                    r#"{{"invitationId":"{}","invitationUrn":"urn:li:invitation:{}","invitationType":"SENT","sentAt":"{} days ago","memberId":"ACoAA{}","profile":{{"firstName":"P","lastName":"{}","profileUrl":"https://www.linkedin.com/in/{}","publicIdentifier":"{}"}}}}"#,
                    p.id, p.id, p.days, p.id, p.id, p.slug, p.slug
                )).collect();
            let body = format!(
                r#"{{"success":true,"invitations":[{}],"count":{},"startIndex":{start}}}"#,
                items.join(","),
                items.len()
            );
            (body, 0)
        }
    }
}

/// An answer with the emulator's clock in `Date`.
pub fn json(status: u16, headers: &[(&str, String)], body: String) -> Reply {
    let mut all = vec![(
        "Date".to_string(),
        "Sun, 26 Apr 2026 10:35:00 GMT".to_string(),
    )];
    all.extend(headers.iter().map(|(k, v)| (k.to_string(), v.clone())));
    Reply::Respond {
        after_ms: 100,
        status,
        headers: all,
        body,
    }
}
