//! diffSnapshots (SPEC §8): keys, added, removed, accepted, and the JSON shape.

mod support;
mod sync_support;

use linkedin_network::error::ErrorCode;
use linkedin_network::json::to_json_string;
use linkedin_network::model::{Direction, Item};
use linkedin_network::providers;
use linkedin_network::sync::{diff_snapshots, Snapshot};
use sync_support::{connection_of, human, invitation_id, invitation_of, Human, Rng};

const PROVIDER: &str = "linkup-v2";

fn people(count: u64) -> Vec<Human> {
    let mut rng = Rng(7);
    (1..=count).map(|number| human(&mut rng, number)).collect()
}

fn sent(number: u64, person: &Human) -> Item {
    Item::Invitation(invitation_of(
        &invitation_id(number),
        Direction::Sent,
        person,
        PROVIDER,
    ))
}

fn received(number: u64, person: &Human) -> Item {
    Item::Invitation(invitation_of(
        &invitation_id(number),
        Direction::Received,
        person,
        PROVIDER,
    ))
}

fn connected(person: &Human) -> Item {
    Item::Connection(connection_of(person, PROVIDER))
}

fn diff(before: Vec<Item>, after: Vec<Item>) -> linkedin_network::sync::Changes {
    diff_snapshots(
        providers::find(PROVIDER).unwrap(),
        &Snapshot::from_items(before),
        &Snapshot::from_items(after),
    )
    .unwrap()
}

#[test]
fn added_and_removed_are_keyed_by_id_and_profile_url_in_list_order() {
    let p = people(8);
    let before = vec![
        sent(1, &p[0]),
        sent(2, &p[1]),
        received(3, &p[2]),
        connected(&p[3]),
        connected(&p[4]),
    ];
    let after = vec![
        sent(9, &p[5]),
        sent(2, &p[1]),
        connected(&p[6]),
        connected(&p[3]),
        received(3, &p[2]),
    ];
    let changes = diff(before, after);
    let added_ids: Vec<&str> = changes
        .sent_invitations
        .added
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(added_ids, [invitation_id(9)]);
    let removed: Vec<&str> = changes
        .sent_invitations
        .removed
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(removed, [invitation_id(1)]);
    assert_eq!(changes.sent_invitations.removed[0].name, Some(p[0].name()));
    assert_eq!(
        changes.sent_invitations.removed[0].profile_url,
        Some(p[0].canonical_url())
    );
    assert!(
        changes.received_invitations.added.is_empty()
            && changes.received_invitations.removed.is_empty()
    );
    let urls: Vec<&str> = changes
        .connections
        .added
        .iter()
        .map(|c| c.person.profile_url.as_deref().unwrap())
        .collect();
    assert_eq!(urls, [p[6].canonical_url()]);
    assert_eq!(changes.connections.removed.len(), 1);
    assert_eq!(changes.connections.removed[0].key, p[4].canonical_url());
    assert!(changes.accepted.is_empty(), "{:?}", changes.accepted);
    assert!(!changes.baseline);
}

#[test]
fn a_sent_invitation_that_became_a_connection_is_accepted_and_still_removed() {
    let p = people(4);
    let before = vec![sent(1, &p[0]), sent(2, &p[1]), connected(&p[2])];
    // p[0] accepted; p[1]'s invitation was withdrawn; p[3] connected without one.
    let after = vec![connected(&p[3]), connected(&p[0]), connected(&p[2])];
    let changes = diff(before, after);
    assert_eq!(changes.accepted.len(), 1);
    assert_eq!(changes.accepted[0].invitation.key, invitation_id(1));
    assert_eq!(
        changes.accepted[0].connection.person.profile_url,
        Some(p[0].canonical_url())
    );
    let removed: Vec<&str> = changes
        .sent_invitations
        .removed
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(
        removed,
        [invitation_id(1), invitation_id(2)],
        "accepted is also removed"
    );
    assert_eq!(
        changes.connections.added.len(),
        2,
        "and its connection also added"
    );
}

#[test]
fn accepted_matches_by_member_id_when_the_invitation_has_no_profile_url() {
    let p = people(1);
    let mut invitation = invitation_of(&invitation_id(1), Direction::Sent, &p[0], PROVIDER);
    invitation.person.profile_url = None;
    invitation.person.member_id = Some("ACoAAB1234".into());
    let mut connection = connection_of(&p[0], PROVIDER);
    connection.person.member_id = Some("ACoAAB1234".into());
    let changes = diff(
        vec![Item::Invitation(invitation)],
        vec![Item::Connection(connection)],
    );
    assert_eq!(changes.accepted.len(), 1);
}

#[test]
fn a_connection_without_a_profile_url_is_keyed_by_member_id() {
    let p = people(2);
    let mut connection = connection_of(&p[0], PROVIDER);
    connection.person.profile_url = None;
    connection.person.member_id = Some("ACoAAX".into());
    let mut renamed = connection.clone();
    renamed.person.name = Some("Someone Else".into());
    let changes = diff(
        vec![Item::Connection(connection)],
        vec![Item::Connection(renamed)],
    );
    assert!(changes.connections.added.is_empty() && changes.connections.removed.is_empty());
}

#[test]
fn items_of_another_provider_are_refused_naming_the_snapshot() {
    let p = people(1);
    let mut other = connection_of(&p[0], "linkup-v1");
    other.provider = "linkup-v1";
    let error = diff_snapshots(
        providers::find(PROVIDER).unwrap(),
        &Snapshot::default(),
        &Snapshot::from_items(vec![Item::Connection(other)]),
    )
    .unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.starts_with("after "), "{}", error.message);
}

#[test]
fn changes_serialize_in_the_spec_shape() {
    let p = people(2);
    let changes = diff(vec![sent(1, &p[0])], vec![connected(&p[0])]);
    let text = to_json_string(&changes);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let order = |keys: &[&str]| {
        let places: Vec<usize> = keys
            .iter()
            .map(|key| text.find(&format!("\"{key}\":")).unwrap())
            .collect();
        assert!(
            places.windows(2).all(|pair| pair[0] < pair[1]),
            "{keys:?} in {text}"
        );
    };
    order(&[
        "sentInvitations",
        "receivedInvitations",
        "connections",
        "accepted",
        "baseline",
    ]);
    assert_eq!(json.as_object().unwrap().len(), 5);
    let removed = &json["sentInvitations"]["removed"][0];
    let mut keys: Vec<&String> = removed.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["id", "key", "name", "profileUrl"]);
    assert_eq!(json["sentInvitations"]["added"], serde_json::json!([]));
    assert_eq!(removed["id"], invitation_id(1).as_str());
    assert_eq!(json["accepted"][0]["connection"]["kind"], "connection");
    assert_eq!(
        json["accepted"][0]["invitation"]["key"],
        invitation_id(1).as_str()
    );
    assert_eq!(
        json["connections"]["added"][0]["person"]["profileUrl"],
        p[0].canonical_url().as_str()
    );
    assert_eq!(json["baseline"], false);
}
