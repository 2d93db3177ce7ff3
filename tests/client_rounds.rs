//! How many sequential rounds a whole read takes, in virtual time (every
//! answer 100 ms after its request): the fewest its provider's rules allow
//! while the list's length is unknown. linkup-v1 bills every page asked for,
//! so its first call is a one-page probe, then up to ten pages a call;
//! ConnectSafely gives no total, so it reads one page after another, each
//! after the first starting on the last item read (to notice items removed
//! before it) until a page comes back short. The bench's "checked floor"
//! (bench/sections/fetch-all.mjs) is these formulas; a run that took a round
//! more, or a read that overlapped more than one item, fails here.

mod support;

use linkedin_network::client::{RunRequest, Settings};
use support::fake_api::ids;
use support::*;

const LATENCY_MS: i64 = 100;

/// Collects `size` sent invitations at `concurrency`: (rounds, requests, each
/// request's offset parameter, credits charged), with every item checked
/// delivered once and in order.
fn read(
    provider: &'static str,
    size: usize,
    concurrency: usize,
    offset_of: fn(&Sent) -> u64,
) -> (i64, u64, Vec<u64>, u64) {
    let api = FakeApi::new(provider, size);
    assert_eq!(api.latency_ms, LATENCY_MS);
    let settings = Settings {
        concurrency,
        ..Settings::default()
    };
    let (result, transport, clock) =
        collect_sent(&api, settings, RunRequest::default(), |api, sent, _| {
            api.answer(sent)
        });
    let result = result.unwrap();
    assert_eq!(
        invitation_ids(&result.items),
        ids(size),
        "{provider} {size}"
    );
    assert!(result.complete && result.warnings.is_empty(), "{result:?}");
    assert_eq!(result.requests, transport.requests() as u64);
    assert_eq!(clock.now() % LATENCY_MS, 0, "only latency passes");
    (
        clock.now() / LATENCY_MS,
        result.requests,
        transport.sent_map(offset_of),
        api.charged(),
    )
}

fn start_page(sent: &Sent) -> u64 {
    sent.json()["start_page"].as_u64().unwrap()
}

fn start_index(sent: &Sent) -> u64 {
    sent.query("startIndex").unwrap()
}

/// linkup-v1: one round for the one-page probe, then the other pages ten a
/// call, `concurrency` calls at a time.
fn linkup_v1_rounds(size: u64, concurrency: u64) -> i64 {
    let pages = size.div_ceil(10).max(1);
    let calls = (pages - 1).div_ceil(10);
    (1 + calls.div_ceil(concurrency)) as i64
}

/// ConnectSafely: `page` items first, then `page − 1` new ones a read,
/// until a read comes back short.
fn connectsafely_rounds(size: u64, page: u64) -> i64 {
    if size < page {
        1
    } else {
        ((size - page) / (page - 1) + 2) as i64
    }
}

#[test]
fn linkup_v1_probes_one_page_then_reads_ten_a_call_at_the_fewest_rounds() {
    for size in [0, 7, 10, 11, 100, 101, 145, 1000, 1201] {
        for concurrency in [1, 4] {
            let (rounds, requests, pages, charged) =
                read("linkup-v1", size, concurrency, start_page);
            let expected = linkup_v1_rounds(size as u64, concurrency as u64);
            assert_eq!(rounds, expected, "{size} items, concurrency {concurrency}");
            // The probe, then the rest of the list on the grid of ten pages.
            let pages_of_list = (size as u64).div_ceil(10).max(1);
            let mut grid: Vec<u64> = vec![1];
            grid.extend((2..=pages_of_list).step_by(10));
            assert_eq!(pages, grid, "{size} items");
            assert_eq!(requests, grid.len() as u64);
            assert_eq!(
                charged, pages_of_list,
                "every page paid once, none past the end"
            );
        }
    }
}

#[test]
fn connectsafely_overlaps_each_read_by_exactly_one_item() {
    for size in [0, 9, 10, 11, 19, 20, 145, 1000] {
        for concurrency in [1, 4] {
            let (rounds, requests, starts, _) =
                read("connectsafely", size, concurrency, start_index);
            let expected = connectsafely_rounds(size as u64, 10);
            assert_eq!(rounds, expected, "{size} items, concurrency {concurrency}");
            assert_eq!(requests as i64, expected, "one read a round");
            // 0, then each read on the last item of the one before: 9 new a read.
            let anchored: Vec<u64> = (0..requests).map(|read| read * 9).collect();
            assert_eq!(starts, anchored, "{size} items");
        }
    }
}

#[test]
fn linkup_v2_reads_the_rest_concurrently_once_the_first_page_gives_the_total() {
    for (size, concurrency, expected) in [(145, 1, 2), (145, 4, 2), (1201, 1, 13), (1201, 4, 4)] {
        let (rounds, requests, _, _) = read("linkup-v2", size, concurrency, |sent| {
            sent.json()["params"]["offset"].as_u64().unwrap()
        });
        assert_eq!(rounds, expected, "{size} items, concurrency {concurrency}");
        assert_eq!(requests, (size as u64).div_ceil(100));
    }
}
