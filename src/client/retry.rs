//! Retry decisions, pure: what is retried (SPEC §5), and how long to wait —
//! exponential backoff with full jitter, or the server's `Retry-After`,
//! clamped to `maxDelayMs`.

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            base_delay_ms: 500,
            max_delay_ms: 20_000,
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `failed + 1`, after attempt number `failed`
    /// (1-based) failed with `error`; `None` when it must not be retried.
    /// `unit` is a random number in `[0, 1)`.
    pub fn delay_after(&self, failed: u32, error: &Error, unit: f64) -> Option<u64> {
        if !error.retryable || failed >= self.max_attempts {
            return None;
        }
        Some(self.backoff_ms(failed, error.retry_after_ms, unit))
    }

    /// The wait after attempt number `failed` (1-based): the server's
    /// `Retry-After` where it gave one, else full jitter — both clamped to
    /// `max_delay_ms`. Whether to wait at all is the caller's decision.
    pub fn backoff_ms(&self, failed: u32, retry_after_ms: Option<u64>, unit: f64) -> u64 {
        if let Some(server_says) = retry_after_ms {
            return server_says.min(self.max_delay_ms);
        }
        // Full jitter (AWS's "Exponential Backoff And Jitter"): uniform in
        // [0, min(cap, base × 2^(n−1))], which spreads a crowd of clients out.
        let exponent = failed.saturating_sub(1).min(62);
        let ceiling = self
            .base_delay_ms
            .saturating_mul(1u64 << exponent)
            .min(self.max_delay_ms);
        (unit.clamp(0.0, 1.0) * ceiling as f64) as u64
    }
}

/// A small seeded generator for jitter (xorshift64*): reproducible in tests,
/// seeded from `Math.random` in production. Not for anything secret.
#[derive(Debug, Clone)]
pub struct Jitter(u64);

impl Jitter {
    pub fn new(seed: u64) -> Jitter {
        Jitter(seed | 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn next_unit(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}
