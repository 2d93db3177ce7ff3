// A local emulator of linkup-v2, linkup-v1, ConnectSafely and Unipile on one port:
// importable (`startEmulator`) and runnable (`node server.mjs --port 0`).
// Routing, latency, the clock and the lifecycle live here; each provider's
// wire format lives in its own file.

import http from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createNetwork, RESOURCES } from "./data.mjs";
import { createFaultQueue } from "./faults.mjs";
import { answerWithFault } from "./fault-responses.mjs";
import { createLedger, createRequestLog } from "./ledger.mjs";
import { handleControl } from "./control.mjs";
import { CORS_HEADERS, Exchange } from "./exchange.mjs";
import { linkupV2 } from "./linkup-v2.mjs";
import { linkupV1 } from "./linkup-v1.mjs";
import { createConnectSafely } from "./connectsafely.mjs";
import { unipile } from "./unipile.mjs";
import { INVALID_JSON } from "./reply.mjs";
import { toJson } from "./json.mjs";
import { mulberry32, normalizeSeed } from "./prng.mjs";
import { httpDate, parseNow } from "./time.mjs";
import { resourceTruth } from "./truth.mjs";
import { mutate } from "./mutations.mjs";
import { createActionLog, settleWrite } from "./actions.mjs";

const MAX_REQUEST_BODY = 1024 * 1024;

