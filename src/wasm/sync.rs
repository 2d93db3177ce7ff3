//! `client.sync` and `diffSnapshots` (SPEC §8): conversions only, like the
//! rest of `src/wasm/`; the work is `client::sync` and `sync::options`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::CancelToken;
use crate::sync::{diff_snapshots_json, sync_options};
use crate::wasm::client::{promise, WasmClient};
use crate::wasm::progress::OnProgress;
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
            let mut progress = OnProgress::new(on_progress.dyn_into::<Function>().ok(), &cancel);
            let result = client
                .sync(request, cancel, &mut |step| progress.report(step))
                .await;
            progress.finish(result)
        })
    }
}

#[wasm_bindgen(js_name = diffSnapshots)]
pub fn diff_snapshots(options: &str) -> Result<String, JsValue> {
    finish(diff_snapshots_json(options))
}
