//! `iterate`'s steps: every item carries the cursor right after it, a page's
//! progress rides on its last item, and the end-of-run step comes once,
//! last — so a caller that stops after any item resumes with exactly the
//! rest.

mod support;

use linkedin_network::client::report::Step;
use linkedin_network::client::{CancelToken, RunRequest, Settings};
use linkedin_network::query::Resource;
use support::*;

fn all_steps(provider: &'static str, size: usize) -> (FakeApi, Vec<Step>) {
    let api = FakeApi::new(provider, size);
    let (client, _, clock) = honest_client(&api, Settings::default());
    let mut run = client
        .iterate(
            Resource::SentInvitations,
            RunRequest::default(),
            CancelToken::new(),
        )
        .unwrap();
    let mut steps = Vec::new();
    loop {
        let next = block_on(&clock, run.next_steps()).unwrap();
        if next.is_empty() {
            break;
        }
        steps.extend(next);
    }
    (api, steps)
}

fn id_of(step: &Step) -> Option<String> {
    step.item
        .as_ref()
        .and_then(|item| item.identity())
        .map(str::to_string)
}

#[test]
fn progress_rides_on_each_pages_last_item_and_the_end_comes_once() {
    for provider in PROVIDERS {
        let (_, steps) = all_steps(provider, 145);
        let items: Vec<String> = steps.iter().filter_map(id_of).collect();
        assert_eq!(items, fake_api::ids(145), "{provider}");
        let last = steps.last().unwrap();
        assert!(
            last.end && last.item.is_none(),
            "{provider}: the run ends with the end step"
        );
        assert!(last.progress.as_ref().unwrap().stop_reason.is_some());
        assert_eq!(
            steps.iter().filter(|step| step.end).count(),
            1,
            "{provider}"
        );
        for (index, step) in steps.iter().enumerate() {
            if let Some(progress) = &step.progress {
                // A progress event's cursor is the cursor of the step it rides on.
                assert_eq!(progress.cursor, step.cursor, "{provider} step {index}");
                let delivered = steps[..=index].iter().filter(|s| s.item.is_some()).count();
                assert_eq!(
                    progress.items as usize, delivered,
                    "{provider} step {index}"
                );
            }
        }
        let pages = steps
            .iter()
            .filter(|step| step.progress.is_some() && !step.end)
            .count();
        assert!(pages >= 2, "{provider}: {pages} pages");
    }
}

#[test]
fn stopping_after_any_item_resumes_with_exactly_the_rest() {
    for provider in PROVIDERS {
        let (api, steps) = all_steps(provider, 145);
        let ids = fake_api::ids(145);
        let (client, _, clock) = honest_client(&api, Settings::default());
        let mut taken = 0;
        for step in steps.iter().filter(|step| step.item.is_some()) {
            taken += 1;
            let request = RunRequest {
                cursor: Some(step.cursor.clone()),
                ..RunRequest::default()
            };
            let rest = collect_on(&client, &clock, Resource::SentInvitations, request).unwrap();
            let rest_ids: Vec<String> = rest
                .items
                .iter()
                .filter_map(|item| item.identity())
                .map(str::to_string)
                .collect();
            assert_eq!(
                rest_ids,
                ids[taken..].to_vec(),
                "{provider}: stopped after item {taken}"
            );
        }
        assert_eq!(taken, 145);
    }
}
