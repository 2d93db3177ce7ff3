// The error → queue table (src/outcomes.js), case by case.

import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_DELAY_SECONDS, outcomeOf } from "../src/outcomes.js";

const on = (attempt) => ({ attempt, maxAttempts: 5, retryBaseSeconds: 30 });

test("RATE_LIMITED waits retryAfterMs, rounded up to a second; without one, the backoff", () => {
  assert.deepEqual(outcomeOf({ code: "RATE_LIMITED", retryAfterMs: 2500 }, on(1)), { action: "retry", delaySeconds: 3, code: "RATE_LIMITED" });
  assert.deepEqual(outcomeOf({ code: "RATE_LIMITED", retryAfterMs: null }, on(2)), { action: "retry", delaySeconds: 60, code: "RATE_LIMITED" });
  assert.equal(outcomeOf({ code: "RATE_LIMITED", retryAfterMs: 10 ** 9 }, on(1)).delaySeconds, MAX_DELAY_SECONDS);
});

test("AUTH and NOT_FOUND need credentials, INSUFFICIENT_CREDITS pauses, INVALID_INPUT is an error: no retry, even on a first attempt", () => {
  for (const [code, status] of [["AUTH", "needs-credentials"], ["NOT_FOUND", "needs-credentials"], ["INSUFFICIENT_CREDITS", "paused"], ["INVALID_INPUT", "error"]]) {
    assert.deepEqual(outcomeOf({ code }, on(1)), { action: "stop", status, code });
  }
});

test("transient errors back off exponentially, and give up on the last attempt", () => {
  assert.deepEqual([1, 2, 3, 4].map((attempt) => outcomeOf({ code: "NETWORK" }, on(attempt)).delaySeconds), [30, 60, 120, 240]);
  assert.deepEqual(outcomeOf({ code: "PROVIDER_ERROR" }, on(5)), { action: "give-up", code: "PROVIDER_ERROR" });
  assert.deepEqual(outcomeOf(new TypeError("boom"), on(1)), { action: "retry", delaySeconds: 30, code: "INTERNAL" });
});
