// Shared test helpers, outside test/ so `node --test` does not run this file:
// a real HTTP client for each provider, and a recursive shape comparison
// against the documented example bodies.

import assert from "node:assert/strict";
import http from "node:http";
import { readFileSync } from "node:fs";
import { startEmulator } from "../server.mjs";

export const NOW = "2026-04-26T10:35:00Z";
export const NOW_MS = Date.parse(NOW);

/** An emulator with a fixed clock; extra options override. */
export function start(options = {}) {
  return startEmulator({ seed: 1, now: NOW, ...options });
}

export function fixture(name) {
  return JSON.parse(readFileSync(new URL(`../test/fixtures/${name}.json`, import.meta.url), "utf8"));
}

/** A fetch response read in full: its status, headers, text and JSON (`undefined` if not JSON). */
export async function finish(response) {
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** linkup-v2: POST /v2/network. */
export async function v2(emu, action, params = {}, { apiKey = "key-1", account = "acct-1", body, ...init } = {}) {
  const headers = { "content-type": "application/json" };
  if (apiKey !== null) headers["x-api-key"] = apiKey;
  const payload = body ?? JSON.stringify({ account_id: account ?? undefined, action, params });
  return finish(await fetch(`${emu.url}/v2/network`, { method: "POST", headers, body: payload, ...init }));
}

const V1_PATHS = { sentInvitations: "sent-invitations", receivedInvitations: "invitations", connections: "connections" };

/** linkup-v1: POST /v1/network/<endpoint>; `loginToken: null` leaves it out. */
export async function v1(emu, resource, fields = {}, { apiKey = "key-1", loginToken = "token-1", ...init } = {}) {
  const headers = { "content-type": "application/json" };
  if (apiKey !== null) headers["x-api-key"] = apiKey;
  const body = { ...fields };
  if (loginToken !== null) body.login_token = loginToken;
  return finish(await fetch(`${emu.url}/v1/network/${V1_PATHS[resource]}`, { method: "POST", headers, body: JSON.stringify(body), ...init }));
}

const CS_PATHS = { sentInvitations: "invitations/sent", receivedInvitations: "invitations/received", connections: "connections" };

/** ConnectSafely: GET /linkedin/<path>?query; `apiKey: null` sends no Authorization. */
export async function cs(emu, resource, query = {}, { apiKey = "key-1", ...init } = {}) {
  const headers = {};
  if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
  const search = new URLSearchParams(query).toString();
  return finish(await fetch(`${emu.url}/linkedin/${CS_PATHS[resource]}${search ? `?${search}` : ""}`, { headers, ...init }));
}

/** ConnectSafely: POST /linkedin/invitations/withdraw. */
export async function csWithdraw(emu, body, { apiKey = "key-1" } = {}) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${apiKey}` };
  return finish(await fetch(`${emu.url}/linkedin/invitations/withdraw`, { method: "POST", headers, body: JSON.stringify(body) }));
}

/** Any request through node:http, for what fetch hides (raw headers, partial bodies). */
export function rawRequest(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), complete: true }));
      res.on("error", (error) => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), complete: false, error }));
      res.on("aborted", () => {});
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/**
 * Asserts `actual` has exactly the keys of `expected`, recursively, with the
 * same JSON types. Arrays: every actual element against the first expected
 * one. `nullable`: keys whose documented value may also be null (or whose
 * documented null may also be a string).
 */
export function assertSameShape(actual, expected, { nullable = [], path = "$" } = {}) {
  const expectedType = typeOf(expected);
  const actualType = typeOf(actual);
  const key = path.split(".").pop().replace(/\[\d+\]$/, "");
  if (nullable.includes(key) && (actualType === "null" || expectedType === "null")) {
    if (actualType !== "null") assert.equal(actualType, "string", `${path}: a nullable field must be a string or null`);
    return;
  }
  assert.equal(actualType, expectedType, `${path}: expected a JSON ${expectedType}, got ${actualType}`);
  if (expectedType === "array") {
    if (expected.length === 0) return;
    actual.forEach((item, i) => assertSameShape(item, expected[0], { nullable, path: `${path}[${i}]` }));
  } else if (expectedType === "object") {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: keys differ from the documented example`);
    for (const name of Object.keys(expected)) assertSameShape(actual[name], expected[name], { nullable, path: `${path}.${name}` });
  }
}
