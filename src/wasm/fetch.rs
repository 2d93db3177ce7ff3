//! The production transport: the global `fetch` (or the caller's), with
//! `redirect: "manual"`, an `AbortController` per request that fires when the
//! request's future is dropped (timeout, abort, end of run), and the body read
//! as bytes up to a 16 MiB cap — also when a `Content-Length` lies — and handed
//! to Rust as text, unparsed.

use core::future::Future;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, ReadableStreamDefaultReader, ReadableStreamReadResult,
    RequestInit, Response, ResponseType,
};

use crate::client::{RawResponse, Transport, TransportError};
use crate::http::HttpRequest;
use crate::wasm::bindings::global_fetch;

/// Responses larger than this are refused (SPEC §5).
pub const BODY_CAP: u64 = 16 * 1024 * 1024;

pub struct FetchTransport {
    /// The caller's `fetch`, if they gave one.
    pub custom: Option<Function>,
}

/// Aborts the request unless it finished: dropping the future is how a
/// timeout or a cancelled run stops a `fetch` in flight.
struct AbortOnDrop {
    controller: AbortController,
    finished: bool,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

impl Transport for FetchTransport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<RawResponse, TransportError>> {
        let custom = self.custom.clone();
        async move {
            let controller = AbortController::new()
                .map_err(|error| TransportError::Network(describe(&error)))?;
            let mut guard = AbortOnDrop {
                controller,
                finished: false,
            };
            let init = request_init(&request, &guard.controller.signal());
            let started = match &custom {
                Some(fetch) => fetch
                    .call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init)
                    .map(|value| Promise::resolve(&value)),
                None => global_fetch(&request.url, &init),
            };
            let promise = started.map_err(|error| TransportError::Network(describe(&error)))?;
            let response: Response = JsFuture::from(promise)
                .await
                .map_err(|error| TransportError::Network(describe(&error)))?
                .unchecked_into();
            let status = response.status();
            if response.type_() == ResponseType::Opaqueredirect || (300..400).contains(&status) {
                guard.finished = true;
                return Err(TransportError::Redirect { status });
            }
            let headers = headers_of(&response);
            let declared = headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, value)| crate::text::parse_u64(value.trim()));
            if declared.is_some_and(|length| length > BODY_CAP) {
                return Err(TransportError::TooLarge { limit: BODY_CAP });
            }
            let body = read_body(&response).await?;
            guard.finished = true;
            Ok(RawResponse {
                status,
                headers,
                body,
            })
        }
    }
}

/// The init dictionary, its fields set by name: web-sys's typed setters are
/// one import each, and the five of them with `RequestRedirect` cost 312 B
/// gzipped (bench/FINDINGS.md, issue 16).
fn request_init(request: &HttpRequest, signal: &AbortSignal) -> RequestInit {
    let init = RequestInit::new();
    let headers = Object::new();
    for (name, value) in &request.headers {
        set(&headers, name, &JsValue::from_str(value));
    }
    set(&init, "method", &JsValue::from_str(request.method.as_str()));
    set(&init, "headers", &headers);
    if let Some(body) = &request.body {
        set(&init, "body", &JsValue::from_str(body));
    }
    // A redirect could carry the key to another origin: never follow one.
    set(&init, "redirect", &JsValue::from_str("manual"));
    set(&init, "signal", signal);
    init
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn headers_of(response: &Response) -> Vec<(String, String)> {
    let entries = Array::from(&response.headers().entries());
    entries
        .iter()
        .filter_map(|entry| {
            let pair: Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Reads the body chunk by chunk, refusing it once past the cap. The chunks
/// stay in JavaScript until the end and are then copied once into a buffer of
/// exactly their size: a growing buffer would leave WebAssembly memory (which
/// never shrinks) several times larger than the body, and a body refused at
/// the cap never enters it at all.
async fn read_body(response: &Response) -> Result<String, TransportError> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let chunks = Array::new();
    let mut total: u64 = 0;
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|error| TransportError::CutShort(describe(&error)))?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            break;
        }
        let array: Uint8Array = chunk.get_value().unchecked_into();
        total += u64::from(array.length());
        if total > BODY_CAP {
            // Returning drops the request's guard, which aborts the download.
            return Err(TransportError::TooLarge { limit: BODY_CAP });
        }
        chunks.push(&array);
    }
    let mut bytes = vec![0u8; usize::try_from(total).unwrap_or(0)];
    let mut start = 0;
    for chunk in chunks.iter() {
        let array: Uint8Array = chunk.unchecked_into();
        let end = start + array.length() as usize;
        if let Some(slot) = bytes.get_mut(start..end) {
            array.copy_to(slot);
        }
        start = end;
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        // As `Response.text()` does: invalid UTF-8 becomes U+FFFD.
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    })
}

/// A JS exception as text: its name, message and, for Node's `fetch failed`,
/// the cause's code (ECONNREFUSED, ECONNRESET, …).
pub fn describe(error: &JsValue) -> String {
    let text = |value: &JsValue, key: &str| {
        Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let mut description = match (text(error, "name"), text(error, "message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (None, Some(message)) => message,
        _ => error
            .as_string()
            .unwrap_or_else(|| "unknown error".to_string()),
    };
    if let Ok(cause) = Reflect::get(error, &JsValue::from_str("cause")) {
        if let Some(code) = text(&cause, "code").or_else(|| text(&cause, "message")) {
            description.push_str(&format!(" ({code})"));
        }
    }
    description
}
