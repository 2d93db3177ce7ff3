//! How many cases a property test runs: the count its file chose, or fewer
//! when `PROPTEST_CASES` asks for fewer (`make mutants` runs every test once
//! per mutant, so it lowers the count; `make test` never sets it).

pub fn cases(chosen: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse::<u32>().ok())
        .map_or(chosen, |cap| cap.min(chosen))
}
