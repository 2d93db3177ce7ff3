//! Reading whole lists and ranges: every item once, in list order, at the
//! plan's price, pages fetched concurrently once the total is known.

mod support;

use linkedin_network::client::budget::StopReason;
use linkedin_network::client::{CancelToken, RunRequest, Settings};
use linkedin_network::model::Item;
use linkedin_network::providers;
use linkedin_network::query::{ListQuery, Resource};
use support::*;

fn ids_of(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Invitation(invitation) => invitation.id.clone(),
            Item::Connection(connection) => connection.person.profile_url.clone().unwrap(),
        })
        .collect()
}

#[test]
fn collect_reads_every_sent_invitation_in_order_at_the_floor_price() {
    // (provider, credits floor for 145 items, HTTP requests); linkup-v1 reads one
    // page first so a short list costs only its pages, then ten pages a call.
    for (provider, credits, requests) in [
        ("linkup-v2", 3, 2),
        ("linkup-v1", 15, 3),
        // No total: after the first page each read starts on the last item
        // delivered (to notice removals), so 9 new items a request, and one
        // more request finds the end of a list whose size fills its pages.
        ("connectsafely", 0, 17),
    ] {
        let api = FakeApi::new(provider, 145);
        let (client, transport, clock) = honest_client(&api, Settings::default());
        let mut progress = Vec::new();
        let result = block_on(
            &clock,
            client.collect(
                Resource::SentInvitations,
                RunRequest::default(),
                CancelToken::new(),
                &mut |p| progress.push(p.clone()),
            ),
        )
        .unwrap();
        assert_eq!(ids_of(&result.items), fake_api::ids(145), "{provider}");
        assert_eq!(result.credits_used, credits, "{provider}");
        assert_eq!(api.charged(), credits, "{provider}: the provider's ledger");
        assert_eq!(result.requests, requests, "{provider}");
        assert_eq!(transport.requests() as u64, requests);
        assert!(
            result.complete && result.stop_reason == StopReason::End,
            "{provider}"
        );
        assert_eq!(result.duplicates_dropped, 0);
        assert!(
            result.warnings.is_empty(),
            "{provider}: {:?}",
            result.warnings
        );
        // One event a page, then one when the run has ended, saying why.
        let (last, pages) = progress.split_last().unwrap();
        assert_eq!(pages.len() as u64, requests, "one progress event a page");
        assert!(pages.iter().all(|event| event.stop_reason.is_none()));
        assert_eq!(last.stop_reason, Some(StopReason::End), "{provider}");
        assert_eq!((last.items, &last.cursor), (145, &result.cursor));
    }
}

#[test]
fn pages_arrive_out_of_order_and_are_delivered_in_list_order() {
    let clock = Clock::default();
    let api = FakeApi::new("linkup-v2", 1201);
    let fake = api.clone();
    // The first page is slow; later pages each answer faster than the one before.
    let transport = Scripted::new(&clock, move |sent, index| {
        fake.answer_after(sent, 1000 - 60 * index as i64)
    });
    let client = client("linkup-v2", transport.clone(), &clock, Settings::default());
    let result = collect_on(
        &client,
        &clock,
        Resource::Connections,
        RunRequest::default(),
    )
    .unwrap();
    let expected: Vec<String> = fake_api::ids(1201)
        .iter()
        .map(|id| format!("https://www.linkedin.com/in/p-{id}"))
        .collect();
    assert_eq!(ids_of(&result.items), expected);
    assert_eq!(result.credits_used, 25, "ceil(1201 / 50)");
    assert_eq!(
        transport.log.borrow().max_in_flight,
        4,
        "the default concurrency, once the total is known"
    );
    let first = &transport.log.borrow().sent;
    assert_eq!(
        first.iter().filter(|sent| sent.at == 0).count(),
        1,
        "one request until the total is known"
    );
}

#[test]
fn concurrency_one_fetches_one_page_at_a_time() {
    let api = FakeApi::new("linkup-v1", 300);
    let settings = Settings {
        concurrency: 1,
        ..Settings::default()
    };
    let (result, transport, clock) =
        collect_sent(&api, settings, RunRequest::default(), |api, sent, _| {
            api.answer(sent)
        });
    let result = result.unwrap();
    assert_eq!(result.items.len(), 300);
    assert_eq!(transport.log.borrow().max_in_flight, 1);
    assert_eq!(
        clock.now(),
        400,
        "one page to learn the total, then 100, 100 and 90 items, one after another"
    );
}

#[test]
fn list_reads_one_range_and_drops_what_the_page_grid_adds() {
    let api = FakeApi::new("linkup-v1", 145);
    let (client, _, clock) = honest_client(&api, Settings::default());
    let provider = providers::find("linkup-v1").unwrap();
    let query = ListQuery::new(provider, Resource::SentInvitations, 35, 30, None).unwrap();
    let estimate = client.estimate(&query);
    let page = block_on(&clock, client.list(query, CancelToken::new())).unwrap();
    assert_eq!(ids_of(&page.items), fake_api::ids(145)[35..65].to_vec());
    assert_eq!(
        (page.offset, page.total, page.has_more),
        (35, Some(145), true)
    );
    assert_eq!(page.credits_used, 4, "pages 4 to 7");
    assert_eq!(page.credits_used, estimate.credits);
    assert_eq!(api.charged(), 4);
    assert_eq!(page.requests, estimate.requests);
}

