// How each fault kind answers. Faults never charge credits, except the two
// that deliver the real, complete body (`shift`, `slow-drip`): their body says
// what it cost (`credits_consumed`), so the ledger agrees with it.

import { toJson } from "./json.mjs";
import { linkupV1 } from "./linkup-v1.mjs";
import { encodeReply, gatewayPage, jsonReply } from "./reply.mjs";
import { httpDate } from "./time.mjs";
import { settleWrite } from "./actions.mjs";

function retryAfterHeaders(options, nowMs) {
  if (options.retryAfterSeconds !== undefined) return { "Retry-After": String(options.retryAfterSeconds) };
  if (options.retryAfterDate !== undefined) return { "Retry-After": httpDate(nowMs + options.retryAfterDate) };
  return {};
}

/** Answers `exchange` as `fault` says. Resolves once the answer is sent (or abandoned). */
export async function answerWithFault(fault, exchange) {
  const { options } = fault;
  exchange.logEntry.fault = fault.type;
  // A write is decided (and applied or not, per `apply`) before the fault answers.
  if (exchange.isWrite && fault.type !== "shift") settleWrite(exchange, fault);
  switch (fault.type) {
    case "rate-limit": {
      const reply = exchange.errorReply("RATE_LIMITED", { status: 429, envelope: options.envelope });
      Object.assign(reply.headers, retryAfterHeaders(options, exchange.env.nowMs));
      if (exchange.provider.id === "connectsafely") reply.headers["X-RateLimit-Remaining"] = "0";
      return exchange.sendReply(reply);
    }
    case "status": {
      const reply = options.status === 500 ? exchange.errorReply("INTERNAL_ERROR", { status: 500, envelope: options.envelope }) : gatewayPage(options.status);
      Object.assign(reply.headers, retryAfterHeaders(options, exchange.env.nowMs));
      return exchange.sendReply(reply);
    }
    case "provider-error":
      return exchange.sendReply(exchange.errorReply(options.code, { status: options.status, message: options.message, envelope: options.envelope }));
    case "v1-rate-limit-200":
      return exchange.sendReply(linkupV1.errorReply("RATE_LIMITED", exchange.identity, exchange.env, { status: 200 }));
    case "reset":
      return exchange.destroySocket();
    case "hang":
      // Never answered: the socket stays open until the client gives up or close() ends it.
      return undefined;
    case "redirect":
      return exchange.sendReply(jsonReply(options.status, { redirect: options.location }, { headers: { Location: options.location } }));
    case "shift": {
      const { resource, account } = exchange.identity;
      if (resource && account) exchange.state.network.account(account).shift(resource, options.count);
      if (exchange.isWrite) settleWrite(exchange, fault);
      return exchange.sendReply(exchange.serve(), { charge: true });
    }
    case "cut":
      return cutBody(exchange);
    case "slow-drip":
      return dripBody(exchange, options);
    case "truncated-json": {
      const reply = exchange.serve();
      const { body, contentType } = encodeReply(reply);
      const keep = Math.min(options.keepBytes ?? Math.floor(body.length / 2), body.length - 1);
      return sendBytes(exchange, reply, contentType, body.subarray(0, Math.max(keep, 1)));
    }
    case "malformed-json": {
      const reply = exchange.serve();
      // The real body with its first colon turned into "=": looks like the
      // envelope, parses as nothing.
      const text = options.body ?? toJson(reply.payload ?? {}).replace(":", "=");
      return sendBytes(exchange, { ...reply, status: 200 }, "application/json; charset=utf-8", Buffer.from(text, "utf8"));
    }
    case "wrong-type": {
      const reply = exchange.serve();
      const target = exchange.provider.wrongTypeTarget(reply.payload, options.field, exchange.identity);
      target.target[target.key] = target.value;
      exchange.logEntry.faultDetail = target.path;
      return exchange.sendReply(reply);
    }
    case "oversized":
      return sendOversized(exchange, options);
    default:
      throw new Error(`unhandled fault type ${fault.type}`);
  }
}

