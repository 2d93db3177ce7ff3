// linkedin-network declarations — Errors: codes, the provider's own codes, the error class.
import type { ProviderId } from "./model.js";

export type ErrorCode =
  | "INVALID_INPUT"
  | "AUTH"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "INSUFFICIENT_CREDITS"
  | "PROVIDER_ERROR"
  | "BAD_RESPONSE"
  | "NETWORK"
  | "TIMEOUT"
  | "ABORTED"
  | "BUDGET_EXCEEDED"
  | "RESPONSE_TOO_LARGE"
  | "REDIRECT_REFUSED"
  /** A bug inside the package (a Rust panic); the module restarts itself and the next call works. */
  | "INTERNAL"
  /** The WebAssembly module could not be loaded (missing .wasm, a CSP without 'wasm-unsafe-eval'); `cause` holds why. */
  | "LOAD_FAILED";

export interface LinkedInNetworkErrorJSON {
  name: "LinkedInNetworkError";
  code: ErrorCode;
  message: string;
  provider: ProviderId | null;
  status: number | null;
  providerCode: ProviderCode | null;
  providerMessage: string | null;
  retryable: boolean;
  retryAfterMs: number | null;
  attempts: number;
  creditsUsed: number;
}

/**
 * A stable code to `switch` on, never free text: the provider's own where it
 * sends one (linkup-v2 `INVALID_API_KEY`, `RATE_LIMITED`, …; ConnectSafely's
 * overview envelope), else one the package reads from the provider's words
 * and status (linkup-v1, ConnectSafely's endpoint pages). The words
 * themselves are in `providerMessage`.
 */
export type ProviderCode =
  // Derived by the package where the provider sends no code.
  | "INVALID_API_KEY"
  | "INVALID_COOKIE"
  | "RATE_LIMIT"
  | "NO_CREDITS"
  | "NOT_FOUND"
  | "INVALID_PARAMS"
  | "SERVER_ERROR"
  | "UNKNOWN"
  // linkup-v2's own.
  | "ACCOUNT_INACTIVE"
  | "INVALID_ACCOUNT"
  | "RATE_LIMITED"
  | "INSUFFICIENT_CREDITS"
  | "INVALID_ACTION"
  | "INTERNAL_ERROR"
  | (string & {});

/** Every failure the package reports. Never carries an API key, login token or account id. */
export declare class LinkedInNetworkError extends Error {
  readonly name: "LinkedInNetworkError";
  readonly code: ErrorCode;
  readonly provider: ProviderId | null;
  /** HTTP status when a response arrived (linkup-v1 errors keep their 200). */
  readonly status: number | null;
  /** A stable code (see `ProviderCode`), e.g. "INSUFFICIENT_CREDITS" or "INVALID_COOKIE". */
  readonly providerCode: ProviderCode | null;
  /** The provider's own words, shortened; never a secret. */
  readonly providerMessage: string | null;
  /**
   * For ABORTED and TIMEOUT, the signal's `reason`; for NETWORK, the
   * runtime's error (name and redacted message); for LOAD_FAILED, why.
   */
  readonly cause?: unknown;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly attempts: number;
  readonly creditsUsed: number;
  /** A type guard that also recognizes errors from another copy of the package. */
  static is(value: unknown): value is LinkedInNetworkError;
  toJSON(): LinkedInNetworkErrorJSON;
}
