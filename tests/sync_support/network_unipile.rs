//! The fake network's Unipile wire format: `GET /api/v1/users/invite/sent`,
//! `/invite/received`, `/relations` with `limit` and an opaque `cursor`
//! bound to the list's contents (a cursor used after the list changed is
//! `400 errors/invalid_parameters`, as the real API answers it), items in
//! Unipile's shapes, `{object, items, cursor}` with `null` at the end.
//! Billed per account: 0 credits. Used by `network.rs` only.

use serde_json::{json, Value};

use super::Human;

/// The list's version: a hash of its keys, so any change expires cursors.
fn version<'a>(keys: impl Iterator<Item = &'a str>) -> u64 {
    keys.fold(0xcbf2_9ce4_8422_2325, |hash, key| {
        key.bytes().fold(hash, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

fn cursor_of(url: &str) -> Option<&str> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "cursor").then_some(value)
    })
}

/// The resource a Unipile URL reads: "sent", "received" or "connections".
pub fn resource_of(url: &str) -> &'static str {
    if url.contains("/invite/sent") {
        "sent"
    } else if url.contains("/invite/received") {
        "received"
    } else {
        "connections"
    }
}

fn render(resource: &str, id: Option<&str>, person: &Human) -> Value {
    let slug = person.slug.as_deref().unwrap_or(&person.member_id);
    match (resource, id) {
        ("sent", Some(id)) => json!({
            "object": "InvitationSent", "id": id, "invited_user": person.name(),
            "invited_user_id": person.member_id, "invited_user_public_id": slug,
            "date": "Sent yesterday", "parsed_datetime": "2026-04-25T10:35:00.000Z",
            "specifics": { "provider": "LINKEDIN", "shared_secret": format!("s{id}") },
        }),
        (_, Some(id)) => json!({
            "object": "InvitationReceived", "id": id, "date": "1d",
            "parsed_datetime": "2026-04-25T10:35:00.000Z",
            "inviter": { "inviter_name": person.name(), "inviter_id": person.member_id,
                "inviter_public_identifier": slug },
            "specifics": { "provider": "LINKEDIN", "shared_secret": format!("s{id}") },
        }),
        _ => json!({
            "object": "UserRelation", "first_name": person.first,
            "last_name": person.last.as_deref().unwrap_or(""), "member_id": person.member_id,
            "public_identifier": slug, "public_profile_url": person.raw_url(),
            "created_at": 1_714_126_500_000_u64,
        }),
    }
}

/// `(status, body)` for a list request over `entries` (the list as it is now).
pub fn answer(url: &str, limit: usize, entries: &[(Option<String>, Human)]) -> (u16, String) {
    let resource = resource_of(url);
    let current = version(
        entries
            .iter()
            .map(|(id, person)| id.as_deref().unwrap_or(&person.member_id)),
    );
    let offset = match cursor_of(url) {
        None => 0,
        Some(cursor) => {
            let (offset, version) = cursor.trim_start_matches('c').split_once('v').unwrap();
            if version.parse::<u64>().unwrap() != current {
                let problem = json!({ "status": 400, "type": "errors/invalid_parameters",
                    "title": "Invalid parameters", "detail": "The cursor is no longer valid" });
                return (400, problem.to_string());
            }
            offset.parse::<usize>().unwrap()
        }
    };
    let end = (offset + limit).min(entries.len());
    let items: Vec<Value> = entries[offset.min(end)..end]
        .iter()
        .map(|(id, person)| render(resource, id.as_deref(), person))
        .collect();
    let cursor = (end < entries.len()).then(|| format!("c{end}v{current}"));
    let object = if resource == "connections" {
        "UserRelationsList"
    } else {
        "InvitationList"
    };
    let body = json!({ "object": object, "items": items, "cursor": cursor });
    (200, body.to_string())
}
