//! Edges of the client's pure parts that its runs rarely reach (survivors
//! of `make mutants` in src/client): how a refused redirect is told with
//! and without its status.

use linkedin_network::client::call::transport_error;
use linkedin_network::client::transport::TransportError;
use linkedin_network::error::ErrorCode;

#[test]
fn a_redirect_is_refused_with_its_status_or_as_an_opaque_one() {
    let seen = transport_error("linkup-v2", TransportError::Redirect { status: 302 });
    assert_eq!(seen.code, ErrorCode::RedirectRefused);
    assert_eq!(seen.status, Some(302));
    assert!(
        seen.message
            .starts_with("linkup-v2 answered HTTP 302 (a redirect);"),
        "{}",
        seen.message
    );
    // A browser's opaque redirect (status 0): no status to give.
    let opaque = transport_error("linkup-v2", TransportError::Redirect { status: 0 });
    assert_eq!(opaque.code, ErrorCode::RedirectRefused);
    assert_eq!(opaque.status, None);
    assert!(
        opaque.message.starts_with("linkup-v2 answered a redirect;"),
        "{}",
        opaque.message
    );
    assert!(!seen.retryable && !opaque.retryable);
}

#[test]
fn a_stop_reason_has_its_public_name_in_json() {
    use linkedin_network::client::budget::StopReason;
    use linkedin_network::json::to_json_string;
    for (reason, name) in [
        (StopReason::End, "end"),
        (StopReason::MaxItems, "maxItems"),
        (StopReason::MaxCredits, "maxCredits"),
        (StopReason::MaxRequests, "maxRequests"),
    ] {
        assert_eq!(reason.as_str(), name);
        assert_eq!(to_json_string(&reason), format!("\"{name}\""));
    }
}

#[test]
fn a_retry_may_take_the_last_request_of_the_budget_and_no_more() {
    use linkedin_network::client::budget::{Budgets, Spend, StopReason};
    let budgets = Budgets {
        max_requests: Some(3),
        ..Budgets::default()
    };
    let spent = |requests| Spend {
        requests,
        ..Spend::default()
    };
    assert_eq!(budgets.allows_attempt(&spent(2)), Ok(()));
    assert_eq!(
        budgets.allows_attempt(&spent(3)),
        Err(StopReason::MaxRequests)
    );
    // Credits: what is spent, at risk and reserved may reach the budget, not pass it.
    let credits = Budgets {
        max_credits: Some(3),
        ..Budgets::default()
    };
    let committed = |used, at_risk, reserved| Spend {
        credits_used: used,
        credits_at_risk: at_risk,
        credits_reserved: reserved,
        ..Spend::default()
    };
    assert_eq!(credits.allows_attempt(&committed(1, 1, 1)), Ok(()));
    assert_eq!(
        credits.allows_attempt(&committed(1, 2, 1)),
        Err(StopReason::MaxCredits)
    );
}

#[test]
fn the_duplicate_window_remembers_the_last_thousand_identities() {
    use linkedin_network::client::dedupe::{RecentIdentities, WINDOW};
    let mut recent = RecentIdentities::default();
    let id = |n: usize| format!("urn:li:invitation:{n}");
    for n in 0..WINDOW {
        assert!(recent.insert(&id(n)));
    }
    assert!(recent.contains(&id(0)), "a full window forgets nothing");
    assert!(!recent.insert(&id(0)), "a repeat inside the window");
    assert!(recent.insert(&id(WINDOW)));
    assert!(!recent.contains(&id(0)), "the oldest leaves");
    assert!(recent.contains(&id(1)) && recent.contains(&id(WINDOW)));
    assert_eq!(recent.newest(WINDOW + 5).len(), WINDOW);
}

#[test]
fn a_run_keeps_fifty_warnings_and_counts_the_rest() {
    use linkedin_network::client::report::Warnings;
    let mut warnings = Warnings::default();
    for n in 0..49 {
        warnings.push(format!("w{n}"));
    }
    warnings.extend(vec!["w49".into(), "w50".into(), "w51".into()]);
    let shown = warnings.with_duplicates(2);
    assert_eq!(shown.len(), 52);
    assert_eq!(shown[49], "w49");
    assert_eq!(shown[50], "2 more warnings not shown");
    assert!(shown[51].starts_with("2 duplicate item(s) dropped"));
    let mut few = Warnings::default();
    few.extend(vec!["only".into()]);
    assert_eq!(few.with_duplicates(0), ["only"]);
}

#[test]
fn jitter_is_xorshift64_star_and_spreads_over_the_unit_interval() {
    use linkedin_network::client::retry::Jitter;
    // Vigna's xorshift64* (shifts 12, 25, 27; multiplier 0x2545F4914F6CDD1D),
    // its top 53 bits as a fraction: written here from the published algorithm.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15 | 1;
    let mut reference = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut jitter = Jitter::new(0x9e37_79b9_7f4a_7c15);
    let draws: Vec<f64> = (0..10_000).map(|_| jitter.next_unit()).collect();
    for (index, draw) in draws.iter().enumerate().take(100) {
        assert_eq!(*draw, reference(), "draw {index}");
    }
    assert!(draws.iter().all(|d| (0.0..1.0).contains(d)));
    let mean = draws.iter().sum::<f64>() / draws.len() as f64;
    assert!((0.48..0.52).contains(&mean), "{mean}");
    let mut tenths = [0usize; 10];
    for draw in &draws {
        tenths[(draw * 10.0) as usize] += 1;
    }
    assert!(
        tenths.iter().all(|&n| (900..1100).contains(&n)),
        "{tenths:?}"
    );
}
