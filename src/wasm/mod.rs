//! The only wasm-bindgen code: conversions and bindings, no logic (the
//! pattern of bitwarden's wasm crate). Options arrive as JSON text from the
//! package's JavaScript, results leave as JSON text (ids are strings, so
//! `JSON.parse` keeps them exact), and errors leave as `{ lnError: json }`
//! objects that the package turns into `LinkedInNetworkError`s.

mod actions;
mod bindings;
mod client;
mod fetch;
mod progress;
mod recovery;
mod signal;
mod sync;
mod timer;

use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::json_api;

pub use client::{WasmClient, WasmRun};

/// Talc instead of std's dlmalloc: the same job (a heap that grows with
/// `memory.grow` and reuses what is freed) in fewer bytes of `.wasm`.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// An error as the package's JavaScript expects it.
pub fn to_js(error: Error) -> JsValue {
    let payload = js_sys::Object::new();
    let json = crate::json::to_json_string(&error);
    let _ = js_sys::Reflect::set(
        &payload,
        &JsValue::from_str("lnError"),
        &JsValue::from_str(&json),
    );
    payload.into()
}

fn finish(result: Result<String, Error>) -> Result<String, JsValue> {
    result.map_err(to_js)
}

#[wasm_bindgen(js_name = buildRequest)]
pub fn build_request(options: &str) -> Result<String, JsValue> {
    finish(json_api::build_request_json(options))
}

#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(options: &str, body: JsValue) -> Result<String, JsValue> {
    let Some(body) = body.as_string() else {
        return Err(to_js(Error::invalid_input(
            "body",
            "must be a string: the raw response text",
        )));
    };
    finish(json_api::parse_response_json(
        options,
        &body,
        Some(js_sys::Date::now() as i64),
    ))
}

#[wasm_bindgen(js_name = planRequests)]
pub fn plan_requests(options: &str) -> Result<String, JsValue> {
    finish(json_api::plan_requests_json(options))
}

#[wasm_bindgen(js_name = estimateCredits)]
pub fn estimate_credits(options: &str) -> Result<String, JsValue> {
    finish(json_api::estimate_credits_json(options))
}
