//! The client and its runs as JavaScript objects. Async methods return
//! promises of JSON text; the run behind `iterate` hands out one page per
//! `next()`, and dropping it (`free()`) aborts whatever it still has in flight.

use core::cell::RefCell;
use core::future::Future;
use core::pin::Pin;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

use crate::client::run::Run;
use crate::client::{CancelToken, Client};
use crate::error::Error;
use crate::json::to_json_string;
use crate::options::{client_options, list_options, list_request, run_options};
use crate::query::Resource;
use crate::wasm::fetch::FetchTransport;
use crate::wasm::progress::OnProgress;
use crate::wasm::signal::SignalLink;
use crate::wasm::timer::JsTimer;
use crate::wasm::to_js;

pub(super) type JsClient = Client<FetchTransport, JsTimer>;

#[wasm_bindgen]
pub struct WasmClient {
    pub(crate) client: JsClient,
}

/// Validates `createClient`'s options; `fetch` is the caller's own or `undefined`.
#[wasm_bindgen(js_name = createClientCore)]
pub fn create_client_core(options: &str, fetch: JsValue) -> Result<WasmClient, JsValue> {
    let options = client_options(options).map_err(to_js)?;
    let custom = if fetch.is_undefined() || fetch.is_null() {
        None
    } else {
        Some(
            fetch
                .dyn_into::<Function>()
                .map_err(|_| to_js(Error::invalid_input("fetch", "must be a function")))?,
        )
    };
    let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    let client = Client::new(
        options.provider,
        options.base_url.as_deref(),
        options.credentials,
        options.settings,
        FetchTransport { custom },
        JsTimer,
        seed,
    )
    .map_err(to_js)?;
    Ok(WasmClient { client })
}

/// A promise of `task`. Boxed so wasm-bindgen-futures' machinery is built
/// once for every async method instead of once per method (a size choice).
pub(super) fn promise(task: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let task: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(task);
    future_to_promise(task)
}

pub(super) fn text(result: Result<String, Error>) -> Result<JsValue, JsValue> {
    result.map(|json| JsValue::from_str(&json)).map_err(to_js)
}

#[wasm_bindgen]
impl WasmClient {
    pub fn estimate(&self, resource_name: &str, options: &str) -> Result<String, JsValue> {
        let fail = |error| to_js(self.client.redact(error));
        let resource = Resource::parse(resource_name).map_err(fail)?;
        let query = list_options(options, "estimate", self.client.shared.provider, resource)
            .map_err(fail)?;
        Ok(to_json_string(&self.client.estimate(&query)))
    }

    pub fn list(&self, resource_name: &str, options: &str, signal: JsValue) -> Promise {
        let client = self.client.clone();
        let prepared = Resource::parse(resource_name)
            .and_then(|resource| list_request(options, client.shared.provider, resource));
        promise(async move {
            // Errors say which provider, INVALID_INPUT included.
            let fail = |error| to_js(client.redact(error));
            let query = prepared.map_err(fail)?;
            let cancel = CancelToken::new();
            let _link = SignalLink::new(signal, &cancel).map_err(fail)?;
            text(
                client
                    .list(query, cancel)
                    .await
                    .map(|page| to_json_string(&page)),
            )
        })
    }

    pub fn collect(
        &self,
        resource_name: &str,
        options: &str,
        signal: JsValue,
        on_progress: JsValue,
    ) -> Promise {
        let client = self.client.clone();
        // onProgress is a function or absent, as iterate requires.
        let callback = if on_progress.is_undefined() || on_progress.is_null() {
            Ok(None)
        } else {
            on_progress
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|_| Error::invalid_input("onProgress", "must be a function"))
        };
        let prepared = Resource::parse(resource_name)
            .and_then(|resource| Ok((resource, run_options(options, "collect")?, callback?)));
        promise(async move {
            let fail = |error| to_js(client.redact(error));
            let (resource, request, callback) = prepared.map_err(fail)?;
            let cancel = CancelToken::new();
            let _link = SignalLink::new(signal, &cancel).map_err(fail)?;
            let mut progress = OnProgress::new(callback, &cancel);
            let result = client
                .collect(resource, request, cancel, &mut |step| progress.report(step))
                .await;
            progress.finish(result)
        })
    }

    pub fn iterate(
        &self,
        resource_name: &str,
        options: &str,
        signal: JsValue,
    ) -> Result<WasmRun, JsValue> {
        let fail = |error| to_js(self.client.redact(error));
        let resource = Resource::parse(resource_name).map_err(fail)?;
        let request = run_options(options, "iterate").map_err(fail)?;
        let cancel = CancelToken::new();
        let link = SignalLink::new(signal, &cancel).map_err(fail)?;
        let run = self
            .client
            .iterate(resource, request, cancel)
            .map_err(fail)?;
        Ok(WasmRun {
            run: Rc::new(RefCell::new(Some(run))),
            _link: link,
        })
    }
}

/// One `iterate` run: `next()` resolves to the next page's steps
/// (`run::steps`: `[{ item, cursor, progress, end }]`) as JSON text, then to
/// the end-of-run step, then to `[]`.
#[wasm_bindgen]
pub struct WasmRun {
    run: Rc<RefCell<Option<Run<FetchTransport, JsTimer>>>>,
    _link: SignalLink,
}

#[wasm_bindgen]
impl WasmRun {
    pub fn next(&self) -> Promise {
        let slot = Rc::clone(&self.run);
        promise(async move {
            let taken = slot.borrow_mut().take();
            let Some(mut run) = taken else {
                return Err(to_js(Error::invalid_input(
                    "iterate",
                    "next() was called before the previous call finished",
                )));
            };
            let steps = run.next_steps().await;
            *slot.borrow_mut() = Some(run);
            steps
                .map(|steps| JsValue::from_str(&to_json_string(&steps)))
                .map_err(to_js)
        })
    }
}