function sendBytes(exchange, reply, contentType, bytes) {
  exchange.res.writeHead(reply.status, exchange.headersFor(reply, contentType, bytes.length));
  exchange.res.end(bytes);
  exchange.complete(reply.status, 0, reply);
}

/** Headers announce the whole body; half of it arrives; then the connection dies. */
function cutBody(exchange) {
  const reply = exchange.serve();
  const { body, contentType } = encodeReply(reply);
  exchange.res.writeHead(reply.status, exchange.headersFor(reply, contentType, body.length));
  exchange.complete(reply.status, 0, reply);
  return new Promise((resolve) => {
    exchange.res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
      exchange.destroySocket();
      resolve();
    });
  });
}

/** The real body, `chunkBytes` at a time every `intervalMs`. */
async function dripBody(exchange, { chunkBytes, intervalMs }) {
  const reply = exchange.serve();
  const { body, contentType } = encodeReply(reply);
  exchange.res.writeHead(reply.status, exchange.headersFor(reply, contentType, body.length));
  exchange.res.flushHeaders();
  exchange.complete(reply.status, reply.credits, reply);
  for (let at = 0; at < body.length; at += chunkBytes) {
    if (at > 0) await exchange.sleep(intervalMs);
    if (exchange.closed) return;
    exchange.res.write(body.subarray(at, at + chunkBytes));
  }
  exchange.res.end();
}

/**
 * A body of at least `bytes` that looks like the real envelope: its list
 * repeated until the size is reached. Streamed, honouring backpressure, and
 * abandoned when the client hangs up (as a size-limited client will).
 */
async function sendOversized(exchange, { bytes, contentLength }) {
  const reply = exchange.serve();
  const payload = reply.payload && typeof reply.payload === "object" ? reply.payload : {};
  const { container, key } = findList(payload) ?? { container: null, key: null };
  const sample = container?.[key]?.[0] ?? { padding: "x".repeat(512) };
  const marker = "\u0000LIST\u0000";
  let shell = { ...payload, items: marker };
  if (container) {
    container[key] = marker;
    shell = payload;
  }
  const [head, tail] = toJson(shell).split(JSON.stringify(marker));
  const item = Buffer.from(toJson(sample), "utf8");
  const headBytes = Buffer.from(`${head}[`, "utf8");
  const tailBytes = Buffer.from(`]${tail}`, "utf8");
  const count = Math.max(1, Math.ceil((bytes - headBytes.length - tailBytes.length + 1) / (item.length + 1)));
  const total = headBytes.length + tailBytes.length + count * item.length + (count - 1);

  const res = exchange.res;
  res.writeHead(200, exchange.headersFor(reply, "application/json; charset=utf-8", contentLength === "accurate" ? total : null));
  exchange.complete(200, 0, reply);
  const batchItems = Math.max(1, Math.floor(65536 / (item.length + 1)));
  const batch = Buffer.concat(Array.from({ length: batchItems }, (_, i) => (i === 0 ? item : Buffer.concat([Buffer.from(","), item]))));
  const comma = Buffer.from(",");
  if (!(await write(res, headBytes, exchange))) return;
  for (let written = 0; written < count; ) {
    const n = Math.min(batchItems, count - written);
    const chunk = n === batchItems ? batch : batch.subarray(0, n * (item.length + 1) - 1);
    if (written > 0 && !(await write(res, comma, exchange))) return;
    if (!(await write(res, chunk, exchange))) return;
    written += n;
  }
  if (await write(res, tailBytes, exchange)) res.end();
}

/** Writes a chunk; waits for drain when the socket is full. False once the client is gone. */
function write(res, chunk, exchange) {
  if (exchange.closed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

/** The first array in the envelope (depth ≤ 2): `data.invitations`, `connections`, ... */
function findList(payload) {
  for (const [key, value] of Object.entries(payload)) if (Array.isArray(value)) return { container: payload, key };
  for (const value of Object.values(payload)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) if (Array.isArray(inner)) return { container: value, key };
    }
  }
  return null;
}
