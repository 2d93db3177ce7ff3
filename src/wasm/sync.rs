//! `client.sync` and `diffSnapshots` (SPEC §8): conversions only, like the
//! rest of `src/wasm/`; the work is `client::sync` and `sync::options`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::sync::SyncProgress;
use crate::client::CancelToken;
use crate::json::to_json_string;
use crate::sync::{diff_snapshots_json, sync_options};
use crate::wasm::client::{promise, text, WasmClient};
use crate::wasm::signal::SignalLink;
use crate::wasm::{finish, to_js};

#[wasm_bindgen]
impl WasmClient {
    /// Resolves to the sync result as JSON text; `on_progress` gets JSON text.
    pub fn sync(&self, options: &str, signal: JsValue, on_progress: JsValue) -> Promise {
        let client = self.client.clone();
        let prepared = sync_options(options)
            .map_err(|error| to_js(error.with_provider(client.shared.provider.id())));
        promise(async move {
            let request = prepared?;
            let cancel = CancelToken::new();
            let _link = SignalLink::new(signal, &cancel).map_err(to_js)?;
            let callback = on_progress.dyn_into::<Function>().ok();
            // A callback that throws stops the sync; its exception is what the caller gets.
            let mut thrown: Option<JsValue> = None;
            let stop = cancel.clone();
            let mut report = |progress: &SyncProgress| {
                if let (Some(callback), None) = (&callback, &thrown) {
                    let json = to_json_string(progress);
                    if let Err(exception) =
                        callback.call1(&JsValue::UNDEFINED, &JsValue::from_str(&json))
                    {
                        thrown = Some(exception);
                        stop.cancel();
                    }
                }
            };
            let result = client.sync(request, cancel, &mut report).await;
            if let Some(exception) = thrown {
                return Err(exception);
            }
            text(result.map(|result| to_json_string(&result)))
        })
    }
}

#[wasm_bindgen(js_name = diffSnapshots)]
pub fn diff_snapshots(options: &str) -> Result<String, JsValue> {
    finish(diff_snapshots_json(options))
}
