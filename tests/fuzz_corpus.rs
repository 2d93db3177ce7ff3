//! Replays every saved fuzz input (fuzz/corpus/<target>/, including any
//! crash kept as a regression) through the same checks the fuzz targets run.
//! Fuzzing itself is `make fuzz`; CI only replays.

mod support;

use std::path::Path;
use support::fuzz_cases;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in
        std::fs::read_dir(&dir).unwrap_or_else(|_| panic!("no corpus at {}", dir.display()))
    {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count > 0, "the {target} corpus is empty");
    count
}

#[test]
fn every_saved_fuzz_input_passes_its_checks() {
    let counts = [
        replay("parse_linkup_v2", |data| {
            fuzz_cases::provider_response("linkup-v2", data)
        }),
        replay("parse_linkup_v1", |data| {
            fuzz_cases::provider_response("linkup-v1", data)
        }),
        replay("parse_connectsafely", |data| {
            fuzz_cases::provider_response("connectsafely", data)
        }),
        replay("parse_unipile", |data| {
            fuzz_cases::provider_response("unipile", data)
        }),
        replay("relative_time", fuzz_cases::relative_time),
        replay("profile_url", fuzz_cases::profile_url),
        replay("urn", fuzz_cases::urn),
        replay("json", fuzz_cases::json),
    ];
    println!(
        "replayed {} inputs: {counts:?}",
        counts.iter().sum::<usize>()
    );
}
