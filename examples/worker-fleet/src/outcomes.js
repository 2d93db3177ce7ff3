// What a failed sync does to its queue message and its account. Pure: the
// consumer applies the answer.
//
// | error                           | message                                   | account             |
// |---------------------------------|-------------------------------------------|---------------------|
// | RATE_LIMITED                    | retry, delay = retryAfterMs (else backoff) | stays leased        |
// | AUTH, NOT_FOUND                 | ack (no retry)                            | needs-credentials   |
// | INSUFFICIENT_CREDITS            | ack                                       | paused              |
// | INVALID_INPUT (e.g. the state)  | ack                                       | error               |
// | credentials that do not open    | ack                                       | needs-credentials (CREDENTIALS_UNREADABLE, in consume.js) |
// | NETWORK, TIMEOUT, PROVIDER_ERROR, BAD_RESPONSE, other | retry, exponential backoff | stays leased |
// | any retry on the last attempt   | ack                                       | lease cleared: the next cron tick picks it up |

const STOPS = {
  AUTH: "needs-credentials",
  NOT_FOUND: "needs-credentials",
  INSUFFICIENT_CREDITS: "paused",
  INVALID_INPUT: "error",
};

/** The longest delay a Queues retry takes (12 hours). */
export const MAX_DELAY_SECONDS = 43200;

/**
 * `{ action: "retry", delaySeconds }` or `{ action: "stop", status }` for an
 * error of the package (`code`, `retryAfterMs`) on the message's `attempt`.
 */
export function outcomeOf(error, { attempt, maxAttempts, retryBaseSeconds }) {
  const code = typeof error?.code === "string" ? error.code : "INTERNAL";
  if (STOPS[code]) return { action: "stop", status: STOPS[code], code };
  if (attempt >= maxAttempts) return { action: "give-up", code };
  let delaySeconds;
  if (code === "RATE_LIMITED" && Number.isFinite(error.retryAfterMs) && error.retryAfterMs > 0) {
    delaySeconds = Math.ceil(error.retryAfterMs / 1000);
  } else {
    delaySeconds = retryBaseSeconds * 2 ** Math.max(0, attempt - 1);
  }
  return { action: "retry", delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(delaySeconds))), code };
}
