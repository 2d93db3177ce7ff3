//! The caller's secrets removed from every error text before it leaves the
//! client.

use crate::client::{Client, Timer, Transport};
use crate::error::Error;
use crate::normalize::profile_url::percent_encode;

impl<T: Transport + 'static, C: Timer + 'static> Client<T, C> {
    /// Removes the caller's secrets from an error's texts (a provider may
    /// echo a key; a network error may quote a URL holding the account id).
    pub fn redact(&self, mut error: Error) -> Error {
        let secrets = self.secret_forms();
        let cause = error.cause.as_mut().map(|cause| &mut cause.message);
        for text in [
            Some(&mut error.message),
            error.provider_code.as_mut(),
            error.provider_message.as_mut(),
            cause,
        ]
        .into_iter()
        .flatten()
        {
            if secrets
                .iter()
                .any(|secret| crate::text::contains(text, secret))
            {
                *text = redact_text(text, &secrets);
            }
        }
        // Known here, so set, INVALID_INPUT included (SPEC §5).
        if error.provider.is_none() {
            error.provider = Some(self.shared.provider.id());
        }
        error
    }

    /// Each secret as sent and percent-encoded. Values shorter
    /// than [`MIN_REDACTED`] are left alone: replacing "a" everywhere would
    /// destroy every message and protect nothing.
    pub(crate) fn secret_forms(&self) -> Vec<String> {
        self.shared
            .credentials
            .secrets()
            .into_iter()
            .filter(|secret| secret.len() >= MIN_REDACTED)
            .flat_map(|secret| [secret.to_string(), percent_encode(secret.as_bytes())])
            .collect()
    }
}

/// The shortest credential value that is redacted from messages.
pub const MIN_REDACTED: usize = 4;

/// Replaces every occurrence of any of `secrets` (the longest one matching
/// at each place) in one pass over the original text, so a replacement is
/// never scanned again.
fn redact_text(text: &str, secrets: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let matching = secrets
            .iter()
            .filter(|secret| rest.starts_with(secret.as_str()))
            .max_by_key(|secret| secret.len());
        match matching {
            Some(secret) => {
                out.push_str("[redacted]");
                rest = rest.get(secret.len()..).unwrap_or_default();
            }
            None => {
                out.push(first);
                rest = rest.get(first.len_utf8()..).unwrap_or_default();
            }
        }
    }
    out
}
