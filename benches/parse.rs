//! Native cost of reading one 100-item page, per provider and resource, on
//! the same bodies as the JS parse benchmark (`benches/fixtures/`, written by
//! `node bench/fixtures.mjs`). Three stages, so their differences split the
//! work: `json` (the JSON text into a borrowed document), `page` (json +
//! normalize into the model: `operations::parse_response`), and `json_api`
//! (options in, page, JSON text out: what the wasm export runs, minus the
//! JS boundary). `make bench` runs it; `cargo bench --bench parse`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use linkedin_network::http::HttpResponse;
use linkedin_network::json::parse;
use linkedin_network::json_api::parse_response_json;
use linkedin_network::operations::parse_response;
use linkedin_network::providers;
use linkedin_network::query::Resource;

/// The emulator's fixed clock, as its `Date` header says it.
const DATE: &str = "Sun, 26 Apr 2026 10:35:00 GMT";

const FIXTURES: [(&str, Resource, &str); 12] = [
    (
        "linkup-v2",
        Resource::SentInvitations,
        include_str!("fixtures/linkup-v2.sentInvitations.json"),
    ),
    (
        "linkup-v2",
        Resource::ReceivedInvitations,
        include_str!("fixtures/linkup-v2.receivedInvitations.json"),
    ),
    (
        "linkup-v2",
        Resource::Connections,
        include_str!("fixtures/linkup-v2.connections.json"),
    ),
    (
        "linkup-v1",
        Resource::SentInvitations,
        include_str!("fixtures/linkup-v1.sentInvitations.json"),
    ),
    (
        "linkup-v1",
        Resource::ReceivedInvitations,
        include_str!("fixtures/linkup-v1.receivedInvitations.json"),
    ),
    (
        "linkup-v1",
        Resource::Connections,
        include_str!("fixtures/linkup-v1.connections.json"),
    ),
    (
        "connectsafely",
        Resource::SentInvitations,
        include_str!("fixtures/connectsafely.sentInvitations.json"),
    ),
    (
        "connectsafely",
        Resource::ReceivedInvitations,
        include_str!("fixtures/connectsafely.receivedInvitations.json"),
    ),
    (
        "connectsafely",
        Resource::Connections,
        include_str!("fixtures/connectsafely.connections.json"),
    ),
    (
        "unipile",
        Resource::SentInvitations,
        include_str!("fixtures/unipile.sentInvitations.json"),
    ),
    (
        "unipile",
        Resource::ReceivedInvitations,
        include_str!("fixtures/unipile.receivedInvitations.json"),
    ),
    (
        "unipile",
        Resource::Connections,
        include_str!("fixtures/unipile.connections.json"),
    ),
];

fn parse_pages(c: &mut Criterion) {
    let headers = vec![("date".to_string(), DATE.to_string())];
    for (id, resource, body) in FIXTURES {
        let provider = providers::find(id).expect("a known provider");
        let response = HttpResponse {
            status: 200,
            headers: &headers,
            body,
        };
        let items = parse_response(provider, resource, &response, None, None)
            .expect("the fixture parses")
            .items
            .len();
        assert_eq!(items, 100, "{id} {}: a 100-item fixture", resource.as_str());
        let options = format!(
            r#"{{"provider":"{id}","resource":"{}","status":200,"headers":{{"date":"{DATE}"}}}}"#,
            resource.as_str()
        );

        let mut group = c.benchmark_group(format!("{id}/{}", resource.as_str()));
        group.throughput(Throughput::Elements(100));
        group.bench_function("json", |b| {
            b.iter(|| parse(black_box(body)).expect("valid JSON"))
        });
        group.bench_function("page", |b| {
            b.iter(|| {
                parse_response(provider, resource, black_box(&response), None, None)
                    .expect("the fixture parses")
            })
        });
        group.bench_function("json_api", |b| {
            b.iter(|| {
                parse_response_json(black_box(&options), black_box(body), None)
                    .expect("the fixture parses")
            })
        });
        group.finish();
    }
}

/// Times from the environment so `make bench` can shorten a run:
/// `BENCH_WARMUP_MS`, `BENCH_MEASURE_MS`, `BENCH_SAMPLES`.
fn config() -> Criterion {
    let read = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(default)
    };
    Criterion::default()
        .warm_up_time(Duration::from_millis(read("BENCH_WARMUP_MS", 1000)))
        .measurement_time(Duration::from_millis(read("BENCH_MEASURE_MS", 3000)))
        .sample_size(usize::try_from(read("BENCH_SAMPLES", 50)).unwrap_or(50))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse_pages
}
criterion_main!(benches);
