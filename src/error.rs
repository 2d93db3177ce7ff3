//! The one error type: every failure a caller can see, with the codes of SPEC §5.

use crate::json::write::json_object;

/// Why a call failed. The string forms (`as_str`) are the public `code` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The caller's input was rejected before any request was sent.
    InvalidInput,
    Auth,
    NotFound,
    RateLimited,
    InsufficientCredits,
    /// The provider answered with an error that has no more specific code.
    ProviderError,
    /// A 2xx answer that is not the documented envelope.
    BadResponse,
    Network,
    Timeout,
    Aborted,
    BudgetExceeded,
    ResponseTooLarge,
    RedirectRefused,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::Auth => "AUTH",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::InsufficientCredits => "INSUFFICIENT_CREDITS",
            ErrorCode::ProviderError => "PROVIDER_ERROR",
            ErrorCode::BadResponse => "BAD_RESPONSE",
            ErrorCode::Network => "NETWORK",
            ErrorCode::Timeout => "TIMEOUT",
            ErrorCode::Aborted => "ABORTED",
            ErrorCode::BudgetExceeded => "BUDGET_EXCEEDED",
            ErrorCode::ResponseTooLarge => "RESPONSE_TOO_LARGE",
            ErrorCode::RedirectRefused => "REDIRECT_REFUSED",
        }
    }
}

/// A failure with everything a caller needs to decide what to do next.
///
/// Messages are written by this crate; text that comes from a provider is
/// shortened, and the client removes the caller's secrets from it before an
/// error leaves the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub provider: Option<&'static str>,
    /// The HTTP status, when a response arrived (linkup-v1 errors keep their 200).
    pub status: Option<u16>,
    /// A stable code to `switch` on: the provider's own where it sends one
    /// (`INVALID_API_KEY`, `errors/invalid_credentials`), else one of
    /// [`derived`]'s, read from its message. Never free text.
    pub provider_code: Option<String>,
    /// The provider's own words, shortened and redacted.
    pub provider_message: Option<String>,
    /// What failed underneath (the transport's error), redacted.
    pub cause: Option<Box<Cause>>,
    pub retryable: bool,
    pub retry_after_ms: Option<u64>,
    pub attempts: u32,
    pub credits_used: u64,
}

/// The longest provider-supplied text kept in a message: enough to read,
/// too short to carry a whole echoed request body.
const MAX_PROVIDER_TEXT: usize = 200;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error {
            code,
            message: message.into(),
            provider: None,
            status: None,
            provider_code: None,
            provider_message: None,
            cause: None,
            retryable: false,
            retry_after_ms: None,
            attempts: 0,
            credits_used: 0,
        }
    }

    /// Input rejected before anything was built; the message names `field`.
    pub fn invalid_input(field: &str, problem: &str) -> Error {
        Error::new(ErrorCode::InvalidInput, format!("{field} {problem}"))
    }

    /// A response that is not the documented envelope; `at` names the place.
    pub fn bad_response(provider: &'static str, at: &str, problem: &str) -> Error {
        let place = if at.is_empty() {
            "body".to_string()
        } else {
            at.to_string()
        };
        Error::new(
            ErrorCode::BadResponse,
            format!("{provider} response: {place} {problem}"),
        )
        .with_provider(provider)
    }

    pub fn with_provider(mut self, provider: &'static str) -> Error {
        self.provider = Some(provider);
        self
    }

    pub fn with_status(mut self, status: u16) -> Error {
        self.status = Some(status);
        self
    }

    pub fn with_provider_code(mut self, provider_code: &str) -> Error {
        self.provider_code = Some(shorten(provider_code));
        self
    }

    pub fn with_provider_message(mut self, message: &str) -> Error {
        self.provider_message = Some(shorten(message));
        self
    }

    pub fn with_cause(mut self, cause: Cause) -> Error {
        self.cause = Some(Box::new(cause));
        self
    }

    pub fn with_attempts(mut self, attempts: u32) -> Error {
        self.attempts = attempts;
        self
    }

    pub fn with_retry(mut self, retryable: bool, retry_after_ms: Option<u64>) -> Error {
        self.retryable = retryable;
        self.retry_after_ms = retry_after_ms;
        self
    }
}

// The fields of SPEC §5, as `LinkedInNetworkError` carries them.
json_object!(Error, |this| {
    "code" => this.code.as_str(),
    "message" => this.message,
    "provider" => this.provider,
    "status" => this.status,
    "providerCode" => this.provider_code,
    "providerMessage" => this.provider_message,
    "retryable" => this.retryable,
    "retryAfterMs" => this.retry_after_ms,
    "attempts" => this.attempts,
    "creditsUsed" => this.credits_used,
    "cause" => this.cause,
});

/// The error underneath another, as its runtime described it
/// (`TypeError: fetch failed (ECONNREFUSED)`): its name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub name: String,
    pub message: String,
}

impl Cause {
    /// Splits `Name: message` where `Name` is an error class's name
    /// (`TypeError`, `DOMException`); anything else is an `Error`'s message.
    pub fn from_description(text: &str) -> Cause {
        if let Some((name, message)) = crate::text::split_once(text, ": ") {
            let is_class = name.ends_with("Error") || name.ends_with("Exception");
            if is_class && name.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
                return Cause {
                    name: name.to_string(),
                    message: message.to_string(),
                };
            }
        }
        Cause {
            name: "Error".to_string(),
            message: text.to_string(),
        }
    }
}

json_object!(Cause, |this| {
    "name" => this.name,
    "message" => this.message,
});

/// The codes `providerCode` takes where a provider sends no code of its own
/// (linkup-v1, ConnectSafely), each read from the provider's message or
/// status by that provider's file. Stable: callers `switch` on them.
pub mod derived {
    /// The API key was refused.
    pub const INVALID_API_KEY: &str = "INVALID_API_KEY";
    /// The LinkedIn session (cookie, login token) is invalid or expired.
    pub const INVALID_COOKIE: &str = "INVALID_COOKIE";
    /// Too many requests.
    pub const RATE_LIMIT: &str = "RATE_LIMIT";
    /// The provider account has no credits left.
    pub const NO_CREDITS: &str = "NO_CREDITS";
    /// The account or item asked for does not exist.
    pub const NOT_FOUND: &str = "NOT_FOUND";
    /// The provider refused the request's parameters.
    pub const INVALID_PARAMS: &str = "INVALID_PARAMS";
    /// The provider failed on its side.
    pub const SERVER_ERROR: &str = "SERVER_ERROR";
    /// Anything else: the words are in `providerMessage`.
    pub const UNKNOWN: &str = "UNKNOWN";

    /// Every derived code, for documentation and tests.
    pub const ALL: [&str; 8] = [
        INVALID_API_KEY,
        INVALID_COOKIE,
        RATE_LIMIT,
        NO_CREDITS,
        NOT_FOUND,
        INVALID_PARAMS,
        SERVER_ERROR,
        UNKNOWN,
    ];

    /// The derived code an HTTP status says, where the words say nothing.
    pub fn for_status(status: u16) -> &'static str {
        match status {
            401 | 403 => INVALID_API_KEY,
            402 => NO_CREDITS,
            404 => NOT_FOUND,
            429 => RATE_LIMIT,
            400 | 409 | 422 => INVALID_PARAMS,
            500..=599 => SERVER_ERROR,
            _ => UNKNOWN,
        }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// Cuts provider text to a readable length on a character boundary.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_PROVIDER_TEXT) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_string(),
    }
}
