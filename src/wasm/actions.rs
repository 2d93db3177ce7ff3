//! The actions of SPEC §9 on the JavaScript client: `act` (behind
//! `sentInvitations.withdraw`, `receivedInvitations.accept` and `.ignore`)
//! and `withdrawStale`. Conversions only; the rules are in `client::actions`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::action_options::{invitation_from_json, stale_options};
use crate::actions::Action;
use crate::client::CancelToken;
use crate::json::to_json_string;
use crate::wasm::client::{promise, text, WasmClient};
use crate::wasm::progress::OnProgress;
use crate::wasm::signal::SignalLink;
use crate::wasm::to_js;

#[wasm_bindgen]
impl WasmClient {
    /// `action` is `"withdraw"`, `"accept"` or `"ignore"`; `invitation` the
    /// invitation's JSON text. Resolves to the `ActionResult` as JSON text.
    pub fn act(&self, action: &str, invitation: &str, signal: JsValue) -> Promise {
        let client = self.client.clone();
        let prepared = Action::parse(action)
            .and_then(|action| Ok((action, invitation_from_json(invitation)?)))
            .map_err(|error| to_js(error.with_provider(client.shared.provider.id())));
        promise(async move {
            let (action, invitation) = prepared?;
            let cancel = CancelToken::new();
            let _link = SignalLink::new(signal, &cancel).map_err(to_js)?;
            text(
                client
                    .act(action, &invitation, cancel)
                    .await
                    .map(|result| to_json_string(&result)),
            )
        })
    }

    /// Resolves to the plan (`dryRun`) or the run's result, as JSON text.
    #[wasm_bindgen(js_name = withdrawStale)]
    pub fn withdraw_stale(&self, options: &str, signal: JsValue, on_progress: JsValue) -> Promise {
        let client = self.client.clone();
        let prepared = stale_options(options).map_err(to_js);
        promise(async move {
            let request = prepared?;
            let cancel = CancelToken::new();
            let _link = SignalLink::new(signal, &cancel).map_err(to_js)?;
            let mut progress = OnProgress::new(on_progress.dyn_into::<Function>().ok(), &cancel);
            let result = client
                .withdraw_stale(request, cancel, &mut |step| progress.report(step))
                .await;
            progress.finish(result)
        })
    }
}
