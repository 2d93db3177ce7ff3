//! A caller's `onProgress` callback, fed a run's progress as JSON text. A
//! callback that throws stops the run (its cancel token is cancelled) and
//! its exception is what the caller's promise rejects with, in place of the
//! run's own result.

use js_sys::Function;
use wasm_bindgen::prelude::*;

use crate::client::CancelToken;
use crate::error::Error;
use crate::json::{to_json_string, ToJson};
use crate::wasm::client::text;

pub struct OnProgress {
    callback: Option<Function>,
    thrown: Option<JsValue>,
    stop: CancelToken,
}

impl OnProgress {
    /// Feeds `callback` (`None`: progress goes nowhere) until it throws,
    /// which cancels `cancel`.
    pub fn new(callback: Option<Function>, cancel: &CancelToken) -> OnProgress {
        OnProgress {
            callback,
            thrown: None,
            stop: cancel.clone(),
        }
    }

    /// Hands `progress` to the callback, unless it has already thrown.
    pub fn report<P: ToJson + ?Sized>(&mut self, progress: &P) {
        if let (Some(callback), None) = (&self.callback, &self.thrown) {
            let json = to_json_string(progress);
            if let Err(exception) = callback.call1(&JsValue::UNDEFINED, &JsValue::from_str(&json)) {
                self.thrown = Some(exception);
                self.stop.cancel();
            }
        }
    }

    /// The run's result as JSON text, or the exception the callback threw.
    pub fn finish<T: ToJson>(self, result: Result<T, Error>) -> Result<JsValue, JsValue> {
        match self.thrown {
            Some(exception) => Err(exception),
            None => text(result.map(|result| to_json_string(&result))),
        }
    }
}
