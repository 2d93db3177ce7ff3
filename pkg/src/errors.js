// LinkedInNetworkError: the one error type the package throws (SPEC §5).
// Rust builds the fields; this file makes them a real Error subclass.

const FIELDS = ["code", "message", "provider", "status", "providerCode", "providerMessage", "retryable", "retryAfterMs", "attempts", "creditsUsed"];

export class LinkedInNetworkError extends Error {
  constructor(details) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "LinkedInNetworkError";
    this.code = details.code;
    this.provider = details.provider ?? null;
    this.status = details.status ?? null;
    this.providerCode = details.providerCode ?? null;
    this.providerMessage = details.providerMessage ?? null;
    this.retryable = Boolean(details.retryable);
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.attempts = details.attempts ?? 0;
    this.creditsUsed = details.creditsUsed ?? 0;
  }

  /** True for a LinkedInNetworkError, also one from another copy of the package. */
  static is(value) {
    return value instanceof LinkedInNetworkError || (value instanceof Error && value.name === "LinkedInNetworkError" && typeof value.code === "string");
  }

  toJSON() {
    const json = { name: this.name };
    for (const field of FIELDS) json[field] = this[field];
    return json;
  }
}

// What wasm-bindgen throws when a call reaches an object or closure of an
// instance that was replaced after a panic.
const STALE = /previous Wasm instance|previous WASM instance/;

/** True for the failures that mean the WebAssembly instance trapped or was replaced. */
export function isInstanceFailure(thrown) {
  return (
    (typeof WebAssembly !== "undefined" && thrown instanceof WebAssembly.RuntimeError) ||
    (thrown instanceof Error && STALE.test(thrown.message))
  );
}

/**
 * An error as Rust throws it (`{ lnError: json }`) becomes a LinkedInNetworkError;
 * a trap of the instance (a panic: a bug) becomes one with code INTERNAL;
 * anything else (a callback's own exception) passes through.
 */
export function fromWasm(thrown) {
  if (thrown !== null && typeof thrown === "object" && typeof thrown.lnError === "string") {
    const { cause, ...details } = JSON.parse(thrown.lnError);
    // Rust sends the transport's error as its name and (redacted) message.
    if (cause) details.cause = Object.assign(new Error(cause.message), { name: cause.name });
    return new LinkedInNetworkError(details);
  }
  if (isInstanceFailure(thrown)) {
    return new LinkedInNetworkError({
      code: "INTERNAL",
      message:
        "linkedin-network failed inside its WebAssembly module (a bug: please report it); the module was restarted and the next call works",
    });
  }
  return thrown;
}

/** An abort's error carries the signal's reason (the caller's own value) as its cause. */
export function withAbortReason(error, signal) {
  if (LinkedInNetworkError.is(error) && (error.code === "ABORTED" || error.code === "TIMEOUT") && signal?.aborted && error.cause === undefined) {
    Object.defineProperty(error, "cause", { value: signal.reason, writable: true, configurable: true });
  }
  return error;
}

export function invalidInput(message) {
  return new LinkedInNetworkError({ code: "INVALID_INPUT", message });
}
