//! The JSON layer the package writes by hand (`src/json`) against the crate
//! it replaces, serde_json, on the twelve 100-item fixture pages: the time
//! to read a body into a document (ours borrows its strings; serde_json's
//! `Value` owns them), run side by side, printed as a table. Its
//! size side is measured in the wasm build (README "What the package
//! writes by hand"). `cargo bench --bench json_layer`.

use std::hint::black_box;
use std::time::Instant;

use linkedin_network::json::parse;

const PAGES: [(&str, &str); 12] = [
    (
        "linkup-v2 sent",
        include_str!("fixtures/linkup-v2.sentInvitations.json"),
    ),
    (
        "linkup-v2 received",
        include_str!("fixtures/linkup-v2.receivedInvitations.json"),
    ),
    (
        "linkup-v2 connections",
        include_str!("fixtures/linkup-v2.connections.json"),
    ),
    (
        "linkup-v1 sent",
        include_str!("fixtures/linkup-v1.sentInvitations.json"),
    ),
    (
        "linkup-v1 received",
        include_str!("fixtures/linkup-v1.receivedInvitations.json"),
    ),
    (
        "linkup-v1 connections",
        include_str!("fixtures/linkup-v1.connections.json"),
    ),
    (
        "connectsafely sent",
        include_str!("fixtures/connectsafely.sentInvitations.json"),
    ),
    (
        "connectsafely received",
        include_str!("fixtures/connectsafely.receivedInvitations.json"),
    ),
    (
        "connectsafely connections",
        include_str!("fixtures/connectsafely.connections.json"),
    ),
    (
        "unipile sent",
        include_str!("fixtures/unipile.sentInvitations.json"),
    ),
    (
        "unipile received",
        include_str!("fixtures/unipile.receivedInvitations.json"),
    ),
    (
        "unipile connections",
        include_str!("fixtures/unipile.connections.json"),
    ),
];

/// µs of one call, averaged over `per_round` calls.
fn micros(per_round: u32, call: &mut impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..per_round {
        call();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(per_round)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let quick = std::env::var("QUICK").is_ok_and(|v| v == "1");
    let (rounds, per_round) = if quick { (5, 20) } else { (31, 200) };
    println!("| page | bytes | src/json µs | serde_json::Value µs | ours / serde |");
    println!("|---|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (name, body) in PAGES {
        // Both read the page, or the comparison means nothing.
        assert!(parse(body).is_ok() && serde_json::from_str::<serde_json::Value>(body).is_ok());
        // Side by side in each round, so the machine's load moves both.
        let mut ours_call = || {
            black_box(parse(black_box(body)).is_ok());
        };
        let mut serde_call = || {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(body)).is_ok());
        };
        let rounds: Vec<(f64, f64)> = (0..rounds)
            .map(|_| {
                (
                    micros(per_round, &mut ours_call),
                    micros(per_round, &mut serde_call),
                )
            })
            .collect();
        let ours = median(rounds.iter().map(|r| r.0).collect());
        let theirs = median(rounds.iter().map(|r| r.1).collect());
        let ratio = median(rounds.iter().map(|r| r.0 / r.1).collect());
        ratios.push(ratio);
        println!(
            "| {name} | {} | {ours:.1} | {theirs:.1} | {ratio:.2}× |",
            body.len()
        );
    }
    println!(
        "\nmedian ours / serde_json: {:.2}× (12 pages; a page's ratio is the median of its rounds')",
        median(ratios)
    );
}
