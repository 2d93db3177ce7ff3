//! Fuzzes `provider_response`: see tests/support/fuzz_cases.rs for what it checks.
#![no_main]

#[allow(dead_code)] // each target uses one of the shared checks
#[path = "../../tests/support/fuzz_cases.rs"]
mod fuzz_cases;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::provider_response("unipile", data));
