//! Surviving a panic. The crate is built with `panic = "abort"` and denies
//! the constructs that panic, but if one ever happens the instance traps
//! with its memory in an unknown state. The recovery uses what wasm-bindgen
//! offers, in three parts:
//!
//! - a panic hook calls `handler::schedule_reinit()` (which works under
//!   `panic = "abort"`): the glue builds a fresh instance from the same
//!   compiled module before the next export call;
//! - wasm-bindgen's generated glue copies an export's string arguments into
//!   memory *before* that check runs, which would write into the broken
//!   instance, so the package calls [`recover_if_needed`] (no arguments)
//!   first: its check runs before anything is copied;
//! - a trap no hook announced (out of memory, stack overflow) is caught by
//!   the package, which calls the glue's `__wbg_reset_state()` (emitted by
//!   `wasm-bindgen --experimental-reset-state-function`).
//!
//! The package's JavaScript then rebuilds its client handles on the new
//! instance; a run in progress ends with an `INTERNAL` error (resume it from
//! its last cursor).

use wasm_bindgen::prelude::*;

/// Runs once when the module is instantiated (and again after a reinit).
#[wasm_bindgen(start)]
pub fn install_panic_recovery() {
    // The message is not printed: it could hold data from a response.
    std::panic::set_hook(Box::new(|_| wasm_bindgen::handler::schedule_reinit()));
}

/// Does nothing: calling it lets the glue's reinit check run before an
/// export with arguments copies them into memory.
#[wasm_bindgen(js_name = __recoverIfNeeded)]
pub fn recover_if_needed() {}

/// Test builds only (`--features panic-test`): a call that panics, so tests
/// can prove the next ordinary call still works.
#[cfg(feature = "panic-test")]
#[allow(clippy::panic)] // The one deliberate panic, compiled only into test builds.
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    std::panic::panic_any("a panic for the panic-survival tests");
}
