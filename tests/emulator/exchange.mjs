// One provider request and its answer: the headers every answer carries
// (Date from the emulator's clock, CORS), charging the ledger, completing the
// log entry, and the timers a slow answer waits on (cleared by close()).

import { encodeReply } from "./reply.mjs";
import { httpDate } from "./time.mjs";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After, Date, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset",
};

export class Exchange {
  /**
   * @param state the emulator's shared state (network, ledger, auth, clock, timers)
   * @param provider the provider object that owns the path
   * @param request { method, path, query, headers, bodyText, json }
   * @param identity { resource, action, apiKey, account } as the provider read it
   * @param logEntry the request-log entry to complete
   */
  constructor({ state, req, res, provider, request, identity, logEntry }) {
    Object.assign(this, { state, req, res, provider, request, identity, logEntry });
    this.env = { network: state.network, ledger: state.ledger, auth: state.auth, nowMs: state.now() };
    this.providerHeaders = null;
    this.reply = null;
    /** A write (withdraw, accept, ignore): its action-log entry once settled (actions.mjs). */
    this.isWrite = identity.write === true;
    this.writeEntry = null;
  }

  /** The provider's normal answer, decided once; nothing is charged until it is delivered. */
  serve() {
    this.reply ??= this.provider.serve(this.request, this.identity, this.env);
    return this.reply;
  }

  /** Bills a write: the ledger, the request log and the action log. */
  chargeWrite(credits) {
    if (!(credits > 0)) return;
    this.state.ledger.charge(this.identity.apiKey, credits);
    this.logEntry.credits += credits;
    if (this.writeEntry) this.writeEntry.credits += credits;
  }

  /** The provider's own error envelope for `code`. */
  errorReply(code, overrides) {
    return this.provider.errorReply(code, this.identity, this.env, overrides);
  }

  /** Date, CORS and the provider's own headers (ConnectSafely's X-RateLimit-*), computed once. */
  baseHeaders() {
    this.providerHeaders ??= this.provider.extraHeaders?.(this.identity, this.env) ?? {};
    return { Date: httpDate(this.env.nowMs), ...CORS_HEADERS, ...this.providerHeaders };
  }

  /** Full headers for a body of `length` bytes (null: no Content-Length, chunked). */
  headersFor(reply, contentType, length) {
    const headers = { ...this.baseHeaders(), "Content-Type": contentType };
    if (length !== null) headers["Content-Length"] = String(length);
    return { ...headers, ...reply.headers };
  }

  /** Sends a reply whole. `charge`: bill its credits (only a delivered, unfaulted success). */
  sendReply(reply, { charge = false } = {}) {
    const { body, contentType } = encodeReply(reply);
    this.res.writeHead(reply.status, this.headersFor(reply, contentType, body.length));
    this.res.end(body);
    this.complete(reply.status, charge ? reply.credits : 0, reply);
  }

  /**
   * Completes the log entry and charges the ledger for a 2xx answer. A write
   * was billed when it was applied; unapplied, it costs what the provider
   * charges for the answer `reply` it sent (linkup-v1: almost every answer).
   */
  complete(status, credits = 0, reply = null) {
    this.logEntry.status = status;
    if (this.isWrite) {
      if (this.writeEntry) this.writeEntry.status = status;
      if (!this.writeEntry?.applied) this.chargeWrite(this.provider.unappliedWriteCredits?.(reply, this.identity) ?? 0);
      return;
    }
    if (status >= 200 && status < 300 && credits > 0) {
      this.state.ledger.charge(this.identity.apiKey, credits);
      this.logEntry.credits = credits;
    }
  }

  get closed() {
    return this.res.destroyed || this.req.socket.destroyed;
  }

  /** Ends the TCP connection abruptly: the client sees a reset or a cut body. */
  destroySocket() {
    this.req.socket.destroy();
  }

  sleep(ms) {
    return this.state.sleep(ms);
  }
}
