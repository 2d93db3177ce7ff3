//! The JSON half of sync for the package: `diffSnapshots` over the items'
//! own JSON (mixed arrays or lists by name), and `sync`'s options, strict.

mod support;
mod sync_support;

use linkedin_network::error::ErrorCode;
use linkedin_network::json::to_json_string;
use linkedin_network::model::{Direction, Item, RelativeTime};
use linkedin_network::providers;
use linkedin_network::query::Resource;
use linkedin_network::sync::{diff_snapshots, diff_snapshots_json, sync_options, Snapshot};
use sync_support::{connection_of, human, invitation_id, invitation_of, Rng};

const PROVIDER: &str = "connectsafely";

fn items() -> (Vec<Item>, Vec<Item>) {
    let mut rng = Rng(11);
    let p: Vec<_> = (1..=5).map(|n| human(&mut rng, n)).collect();
    let mut sent = invitation_of(&invitation_id(1), Direction::Sent, &p[0], PROVIDER);
    sent.sent_at = Some(RelativeTime {
        text: "2 days ago".into(),
        days: Some(2),
        at: Some("2026-04-24T10:35:00.000Z".into()),
        precision: Some(linkedin_network::model::Precision::Day),
        anchor: Some("2026-04-26T10:35:00.000Z".into()),
    });
    sent.message = Some("Hi \"there\" 👋".into());
    let before = vec![
        Item::Invitation(sent),
        Item::Invitation(invitation_of(
            &invitation_id(2),
            Direction::Received,
            &p[1],
            PROVIDER,
        )),
        Item::Connection(connection_of(&p[2], PROVIDER)),
    ];
    let after = vec![
        Item::Connection(connection_of(&p[0], PROVIDER)),
        Item::Connection(connection_of(&p[3], PROVIDER)),
        Item::Connection(connection_of(&p[2], PROVIDER)),
        Item::Invitation(invitation_of(
            &invitation_id(3),
            Direction::Sent,
            &p[4],
            PROVIDER,
        )),
    ];
    (before, after)
}

/// The Rust diff with each added item (and accepted connection) replaced
/// by its position in `flat`, as diffSnapshots_json answers.
fn expected_with_positions(before: &[Item], after: &[Item], flat: &[Item]) -> serde_json::Value {
    let changes = diff_snapshots(
        providers::find(PROVIDER).unwrap(),
        &Snapshot::from_items(before.to_vec()),
        &Snapshot::from_items(after.to_vec()),
    )
    .unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(&to_json_string(&changes)).unwrap();
    let flat_json: Vec<serde_json::Value> = flat
        .iter()
        .map(|item| serde_json::from_str(&to_json_string(item)).unwrap())
        .collect();
    let position = |item: &serde_json::Value| {
        flat_json
            .iter()
            .position(|candidate| candidate == item)
            .unwrap()
    };
    for list in ["sentInvitations", "receivedInvitations", "connections"] {
        let added: Vec<usize> = expected[list]["added"]
            .as_array()
            .unwrap()
            .iter()
            .map(position)
            .collect();
        expected[list]["added"] = serde_json::json!(added);
    }
    for pair in expected["accepted"].as_array_mut().unwrap() {
        pair["connection"] = serde_json::json!(position(&pair["connection"]));
    }
    expected
}

