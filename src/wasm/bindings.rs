//! The JavaScript globals the transport calls, bound by hand: `fetch`,
//! `setTimeout` and `clearTimeout`. web-sys binds them only as methods of
//! `Window` or `WorkerGlobalScope`, and each runtime lacks one of the two
//! (Node, Workers and MV3 service workers have no `window`), so these are
//! looked up in the global scope at call time. The types they take and give
//! (`RequestInit`, `Response`, `Headers`, the body's reader,
//! `AbortController`, `AbortSignal`) come from web-sys (issue 16).

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use web_sys::RequestInit;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, looked up in the global scope at call time.
    #[wasm_bindgen(catch, js_name = fetch)]
    pub fn global_fetch(url: &str, init: &RequestInit) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(handler: &Function, ms: f64) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);
}
