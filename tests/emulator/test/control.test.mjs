// The /__emulator/ HTTP API, as a browser page or a Worker would use it.

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
let control;
before(async () => {
  emu = await start();
  control = async (method, path, body) => {
    const res = await fetch(`${emu.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    return { status: res.status, json: await res.json() };
  };
});
after(() => emu.close());

it("faults: POST adds one or many, GET lists, DELETE clears; bad ones are 400", async () => {
  const one = await control("POST", "/faults", { type: "rate-limit", provider: "linkup-v2", retryAfterSeconds: 2 });
  assert.equal(one.status, 201);
  assert.equal(one.json.added[0].type, "rate-limit");
  await control("POST", "/faults", [{ type: "status", status: 503 }, { type: "hang", provider: "connectsafely", times: 2 }]);
  assert.equal((await control("GET", "/faults")).json.length, 3);
  const limited = await v2(emu, "list_sent");
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "2");
  assert.equal((await control("GET", "/faults")).json.length, 2);
  assert.equal((await control("DELETE", "/faults")).status, 200);
  assert.deepEqual((await control("GET", "/faults")).json, []);
  const bad = await control("POST", "/faults", { type: "nope" });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error, /unknown type/);
});

it("ledger, ledgers and requests", async () => {
  await control("POST", "/reset");
  await v2(emu, "list_sent", { count: 75 }, { apiKey: "browser-key" });
  await v1(emu, "connections", { total_results: 20 }, { apiKey: "other-key" });
  assert.deepEqual((await control("GET", "/ledger?apiKey=browser-key")).json, { credits: 2, requests: 1 });
  assert.deepEqual((await control("GET", "/ledgers")).json, { "browser-key": { credits: 2, requests: 1 }, "other-key": { credits: 2, requests: 1 } });
  assert.equal((await control("GET", "/ledger")).status, 400);
  const log = (await control("GET", "/requests")).json;
  assert.equal(log.length, 2);
  assert.equal(log[1].path, "/v1/network/connections");
  await control("DELETE", "/requests");
  assert.deepEqual((await control("GET", "/requests")).json, []);
});

it("data, shift, config and reset", async () => {
  const whole = (await control("GET", "/data?account=acct-1")).json;
  assert.equal(whole.account, "acct-1");
  assert.equal(whole.sentInvitations.length, 145);
  assert.equal(whole.connections.length, 1201);
  assert.deepEqual(whole.sentInvitations[0], emu.data("acct-1", "sentInvitations")[0]);
  const shifted = await control("POST", "/shift", { account: "acct-1", resource: "connections", count: 3 });
  assert.equal(shifted.json.inserted.length, 3);
  const connections = (await control("GET", "/data?account=acct-1&resource=connections")).json.connections;
  assert.equal(connections.length, 1204);
  assert.equal((await control("POST", "/shift", { resource: "everything" })).status, 400);
  assert.deepEqual((await control("POST", "/config", { latencyMs: 5 })).json, { latencyMs: 5, jitterMs: 0, now: "2026-04-26T10:35:00.000Z" });
  assert.equal((await control("GET", "/config")).json.latencyMs, 5);
  await control("POST", "/config", { latencyMs: 0 });
  await control("POST", "/reset");
  assert.equal((await control("GET", "/data?account=acct-1&resource=connections")).json.connections.length, 1201);
  assert.equal((await control("GET", "/nothing")).status, 404);
  assert.equal((await control("GET", "")).json.seed, 1);
});