function nonNegative(name, value) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a number >= 0`);
  return value;
}

function acceptList(name, list) {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw new TypeError(`${name} must be an array of strings`);
  return new Set(list.map(String));
}

/**
 * Starts the emulator. Options: host, port (0 = any), seed, sizes
 * {connections, sent, received}, latencyMs, jitterMs, now (ms or ISO: a fixed
 * clock), apiKeys, accounts, loginTokens (accept only these), creditLimits
 * {apiKey: credits}. Resolves to { url, port, close(), ...controls }.
 */
export async function startEmulator(options = {}) {
  const seed = options.seed ?? 1;
  const connectSafely = createConnectSafely();
  const providers = [linkupV2, linkupV1, connectSafely, unipile];
  const apiKeys = acceptList("apiKeys", options.apiKeys);
  const accounts = acceptList("accounts", options.accounts);
  const loginTokens = acceptList("loginTokens", options.loginTokens);
  const timers = new Set();
  const sockets = new Set();
  let fixedNowMs = parseNow(options.now);
  // mutate's advanceMs: added to the real clock (or moves the fixed one); reset() takes it back.
  let realOffsetMs = 0;
  let advancedMs = 0;
  const clock = {
    now: () => fixedNowMs ?? Date.now() + realOffsetMs,
    advance(ms) {
      if (fixedNowMs === null) realOffsetMs += ms;
      else fixedNowMs += ms;
      advancedMs += ms;
    },
  };
  const config = { latencyMs: nonNegative("latencyMs", options.latencyMs ?? 0), jitterMs: nonNegative("jitterMs", options.jitterMs ?? 0) };
  const jitter = mulberry32(normalizeSeed(seed) ^ 0x1a7e1c);

  const state = {
    network: createNetwork({ seed, sizes: options.sizes }),
    ledger: createLedger(options.creditLimits ?? {}),
    log: createRequestLog(),
    actions: createActionLog(),
    faults: createFaultQueue(),
    auth: {
      acceptsApiKey: (key) => !apiKeys || apiKeys.has(key),
      acceptsAccount: (account) => !accounts || accounts.has(account),
      acceptsLoginToken: (token) => !loginTokens || loginTokens.has(token),
    },
    now: clock.now,
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      });
    },
  };

  const emu = {
    clock: () => state.now(),
    info: () => ({ seed, sizes: state.network.factory.sizes, now: new Date(state.now()).toISOString(), ...config }),
    inject: (faults) => state.faults.add(faults),
    clearFaults: () => state.faults.clear(),
    pendingFaults: () => state.faults.list(),
    ledger: (apiKey) => state.ledger.get(apiKey),
    ledgers: () => state.ledger.all(),
    requests: () => state.log.list(),
    clearLog: () => state.log.clear(),
    actions: () => state.actions.list(),
    data(account = "default", resource = undefined) {
      const network = state.network.account(account);
      if (resource !== undefined) {
        if (!RESOURCES.includes(resource)) throw new TypeError(`resource must be one of ${RESOURCES.join(", ")}`);
        return resourceTruth(network, resource, state.now());
      }
      const truth = { account, now: new Date(state.now()).toISOString() };
      for (const name of RESOURCES) truth[name] = resourceTruth(network, name, state.now());
      return truth;
    },
    shift({ account = "default", resource, count = 1 } = {}) {
      if (!RESOURCES.includes(resource)) throw new TypeError(`resource must be one of ${RESOURCES.join(", ")}`);
      if (!Number.isInteger(count) || count < 1) throw new TypeError("count must be an integer >= 1");
      state.network.account(account).shift(resource, count);
      // The new items, as truth: the first `count` of the list.
      return resourceTruth(state.network.account(account), resource, state.now()).slice(0, count);
    },
    mutate: (spec = {}) => mutate(state.network, spec, clock),
    version(account = "default", resource = undefined) {
      const { versions } = state.network.account(account);
      if (resource === undefined) return { ...versions };
      if (!RESOURCES.includes(resource)) throw new TypeError(`resource must be one of ${RESOURCES.join(", ")}`);
      return versions[resource];
    },
    config: () => ({ ...config, now: fixedNowMs === null ? null : new Date(fixedNowMs).toISOString() }),
    configure(changes = {}) {
      if (changes.latencyMs !== undefined) config.latencyMs = nonNegative("latencyMs", changes.latencyMs);
      if (changes.jitterMs !== undefined) config.jitterMs = nonNegative("jitterMs", changes.jitterMs);
      if (changes.now !== undefined) {
        fixedNowMs = parseNow(changes.now);
        realOffsetMs = 0;
        advancedMs = 0;
      }
      return emu.config();
    },
    reset() {
      clock.advance(-advancedMs);
      state.network.reset();
      state.faults.clear();
      state.ledger.reset();
      state.log.clear();
      state.actions.clear();
      connectSafely.reset();
    },
  };

  async function handleProvider(req, res, url, provider, route, bodyText) {
    const request = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      bodyText,
      json: parseBody(bodyText),
    };
    const identity = provider.identify(request);
    const logEntry = state.log.record({
      at: new Date(state.now()).toISOString(),
      method: req.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: bodyText,
      provider: provider.id,
      resource: identity.resource,
      action: identity.action,
      account: identity.account,
      apiKey: identity.apiKey,
    });
    state.ledger.countRequest(identity.apiKey);
    if (!route.methods.includes(req.method)) {
      logEntry.status = 405;
      return sendPlain(res, 405, { error: `Method ${req.method} not allowed on ${request.path}` }, { Allow: route.methods.join(", ") });
    }
    const fault = state.faults.take({ provider: provider.id, path: request.path, ...identity });
    const delay = config.latencyMs + (config.jitterMs > 0 ? Math.floor(jitter() * (config.jitterMs + 1)) : 0);
    await state.sleep(delay);
    const exchange = new Exchange({ state, req, res, provider, request, identity, logEntry });
    if (fault) return answerWithFault(fault, exchange);
    if (exchange.isWrite) settleWrite(exchange, null);
    return exchange.sendReply(exchange.serve(), { charge: true });
  }

  function sendPlain(res, status, value, headers = {}) {
    const body = Buffer.from(toJson(value), "utf8");
    res.writeHead(status, {
      Date: httpDate(state.now()),
      ...CORS_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(body.length),
      ...headers,
    });
    res.end(body);
  }

  async function handle(req, res) {
    const url = new URL(req.url, "http://emulator.local");
    if (req.method === "OPTIONS") {
      // CORS preflight: any origin, the methods and headers the three APIs need.
      res.writeHead(204, {
        Date: httpDate(state.now()),
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "content-type, x-api-key, authorization",
        "Access-Control-Max-Age": "600",
      });
      return res.end();
    }
    const bodyText = await readBody(req);
    if (bodyText === null) return sendPlain(res, 413, { error: "Request body too large" });
    if (url.pathname === "/__emulator" || url.pathname.startsWith("/__emulator/")) {
      return handleControl({ req, res, url, bodyText, emu });
    }
    for (const provider of providers) {
      const route = provider.route(url.pathname);
      if (route) return handleProvider(req, res, url, provider, route, bodyText);
    }
    state.log.record({
      at: new Date(state.now()).toISOString(),
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: bodyText,
      provider: null,
      resource: null,
      status: 404,
    });
    return sendPlain(res, 404, { error: "Not found", path: url.pathname });
  }

  const server = http.createServer((req, res) => {
    res.sendDate = false; // The Date header comes from the emulator's clock.
    handle(req, res).catch((error) => {
      if (!res.headersSent && !res.destroyed) sendPlain(res, 500, { error: `emulator bug: ${error.message}` });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address();
  let closing = null;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    ...emu,
    /** Stops at once: pending timers cleared, hanging and keep-alive sockets destroyed. */
    close() {
      closing ??= new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function parseBody(text) {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

/** The request body as UTF-8 text, or null past 1 MiB. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_REQUEST_BODY ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** CLI flags → startEmulator options. */
export function optionsFromArgs(args) {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: "string" },
      port: { type: "string", default: "0" },
      seed: { type: "string", default: "1" },
      "latency-ms": { type: "string", default: "0" },
      "jitter-ms": { type: "string", default: "0" },
      connections: { type: "string" },
      sent: { type: "string" },
      received: { type: "string" },
      now: { type: "string" },
      "api-keys": { type: "string" },
      accounts: { type: "string" },
      "login-tokens": { type: "string" },
    },
  });
  const integer = (name, text) => {
    if (!/^\d+$/.test(text)) throw new TypeError(`--${name} must be a non-negative integer`);
    return Number(text);
  };
  const list = (text) => (text === undefined ? undefined : text.split(",").filter(Boolean));
  const sizes = {};
  for (const name of ["connections", "sent", "received"]) if (values[name] !== undefined) sizes[name] = integer(name, values[name]);
  return {
    host: values.host,
    port: integer("port", values.port),
    seed: /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    latencyMs: integer("latency-ms", values["latency-ms"]),
    jitterMs: integer("jitter-ms", values["jitter-ms"]),
    sizes,
    now: values.now,
    apiKeys: list(values["api-keys"]),
    accounts: list(values.accounts),
    loginTokens: list(values["login-tokens"]),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const emulator = await startEmulator(optionsFromArgs(process.argv.slice(2)));
  process.stdout.write(`listening ${emulator.url}\n`);
  const stop = () => emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
