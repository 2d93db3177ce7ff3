//! The action inputs as they come from JavaScript: an invitation's JSON
//! form read back exactly, and `withdrawStale`'s options refused by name.

mod support;

use linkedin_network::action_options::{invitation_from_json, stale_options};
use linkedin_network::error::ErrorCode;
use linkedin_network::json::to_json_string;
use linkedin_network::query::Resource;
use support::actions::fixture_invitations;

#[test]
fn every_fixture_invitation_reads_back_exactly_from_its_json() {
    let files = [
        (
            "linkup-v2",
            Resource::SentInvitations,
            "linkup_v2/list_sent.relative_times.json",
        ),
        (
            "linkup-v2",
            Resource::ReceivedInvitations,
            "linkup_v2/list_invitations.received.json",
        ),
        (
            "linkup-v1",
            Resource::SentInvitations,
            "linkup_v1/sent_invitations.big_ids.json",
        ),
        (
            "linkup-v1",
            Resource::ReceivedInvitations,
            "linkup_v1/invitations.received_forms.json",
        ),
        (
            "connectsafely",
            Resource::SentInvitations,
            "connectsafely/invitations_sent.full_page.json",
        ),
        (
            "connectsafely",
            Resource::ReceivedInvitations,
            "connectsafely/invitations_received.categories.json",
        ),
    ];
    for (provider, resource, file) in files {
        for invitation in fixture_invitations(provider, resource, file) {
            let json = to_json_string(&invitation);
            assert_eq!(
                invitation_from_json(&json).unwrap(),
                invitation,
                "{file}: {json}"
            );
        }
    }
}

#[test]
fn keys_a_caller_added_are_ignored() {
    let json = r#"{"id":"7331558767219683329","direction":"sent","provider":"linkup-v2","person":{"name":"A","crmId":9},"mine":true}"#;
    let invitation = invitation_from_json(json).unwrap();
    assert_eq!(invitation.id, "7331558767219683329");
    assert_eq!(invitation.person.name.as_deref(), Some("A"));
}

#[test]
fn a_wrong_invitation_is_refused_naming_the_field() {
    let cases = [
        (r#"[1]"#, "invitation "),
        (
            r#"{"id":7331558767219683329,"direction":"sent","provider":"linkup-v2"}"#,
            "invitation.id ",
        ),
        (
            r#"{"id":"1","direction":"up","provider":"linkup-v2"}"#,
            "invitation.direction ",
        ),
        (
            r#"{"id":"1","direction":"sent","provider":"nope"}"#,
            "invitation.provider ",
        ),
        (
            r#"{"id":"1","direction":"sent","provider":"linkup-v2","person":{"publicIdentifier":5}}"#,
            "invitation.person.publicIdentifier ",
        ),
        (
            r#"{"id":"1","direction":"sent","provider":"linkup-v2","acceptToken":true}"#,
            "invitation.acceptToken ",
        ),
    ];
    for (json, field) in cases {
        let error = invitation_from_json(json).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput, "{json}");
        assert!(
            error.message.starts_with(field),
            "{json}: {}",
            error.message
        );
    }
}

#[test]
fn stale_options_read_and_refuse_by_name() {
    let request =
        stale_options(r#"{"olderThanDays":21,"max":50,"maxCredits":10,"dryRun":true}"#).unwrap();
    assert_eq!(request.older_than_days, 21);
    assert_eq!(request.max, Some(50));
    assert_eq!(request.max_credits, Some(10));
    assert!(request.dry_run);
    assert!(
        !stale_options(r#"{"olderThanDays":1,"max":500}"#)
            .unwrap()
            .dry_run
    );
    // Under a day old is never stale; more than 500 withdrawals in one run is refused.
    assert_eq!(
        stale_options(r#"{"olderThanDays":0}"#).unwrap_err().message,
        "olderThanDays must be an integer from 1 to 36500, got 0"
    );
    assert_eq!(
        stale_options(r#"{"olderThanDays":21,"max":501}"#)
            .unwrap_err()
            .message,
        "max must be an integer from 1 to 500, got 501"
    );
    for (json, field) in [
        ("{}", "olderThanDays "),
        (r#"{"olderThanDays":-1}"#, "olderThanDays "),
        (r#"{"olderThanDays":21,"dryRun":"yes"}"#, "dryRun "),
        (r#"{"olderThanDays":21,"max":0}"#, "max "),
        (r#"{"olderThanDays":21,"maxCredit":5}"#, "\"maxCredit\" "),
    ] {
        let error = stale_options(json).unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidInput, "{json}");
        assert!(
            error.message.starts_with(field),
            "{json}: {}",
            error.message
        );
    }
}
