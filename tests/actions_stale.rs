//! `withdrawStale`'s plan: the pending sent invitations at least
//! `olderThanDays` old, oldest first, within `max` and the budgets left
//! after reading the list; never a younger one, never one of unknown age.

use linkedin_network::actions::stale::{plan_withdraw_stale, StaleRequest, REINVITE_WARNING};
use linkedin_network::actions::Cost;
use linkedin_network::json::to_json_string;
use linkedin_network::model::{Direction, Invitation, Person, Precision, RelativeTime};

const DAY_MS: i64 = 86_400_000;
const ANCHOR_MS: i64 = 1_777_199_700_000; // 2026-04-26T10:35:00Z

fn invitation(id: u64, days: Option<i64>) -> Invitation {
    Invitation {
        id: id.to_string(),
        urn: Some(format!("urn:li:invitation:{id}")),
        direction: Direction::Sent,
        kind: "CONNECTION".into(),
        provider_type: None,
        state: None,
        message: None,
        sent_at: days.map(|days| RelativeTime {
            text: format!("{days}d"),
            days: Some(days),
            at: Some(linkedin_network::normalize::time::format_iso(
                ANCHOR_MS - days * DAY_MS,
            )),
            precision: Some(Precision::Day),
            anchor: Some(linkedin_network::normalize::time::format_iso(ANCHOR_MS)),
        }),
        person: Person {
            name: Some(format!("P {id}")),
            ..Person::default()
        },
        accept_token: None,
        provider: "linkup-v2",
    }
}

const PRICE: Cost = Cost {
    credits: 1,
    requests: 1,
};

fn request(older_than_days: u64) -> StaleRequest {
    StaleRequest {
        older_than_days,
        ..StaleRequest::default()
    }
}

fn ids(plan: &linkedin_network::actions::stale::StalePlan) -> Vec<String> {
    plan.candidates
        .iter()
        .map(|c| c.invitation.id.clone())
        .collect()
}

#[test]
fn oldest_first_and_never_younger_than_asked() {
    // Newest first, as lists come.
    let list: Vec<Invitation> = [(1, 2), (2, 20), (3, 21), (4, 45), (5, 30), (6, 90)]
        .into_iter()
        .map(|(id, days)| invitation(id, Some(days)))
        .collect();
    let plan = plan_withdraw_stale(&list, &request(21), PRICE, Cost::default());
    assert_eq!(ids(&plan), ["6", "4", "5", "3"]);
    assert!(plan.candidates.iter().all(|c| c.days >= 21));
    assert_eq!(plan.candidates[0].days, 90);
    assert_eq!((plan.credits, plan.requests), (4, 4));
    assert_eq!(plan.left_out, 0);
    assert_eq!(plan.limited_by, None);
    assert_eq!(plan.warnings, [REINVITE_WARNING]);
}

#[test]
fn an_invitation_of_unknown_age_or_not_pending_is_never_withdrawn() {
    let mut accepted = invitation(3, Some(60));
    accepted.state = Some("ACCEPTED".into());
    let mut pending = invitation(4, Some(60));
    pending.state = Some("PENDING".into());
    let mut unreadable = invitation(5, Some(60));
    unreadable.sent_at.as_mut().unwrap().at = None;
    let list = vec![invitation(1, None), accepted, pending, unreadable];
    let plan = plan_withdraw_stale(&list, &request(0), PRICE, Cost::default());
    assert_eq!(ids(&plan), ["4"]);
}

#[test]
fn max_and_max_credits_take_the_oldest_and_count_the_read() {
    let list: Vec<Invitation> = (1..=10)
        .map(|id| invitation(id, Some(20 + id as i64)))
        .collect();
    let by_max = plan_withdraw_stale(
        &list,
        &StaleRequest {
            max: Some(3),
            ..request(21)
        },
        PRICE,
        Cost::default(),
    );
    assert_eq!(ids(&by_max), ["10", "9", "8"]);
    assert_eq!((by_max.left_out, by_max.limited_by), (7, Some("max")));
    // Reading cost 2 credits and 3 requests: 5 credits leave 3 withdrawals.
    let read = Cost {
        credits: 2,
        requests: 3,
    };
    let by_credits = plan_withdraw_stale(
        &list,
        &StaleRequest {
            max_credits: Some(5),
            ..request(21)
        },
        PRICE,
        read,
    );
    assert_eq!(ids(&by_credits), ["10", "9", "8"]);
    assert_eq!((by_credits.credits, by_credits.requests), (5, 6));
    assert_eq!(by_credits.limited_by, Some("maxCredits"));
    let by_requests = plan_withdraw_stale(
        &list,
        &StaleRequest {
            max_requests: Some(4),
            ..request(21)
        },
        PRICE,
        read,
    );
    assert_eq!(ids(&by_requests), ["10"]);
    assert_eq!(by_requests.limited_by, Some("maxRequests"));
}

#[test]
fn free_withdrawals_are_limited_by_max_only() {
    let list: Vec<Invitation> = (1..=4).map(|id| invitation(id, Some(30))).collect();
    let free = Cost {
        credits: 0,
        requests: 1,
    };
    let plan = plan_withdraw_stale(
        &list,
        &StaleRequest {
            max_credits: Some(0),
            ..request(21)
        },
        free,
        Cost::default(),
    );
    // Equal ages: the list is newest first, so further down is older.
    assert_eq!(ids(&plan), ["4", "3", "2", "1"]);
    assert_eq!(plan.credits, 0);
}

#[test]
fn the_plan_as_json() {
    let plan = plan_withdraw_stale(
        &[invitation(7331558767219683329, Some(30))],
        &request(21),
        PRICE,
        Cost {
            credits: 1,
            requests: 1,
        },
    );
    let json: serde_json::Value = serde_json::from_str(&to_json_string(&plan)).unwrap();
    assert_eq!(
        json["candidates"][0]["invitation"]["id"],
        "7331558767219683329"
    );
    assert_eq!(json["candidates"][0]["days"], 30);
    assert_eq!(json["credits"], 2);
    assert_eq!(json["requests"], 2);
    assert_eq!(json["leftOut"], 0);
    assert!(json["limitedBy"].is_null());
    assert_eq!(json["warnings"][0], REINVITE_WARNING);
}
