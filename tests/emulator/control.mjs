// The `/__emulator/` HTTP API: the same controls as the object startEmulator
// returns, for tests that run in a browser page or a Worker and cannot call
// into the Node process.

import { toJson } from "./json.mjs";
import { CORS_HEADERS } from "./exchange.mjs";
import { httpDate } from "./time.mjs";

function send(res, status, value, nowMs) {
  const body = Buffer.from(toJson(value), "utf8");
  res.writeHead(status, {
    Date: httpDate(nowMs),
    ...CORS_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(body.length),
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function parseJson(text) {
  if (text.trim() === "") return {};
  return JSON.parse(text);
}

/**
 * Answers one control request. `emu` is the control object of startEmulator.
 * Input mistakes answer 400 `{error}`; unknown control paths 404.
 */
export function handleControl({ req, res, url, bodyText, emu }) {
  const nowMs = emu.clock();
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  const param = (name) => url.searchParams.get(name) ?? undefined;
  try {
    switch (route) {
      case "GET /__emulator":
        return send(res, 200, emu.info(), nowMs);
      case "GET /__emulator/faults":
        return send(res, 200, emu.pendingFaults(), nowMs);
      case "POST /__emulator/faults":
        return send(res, 201, { added: emu.inject(parseJson(bodyText)), pending: emu.pendingFaults() }, nowMs);
      case "DELETE /__emulator/faults":
        emu.clearFaults();
        return send(res, 200, { cleared: true }, nowMs);
      case "GET /__emulator/ledger": {
        const apiKey = param("apiKey");
        if (!apiKey) return send(res, 400, { error: "apiKey query parameter is required" }, nowMs);
        return send(res, 200, emu.ledger(apiKey), nowMs);
      }
      case "GET /__emulator/ledgers":
        return send(res, 200, emu.ledgers(), nowMs);
      case "GET /__emulator/requests":
        return send(res, 200, emu.requests(), nowMs);
      case "DELETE /__emulator/requests":
        emu.clearLog();
        return send(res, 200, { cleared: true }, nowMs);
      case "GET /__emulator/data": {
        const account = param("account") ?? "default";
        const resource = param("resource");
        if (!resource) return send(res, 200, emu.data(account), nowMs);
        return send(res, 200, { account, now: new Date(nowMs).toISOString(), [resource]: emu.data(account, resource) }, nowMs);
      }
      case "POST /__emulator/shift":
        return send(res, 200, { inserted: emu.shift(parseJson(bodyText)) }, nowMs);
      case "POST /__emulator/mutate":
        return send(res, 200, emu.mutate(parseJson(bodyText)), nowMs);
      case "GET /__emulator/version": {
        const account = param("account") ?? "default";
        const resource = param("resource");
        if (!resource) return send(res, 200, { account, versions: emu.version(account) }, nowMs);
        return send(res, 200, { account, resource, version: emu.version(account, resource) }, nowMs);
      }
      case "GET /__emulator/actions":
        return send(res, 200, emu.actions(), nowMs);
      case "GET /__emulator/config":
        return send(res, 200, emu.config(), nowMs);
      case "POST /__emulator/config":
        return send(res, 200, emu.configure(parseJson(bodyText)), nowMs);
      case "POST /__emulator/reset":
        emu.reset();
        return send(res, 200, { reset: true }, nowMs);
      default:
        return send(res, 404, { error: `unknown control route ${route}` }, nowMs);
    }
  } catch (error) {
    // TypeError / SyntaxError: the test sent something wrong; say what.
    return send(res, 400, { error: error.message }, nowMs);
  }
}
