//! A caller's `AbortSignal` linked to the run's cancel token for as long as
//! the run lives; the listener is removed when the link is dropped.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::client::CancelToken;
use crate::error::Error;

pub struct SignalLink {
    listening: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl SignalLink {
    /// Links `signal` (`undefined`/`null` for none) to `cancel`.
    pub fn new(signal: JsValue, cancel: &CancelToken) -> Result<SignalLink, Error> {
        if signal.is_undefined() || signal.is_null() {
            return Ok(SignalLink { listening: None });
        }
        let looks_like_signal = js_sys::Reflect::has(&signal, &JsValue::from_str("aborted"))
            .unwrap_or(false)
            && js_sys::Reflect::has(&signal, &JsValue::from_str("addEventListener"))
                .unwrap_or(false);
        if !looks_like_signal {
            return Err(Error::invalid_input("signal", "must be an AbortSignal"));
        }
        let signal: AbortSignal = signal.unchecked_into();
        if signal.aborted() {
            cancel_for(&signal, cancel);
            return Ok(SignalLink { listening: None });
        }
        let token = cancel.clone();
        let watched: AbortSignal = JsValue::clone(&signal).unchecked_into();
        let listener = Closure::<dyn FnMut()>::new(move || cancel_for(&watched, &token));
        signal
            .add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref())
            .map_err(|_| Error::invalid_input("signal", "must be an AbortSignal"))?;
        Ok(SignalLink {
            listening: Some((signal, listener)),
        })
    }
}

/// Cancels `cancel` as the signal's reason says: a `TimeoutError`
/// (`AbortSignal.timeout()`) is a deadline, anything else an abort.
fn cancel_for(signal: &AbortSignal, cancel: &CancelToken) {
    let name = js_sys::Reflect::get(&signal.reason(), &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string());
    if name.as_deref() == Some("TimeoutError") {
        cancel.time_out();
    } else {
        cancel.cancel();
    }
}

impl Drop for SignalLink {
    fn drop(&mut self) {
        if let Some((signal, listener)) = &self.listening {
            // A listener that cannot be removed is dropped with the link anyway.
            let _ = signal
                .remove_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        }
    }
}
