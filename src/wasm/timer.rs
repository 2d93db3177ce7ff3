//! Time from JavaScript: `setTimeout` sleeps that clear their timer when
//! dropped (so a finished run never keeps Node or a Worker waiting on a
//! 25-second timeout that no longer matters), and `Date.now()`.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::client::Timer;
use crate::wasm::bindings::{clear_timeout, set_timeout};

pub struct JsTimer;

impl Timer for JsTimer {
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> {
        Sleep::new(ms)
    }

    fn now_ms(&self) -> i64 {
        js_sys::Date::now() as i64
    }
}

struct Sleep {
    done: JsFuture,
    timer: JsValue,
    /// The promise's `resolve`: called when the sleep is dropped early, so
    /// the promise settles and wasm-bindgen-futures frees the callbacks it
    /// keeps until then (a promise left pending leaks them, once per request).
    resolve: Option<Function>,
}

impl Sleep {
    fn new(ms: u64) -> Sleep {
        let mut timer = JsValue::UNDEFINED;
        let mut settle = None;
        let promise = Promise::new(&mut |resolve, _reject| {
            timer = set_timeout(&resolve, ms as f64);
            settle = Some(resolve);
        });
        Sleep {
            done: JsFuture::from(promise),
            timer,
            resolve: settle,
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.done).poll(cx).map(|_| ())
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some(resolve) = self.resolve.take() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}
