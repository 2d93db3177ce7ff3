//! HTTP requests and responses as plain data: what crosses the transport.
//! The core builds the one and reads the other; it never sends anything.

use crate::json::write::{json_object, Pairs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    /// A write that removes what the URL names (Unipile's cancel of a sent invitation).
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready for any transport (`fetch`, a test script, the caller's own).
///
/// Its headers carry the caller's credentials, so it has no `Debug` form that
/// could print them by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl HttpRequest {
    /// A JSON POST with `headers` (a provider's auth header among them).
    pub fn json_post(
        url: String,
        headers: Vec<(&'static str, String)>,
        body: String,
    ) -> HttpRequest {
        let mut all = vec![
            ("content-type", "application/json".to_string()),
            ("accept", "application/json".to_string()),
        ];
        all.extend(headers);
        HttpRequest {
            method: Method::Post,
            url,
            headers: all,
            body: Some(body),
        }
    }
}

impl core::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("headers", &self.headers.len())
            .finish_non_exhaustive()
    }
}

// Written as `buildRequest` returns it: `{ method, url, headers: {…}, body }`.
json_object!(HttpRequest, |this| {
    "method" => this.method.as_str(),
    "url" => this.url,
    "headers" => Pairs(&this.headers),
    "body" => this.body,
});

/// A response as the parser needs it: the status, the headers, and the body
/// as raw text (never pre-parsed: JSON numbers must keep every digit).
#[derive(Debug, Clone, Copy)]
pub struct HttpResponse<'r> {
    pub status: u16,
    pub headers: &'r [(String, String)],
    pub body: &'r str,
}

impl HttpResponse<'_> {
    /// A header's value, matched without regard to letter case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Appends `key=value` to a query string, percent-encoding the value.
pub fn push_query(url: &mut String, key: &str, value: &str) {
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str(key);
    url.push('=');
    url.push_str(&crate::normalize::profile_url::percent_encode(
        value.as_bytes(),
    ));
}
