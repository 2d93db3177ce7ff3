//! Property tests of the writes: under any sequence of faults, on any
//! provider, no invitation is acted on twice; a withdraw that ends well
//! reports exactly the credits charged where at most one answer was lost
//! (and never more than was charged); one that fails never claims more;
//! and withdrawStale never withdraws one younger than asked nor lets what
//! may have been charged pass `maxCredits`.

mod support;

use linkedin_network::actions::report::WithdrawStale;
use linkedin_network::actions::stale::StaleRequest;
use linkedin_network::actions::{Action, ActionOutcome};
use linkedin_network::client::CancelToken;
use proptest::prelude::*;
use support::block_on;
use support::fake_actions::{listed, setup, FakeActions, Fault};
use support::PROVIDERS;

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::None),
        Just(Fault::ResetBeforeRequest),
        Just(Fault::RateLimited(None)),
        Just(Fault::RateLimited(Some(1))),
        Just(Fault::Unavailable),
        Just(Fault::ServerError { acted: false }),
        Just(Fault::ServerError { acted: true }),
        Just(Fault::HangAfterReceived),
        Just(Fault::CutAnswer),
        Just(Fault::Unauthorized),
    ]
}

fn provider() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PROVIDERS.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(support::cases::cases(3_000)))]

    #[test]
    fn a_withdraw_acts_at_most_once_and_reports_what_was_charged(
        provider in provider(),
        faults in prop::collection::vec(fault(), 0..4),
    ) {
        let run = setup(FakeActions::new(provider, &[30], 0).with_faults(&faults));
        let invitation = listed(&run).remove(0);
        let before = run.fake.charged();
        let result = block_on(&run.clock, run.client.act(Action::Withdraw, &invitation, CancelToken::new()));
        let charged = run.fake.charged() - before;
        let sent = *run.fake.action_requests.borrow();
        prop_assert!(run.fake.effects().len() <= 1, "acted twice: {:?}", run.fake.effects());
        prop_assert!(sent <= 3, "{sent} attempts");
        // What the answers lost on the way could have been billed is
        // inferred for one of them; past one, it is only bounded.
        let lost = faults
            .iter()
            .take(sent as usize)
            .filter(|fault| matches!(fault, Fault::HangAfterReceived | Fault::CutAnswer | Fault::ServerError { .. }))
            .count();
        match result {
            Ok(done) => {
                prop_assert_eq!(run.fake.effects().len(), 1);
                prop_assert!(matches!(done.outcome, ActionOutcome::Withdrawn | ActionOutcome::NotPending));
                prop_assert_eq!(done.requests, sent);
                prop_assert!(done.credits_used <= charged, "reported {} > charged {charged}", done.credits_used);
                prop_assert!(charged < done.credits_used + sent, "charged {charged}, reported {}", done.credits_used);
                if lost <= 1 {
                    prop_assert_eq!(done.credits_used, charged);
                }
            }
            Err(error) => prop_assert!(error.credits_used <= charged, "{} > {charged}", error.credits_used),
        }
    }

    #[test]
    fn withdraw_stale_never_withdraws_the_young_nor_passes_max_credits(
        provider in provider(),
        ages in prop::collection::vec(0u64..120, 1..30),
        older_than_days in 0u64..60,
        max_credits in 0u64..12,
        faults in prop::collection::vec(fault(), 0..6),
    ) {
        let run = setup(FakeActions::new(provider, &ages, 0).with_faults(&faults));
        let request = StaleRequest { older_than_days, max_credits: Some(max_credits), ..StaleRequest::default() };
        let result = block_on(&run.clock, run.client.withdraw_stale(request, CancelToken::new(), &mut |_| {}));
        let Ok(WithdrawStale::Ran(done)) = result else {
            // A read the faults defeated: nothing may have been written.
            prop_assert!(run.fake.effects().is_empty());
            return Ok(());
        };
        prop_assert!(run.fake.charged() <= max_credits, "charged {} > maxCredits {max_credits}", run.fake.charged());
        let mut seen = std::collections::HashSet::new();
        for (_, id) in run.fake.effects() {
            prop_assert!(seen.insert(id.clone()), "{id} acted on twice");
            let index = (0..ages.len())
                .find(|index| (7_331_558_767_219_683_329u64 + *index as u64 * 1_031).to_string() == id)
                .unwrap();
            prop_assert!(ages[index] >= older_than_days, "withdrew one {} days old", ages[index]);
        }
        prop_assert!(done.credits_used <= run.fake.charged());
        prop_assert_eq!(done.withdrawn + done.not_pending + done.failed, done.results.len() as u64);
    }
}
