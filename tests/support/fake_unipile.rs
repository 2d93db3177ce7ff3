//! The fake Unipile backend: `FakeApi`'s list served through Unipile's
//! envelope, chained by an opaque cursor bound to the list's contents, so a
//! cursor used after the list changed is `400 errors/invalid_parameters`,
//! as the real API (and the emulator) answers it.

use super::fake_api::FakeApi;
use super::transport::Sent;

/// The list's version: a hash of its contents, so any change expires cursors.
fn version(list: &[String]) -> u64 {
    list.iter().fold(0xcbf2_9ce4_8422_2325, |hash, id| {
        id.bytes().fold(hash, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

fn cursor_of(sent: &Sent) -> Option<String> {
    let query = sent.url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "cursor").then(|| value.to_string())
    })
}

/// `(status, body)` for a Unipile list request.
pub fn answer(api: &FakeApi, sent: &Sent) -> (u16, String) {
    let list = api.list.borrow();
    let current = version(&list);
    let limit = sent.query("limit").unwrap() as usize;
    let offset = match cursor_of(sent) {
        None => 0,
        Some(cursor) => {
            let (offset, version) = cursor.trim_start_matches('c').split_once('v').unwrap();
            if version.parse::<u64>().unwrap() != current {
                return (
                    400,
                    r#"{"status":400,"type":"errors/invalid_parameters","title":"Invalid parameters","detail":"The cursor is no longer valid","instance":null}"#.into(),
                );
            }
            offset.parse::<usize>().unwrap()
        }
    };
    let end = (offset + limit).min(list.len());
    let items = &list[offset.min(end)..end];
    let connections = sent.url.contains("/relations");
    let received = sent.url.contains("/invite/received");
    let rendered: Vec<String> = items
        .iter()
        .map(|id| {
            if connections {
                format!(r#"{{"object":"UserRelation","first_name":"P","last_name":"{id}","public_identifier":"p-{id}","created_at":1714126500000}}"#)
            } else if received {
                format!(r#"{{"object":"InvitationReceived","id":"{id}","inviter":{{"inviter_name":"P {id}","inviter_public_identifier":"p-{id}"}},"date":"1d","parsed_datetime":"2026-04-25T10:35:00.000Z","specifics":{{"shared_secret":"s{id}"}}}}"#)
            } else {
                format!(r#"{{"object":"InvitationSent","id":"{id}","invited_user":"P {id}","invited_user_public_id":"p-{id}","date":"Sent yesterday","parsed_datetime":"2026-04-25T10:35:00.000Z"}}"#)
            }
        })
        .collect();
    let next = if end < list.len() {
        format!(r#""c{end}v{current}""#)
    } else {
        "null".into()
    };
    let object = if connections {
        "UserRelationsList"
    } else {
        "InvitationList"
    };
    (
        200,
        format!(
            r#"{{"object":"{object}","items":[{}],"cursor":{next}}}"#,
            rendered.join(",")
        ),
    )
}
