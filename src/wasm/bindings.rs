//! The few JavaScript APIs the transport needs, bound by hand: global
//! `fetch` (never `window.fetch`, which Workers and service workers lack),
//! timers, `AbortController`/`AbortSignal`, and the parts of a `Response`
//! that are read.

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, looked up in the global scope at call time.
    #[wasm_bindgen(catch, js_name = fetch)]
    pub fn global_fetch(url: &str, init: &Object) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(handler: &js_sys::Function, ms: f64) -> JsValue;

    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);

    pub type AbortController;

    #[wasm_bindgen(constructor)]
    pub fn new() -> AbortController;

    #[wasm_bindgen(method, getter)]
    pub fn signal(this: &AbortController) -> JsValue;

    #[wasm_bindgen(method)]
    pub fn abort(this: &AbortController);

    pub type AbortSignal;

    #[wasm_bindgen(method, getter)]
    pub fn aborted(this: &AbortSignal) -> bool;

    #[wasm_bindgen(method, js_name = addEventListener)]
    pub fn add_event_listener(this: &AbortSignal, kind: &str, listener: &js_sys::Function);

    #[wasm_bindgen(method, js_name = removeEventListener)]
    pub fn remove_event_listener(this: &AbortSignal, kind: &str, listener: &js_sys::Function);

    pub type FetchResponse;

    #[wasm_bindgen(method, getter)]
    pub fn status(this: &FetchResponse) -> u16;

    /// "basic", "cors", "opaqueredirect", …
    #[wasm_bindgen(method, getter, js_name = type)]
    pub fn kind(this: &FetchResponse) -> Option<String>;

    #[wasm_bindgen(method, getter)]
    pub fn headers(this: &FetchResponse) -> ResponseHeaders;

    #[wasm_bindgen(method, getter)]
    pub fn body(this: &FetchResponse) -> Option<BodyStream>;

    pub type ResponseHeaders;

    #[wasm_bindgen(method)]
    pub fn entries(this: &ResponseHeaders) -> JsValue;

    pub type BodyStream;

    #[wasm_bindgen(method, js_name = getReader)]
    pub fn get_reader(this: &BodyStream) -> BodyReader;

    pub type BodyReader;

    #[wasm_bindgen(method)]
    pub fn read(this: &BodyReader) -> Promise;
}