#[test]
fn list_at_the_end_says_there_is_no_more() {
    let api = FakeApi::new("connectsafely", 25);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let provider = providers::find("connectsafely").unwrap();
    let query = ListQuery::new(provider, Resource::Connections, 12, 100, None).unwrap();
    let page = block_on(&clock, client.list(query, CancelToken::new())).unwrap();
    assert_eq!(page.items.len(), 13);
    assert!(!page.has_more);
    assert_eq!(
        transport.requests(),
        2,
        "12 then a short page of 1 ends the list"
    );
    let urls: Vec<u64> = transport.sent_map(|sent| sent.query("limit").unwrap());
    assert_eq!(urls, vec![12, 12]);
}

#[test]
fn max_items_plans_only_what_it_will_deliver() {
    let api = FakeApi::new("linkup-v2", 1201);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let request = RunRequest {
        budgets: linkedin_network::client::budget::Budgets {
            max_items: Some(120),
            ..Default::default()
        },
        ..Default::default()
    };
    let result = collect_on(&client, &clock, Resource::Connections, request).unwrap();
    assert_eq!(result.items.len(), 120);
    assert_eq!(result.credits_used, 3, "100 then 20: ceil(120 / 50)");
    assert_eq!(
        (result.complete, result.stop_reason),
        (false, StopReason::MaxItems)
    );
    let counts: Vec<u64> =
        transport.sent_map(|sent| sent.json()["params"]["count"].as_u64().unwrap());
    assert_eq!(counts, vec![100, 20]);
}

#[test]
fn collect_without_max_items_stops_at_ten_thousand() {
    let api = FakeApi::new("linkup-v2", 10_050);
    let (result, _, _) = collect_sent(
        &api,
        Settings::default(),
        RunRequest::default(),
        |api, sent, _| api.answer(sent),
    );
    let result = result.unwrap();
    assert_eq!(result.items.len(), 10_000);
    assert_eq!(result.stop_reason, StopReason::MaxItems);
    assert_eq!(api.charged(), 200);
}

#[test]
fn an_empty_list_ends_after_one_request() {
    for provider in PROVIDERS {
        let api = FakeApi::new(provider, 0);
        let (client, transport, clock) = honest_client(&api, Settings::default());
        let result = collect_whole_sent(&client, &clock);
        assert!(result.items.is_empty() && result.complete, "{provider}");
        assert_eq!(transport.requests(), 1, "{provider}");
    }
}

/// `list({ cursor })` continues from a page's cursor: page after page, the
/// ranges join with nothing repeated or skipped, on every provider.
#[test]
fn list_continues_from_a_pages_cursor() {
    use linkedin_network::client::ListRequest;
    for provider in support::PROVIDERS {
        let api = FakeApi::new(provider, 95);
        let (client, _, clock) = honest_client(&api, Settings::default());
        let plan = providers::find(provider).unwrap();
        let mut cursor = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            let query = ListQuery::new(plan, Resource::SentInvitations, 0, 30, None).unwrap();
            let request = ListRequest {
                query,
                cursor: cursor.take(),
                budgets: Default::default(),
            };
            let page = block_on(&clock, client.list(request, CancelToken::new())).unwrap();
            seen.extend(ids_of(&page.items));
            cursor = Some(page.cursor);
        }
        assert_eq!(seen, fake_api::ids(95), "{provider}");
    }
}

/// A range whose plan passes maxCredits or maxRequests is BUDGET_EXCEEDED
/// before anything is sent; one within them is read.
#[test]
fn list_over_its_budget_is_budget_exceeded_with_nothing_sent() {
    use linkedin_network::client::budget::Budgets;
    use linkedin_network::client::ListRequest;
    use linkedin_network::error::ErrorCode;
    let api = FakeApi::new("linkup-v1", 145);
    let (client, transport, clock) = honest_client(&api, Settings::default());
    let provider = providers::find("linkup-v1").unwrap();
    let query = ListQuery::new(provider, Resource::SentInvitations, 0, 25, None).unwrap();
    let price = client.estimate(&query);
    assert_eq!(price.credits, 3, "pages 1 to 3");
    for budgets in [
        Budgets {
            max_credits: Some(2),
            ..Budgets::default()
        },
        Budgets {
            max_requests: Some(price.requests - 1),
            ..Budgets::default()
        },
    ] {
        let request = ListRequest {
            query: query.clone(),
            cursor: None,
            budgets,
        };
        let error = block_on(&clock, client.list(request, CancelToken::new())).unwrap_err();
        assert_eq!(
            (error.code, error.provider),
            (ErrorCode::BudgetExceeded, Some("linkup-v1"))
        );
        assert!(
            error.message.contains("planned at 3 credits"),
            "{}",
            error.message
        );
    }
    assert_eq!(transport.requests(), 0);
    let request = ListRequest {
        query,
        cursor: None,
        budgets: Budgets {
            max_credits: Some(3),
            max_requests: Some(price.requests),
            max_items: None,
        },
    };
    let page = block_on(&clock, client.list(request, CancelToken::new())).unwrap();
    assert_eq!((page.items.len(), page.credits_used), (25, 3));
}
