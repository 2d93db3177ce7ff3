//! `withdrawStale`'s plan, pure: from the whole pending sent list, the
//! invitations old enough to withdraw, oldest first, within `max` and
//! `maxCredits`, priced before the first withdrawal is sent.

use crate::actions::Cost;
use crate::json::write::json_object;
use crate::model::Invitation;
use crate::normalize::time::parse_iso;

/// What a caller asks `withdrawStale` for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StaleRequest {
    /// Withdraw only invitations at least this many whole days old.
    pub older_than_days: u64,
    /// At most this many withdrawals.
    pub max: Option<u64>,
    /// At most this many credits for the whole run, the read of the list included.
    pub max_credits: Option<u64>,
    /// At most this many HTTP requests for the whole run.
    pub max_requests: Option<u64>,
    /// Plan only: nothing is written.
    pub dry_run: bool,
}

/// One invitation the plan withdraws, with its age in whole days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCandidate {
    pub invitation: Invitation,
    pub days: i64,
}

/// The plan: what a run will withdraw and what the whole run costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StalePlan {
    pub candidates: Vec<StaleCandidate>,
    /// Credits of the whole run: reading the list plus every planned withdrawal.
    pub credits: u64,
    /// HTTP requests of the whole run, the same way.
    pub requests: u64,
    /// Stale invitations left out by `max`, `maxCredits` or `maxRequests`.
    pub left_out: u64,
    /// Why some were left out: `"max"`, `"maxCredits"` or `"maxRequests"`.
    pub limited_by: Option<&'static str>,
    pub warnings: Vec<String>,
}

/// The age an invitation is known to have at least, in whole days: `None`
/// when the provider's time could not be read (such an invitation is never
/// withdrawn: it could be younger than asked).
pub fn age_days(invitation: &Invitation) -> Option<i64> {
    let sent_at = invitation.sent_at.as_ref()?;
    sent_at.at.as_ref()?;
    sent_at.days
}

fn is_pending(invitation: &Invitation) -> bool {
    invitation
        .state
        .as_deref()
        .is_none_or(|state| state.eq_ignore_ascii_case("PENDING"))
}

/// Plans the withdrawals. `pending` is the whole sent list as read; `read`
/// what reading it cost (it counts against `maxCredits` and `maxRequests`
/// and is part of the price); `price` one withdrawal's.
///
/// Candidates are the pending invitations at least `older_than_days` old,
/// oldest first by `sentAt.at` (then by age, then further down the list
/// first: lists are newest first), taken while
/// `max`, and the budgets that remain after the read, allow one more.
pub fn plan_withdraw_stale(
    pending: &[Invitation],
    request: &StaleRequest,
    price: Cost,
    read: Cost,
) -> StalePlan {
    let wanted = i64::try_from(request.older_than_days).unwrap_or(i64::MAX);
    let mut stale: Vec<(usize, i64, Option<i64>, StaleCandidate)> = pending
        .iter()
        .enumerate()
        .filter(|(_, invitation)| is_pending(invitation))
        .filter_map(|(position, invitation)| {
            let days = age_days(invitation)?;
            let at = invitation
                .sent_at
                .as_ref()
                .and_then(|time| time.at.as_deref())
                .and_then(parse_iso);
            let candidate = StaleCandidate {
                invitation: invitation.clone(),
                days,
            };
            (days >= wanted).then_some((position, days, at, candidate))
        })
        .collect();
    // Oldest first by `at`, then by age. Coarse times tie ("3 months ago"
    // is 90 days for anything from 90 to 119): the list is newest first, so
    // of equal times the one further down is the older. An insertion sort:
    // a pending list is a few hundred items, and std's sort would add 3 KB
    // of WebAssembly for this one use.
    let older = |a: &(usize, i64, Option<i64>, StaleCandidate),
                 b: &(usize, i64, Option<i64>, StaleCandidate)| {
        (
            a.2.unwrap_or(i64::MAX),
            core::cmp::Reverse(a.1),
            core::cmp::Reverse(a.0),
        ) < (
            b.2.unwrap_or(i64::MAX),
            core::cmp::Reverse(b.1),
            core::cmp::Reverse(b.0),
        )
    };
    for next in 1..stale.len() {
        let mut at = next;
        while at > 0 {
            let (Some(before), Some(here)) = (stale.get(at - 1), stale.get(at)) else {
                break;
            };
            if !older(here, before) {
                break;
            }
            stale.swap(at - 1, at);
            at -= 1;
        }
    }
    let mut spent = read;
    let mut candidates = Vec::new();
    let mut limited_by = None;
    for (_, _, _, candidate) in stale.iter() {
        let next = spent.plus(price);
        let count = u64::try_from(candidates.len()).unwrap_or(u64::MAX);
        limited_by = if request.max.is_some_and(|max| count >= max) {
            Some("max")
        } else if request.max_credits.is_some_and(|max| next.credits > max) {
            Some("maxCredits")
        } else if request.max_requests.is_some_and(|max| next.requests > max) {
            Some("maxRequests")
        } else {
            None
        };
        if limited_by.is_some() {
            break;
        }
        spent = next;
        candidates.push(candidate.clone());
    }
    let left_out = u64::try_from(stale.len().saturating_sub(candidates.len())).unwrap_or(0);
    StalePlan {
        candidates,
        credits: spent.credits,
        requests: spent.requests,
        left_out,
        limited_by,
        warnings: vec![REINVITE_WARNING.to_string()],
    }
}

/// Said with every `withdrawStale` plan and result (LinkedIn's rule, NOTES.md).
pub const REINVITE_WARNING: &str =
    "a withdrawn person cannot be invited again for about three weeks";

json_object!(StaleCandidate, |this| {
    "invitation" => this.invitation,
    "days" => this.days,
});

// SPEC §9's dry-run shape, plus what was left out and why.
json_object!(StalePlan, |this| {
    "candidates" => this.candidates,
    "credits" => this.credits,
    "requests" => this.requests,
    "leftOut" => this.left_out,
    "limitedBy" => this.limited_by,
    "warnings" => this.warnings,
});