#[test]
fn diff_snapshots_json_is_the_rust_diff_with_positions_in_after() {
    let (before, after) = items();
    let options = format!(
        r#"{{"provider":"{PROVIDER}","before":{},"after":{}}}"#,
        to_json_string(&before),
        to_json_string(&after)
    );
    let answer: serde_json::Value =
        serde_json::from_str(&diff_snapshots_json(&options).unwrap()).unwrap();
    let expected = expected_with_positions(&before, &after, &after);
    assert_eq!(answer, expected);
    assert_eq!(answer["connections"]["added"], serde_json::json!([0, 1]));
    assert_eq!(answer["sentInvitations"]["added"], serde_json::json!([3]));
    assert_eq!(
        answer["accepted"][0]["invitation"]["key"],
        invitation_id(1).as_str()
    );
    assert_eq!(answer["accepted"][0]["connection"], 0);
    // The same snapshots as lists by name (keys in any order): positions
    // count sentInvitations, then receivedInvitations, then connections.
    let lists = |items: &[Item]| {
        let snapshot = Snapshot::from_items(items.to_vec());
        format!(
            r#"{{"connections":{},"receivedInvitations":{},"sentInvitations":{}}}"#,
            to_json_string(&snapshot.connections),
            to_json_string(&snapshot.received_invitations),
            to_json_string(&snapshot.sent_invitations)
        )
    };
    let flat = |items: &[Item]| {
        let snapshot = Snapshot::from_items(items.to_vec());
        let invitations = snapshot
            .sent_invitations
            .into_iter()
            .chain(snapshot.received_invitations)
            .map(Item::Invitation);
        invitations
            .chain(snapshot.connections.into_iter().map(Item::Connection))
            .collect::<Vec<_>>()
    };
    let options = format!(
        r#"{{"provider":"{PROVIDER}","before":{},"after":{}}}"#,
        lists(&before),
        lists(&after)
    );
    let answer: serde_json::Value =
        serde_json::from_str(&diff_snapshots_json(&options).unwrap()).unwrap();
    assert_eq!(
        answer,
        expected_with_positions(&before, &after, &flat(&after))
    );
    assert_eq!(answer["connections"]["added"], serde_json::json!([1, 2]));
    // A first reading: no `before`.
    let first: serde_json::Value = serde_json::from_str(
        &diff_snapshots_json(&format!(
            r#"{{"provider":"{PROVIDER}","after":{}}}"#,
            to_json_string(&after)
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(first["connections"]["added"], serde_json::json!([0, 1, 2]));
}

#[test]
fn diff_snapshots_json_names_the_field_of_a_bad_item() {
    let cases = [
        (
            r#"{"provider":"connectsafely","after":[{"kind":"connection","provider":"connectsafely","person":{"name":5}}]}"#,
            "after[0].person.name must be a string or null",
        ),
        (
            r#"{"provider":"connectsafely","before":[{"kind":"invitation","provider":"connectsafely","direction":"sent"}]}"#,
            "before[0].id is required",
        ),
        (
            r#"{"provider":"connectsafely","before":[{"kind":"friend","provider":"connectsafely"}]}"#,
            "before[0].kind must be",
        ),
        (
            r#"{"provider":"connectsafely","before":{"pending":[]}}"#,
            "before.\"pending\" is not a list",
        ),
        (
            r#"{"provider":"connectsafely","before":7}"#,
            "before must be an array of items",
        ),
        (
            r#"{"provider":"linkup-v2","after":[{"kind":"connection","provider":"connectsafely","person":{}}]}"#,
            "after holds an item read from \"connectsafely\"",
        ),
        (r#"{"provider":"nope"}"#, "provider must be one of"),
        (
            r#"{"provider":"linkup-v2","since":[]}"#,
            "\"since\" is not an option of diffSnapshots",
        ),
    ];
    for (options, message) in cases {
        let error = diff_snapshots_json(options).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(
            error.message.starts_with(message),
            "{options}: {}",
            error.message
        );
    }
}

#[test]
fn sync_options_are_read_strictly() {
    let request = sync_options(r#"{"state":"lns1.x","resources":["connections"],"full":true,"maxCredits":3,"maxRequests":40}"#).unwrap();
    assert_eq!(request.state.as_deref(), Some("lns1.x"));
    assert_eq!(request.resources, Some(vec![Resource::Connections]));
    assert!(request.full);
    assert_eq!(
        (request.budgets.max_credits, request.budgets.max_requests),
        (Some(3), Some(40))
    );
    let defaults = sync_options("null").unwrap();
    assert!(defaults.state.is_none() && defaults.resources.is_none() && !defaults.full);
    for (options, field) in [
        (r#"{"full":"yes"}"#, "full "),
        (r#"{"resources":"connections"}"#, "resources "),
        (
            r#"{"resources":["friends"]}"#,
            "resources must be an array of \"sentInvitations\"",
        ),
        (r#"{"maxCredits":-1}"#, "maxCredits "),
        (r#"{"state":5}"#, "state "),
        (r#"{"maxItems":5}"#, "\"maxItems\" "),
    ] {
        let error = sync_options(options).unwrap_err();
        assert!(
            error.message.starts_with(field),
            "{options}: {}",
            error.message
        );
    }
}
