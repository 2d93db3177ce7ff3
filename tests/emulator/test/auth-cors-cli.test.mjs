// Auth errors per provider, restricted credentials, CORS, latency, the clock,
// a prompt close(), and the command line.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { cs, start, v1, v2 } from "../test-support/helpers.mjs";

describe("auth: any non-empty credentials by default", () => {
  let emu;
  before(async () => {
    emu = await start();
  });
  after(() => emu.close());

  it("linkup-v2 without x-api-key: 403 INVALID_API_KEY", async () => {
    const res = await v2(emu, "list_sent", {}, { apiKey: null });
    assert.equal(res.status, 403);
    assert.equal(res.json.error.code, "INVALID_API_KEY");
    assert.equal((await v2(emu, "list_sent", {}, { apiKey: "anything" })).status, 200);
  });

  it("linkup-v1 without x-api-key: HTTP 401 {status:'error', message:'Invalid API key'}", async () => {
    const res = await v1(emu, "connections", {}, { apiKey: null });
    assert.equal(res.status, 401);
    assert.deepEqual(res.json, { status: "error", message: "Invalid API key" });
  });

  it("linkup-v1 without login_token: the cookie error with HTTP 200", async () => {
    const res = await v1(emu, "connections", {}, { loginToken: null });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { status: "error", message: "Invalid or expired LinkedIn cookie" });
  });

  it("connectsafely without a bearer token: 401 {error}", async () => {
    for (const headers of [{}, { authorization: "Token abc" }, { authorization: "Bearer " }]) {
      const res = await fetch(`${emu.url}/linkedin/connections`, { headers });
      assert.equal(res.status, 401);
      assert.equal(typeof (await res.json()).error, "string");
    }
  });
});

describe("auth: restricted credentials", () => {
  let emu;
  before(async () => {
    emu = await start({ apiKeys: ["good"], accounts: ["acct-ok"], loginTokens: ["tok-ok"] });
  });
  after(() => emu.close());

  it("refuses unknown keys in each provider's way", async () => {
    assert.equal((await v2(emu, "list_sent", {}, { apiKey: "bad", account: "acct-ok" })).json.error.code, "INVALID_API_KEY");
    assert.equal((await v1(emu, "connections", {}, { apiKey: "bad", loginToken: "tok-ok" })).status, 401);
    assert.equal((await cs(emu, "connections", {}, { apiKey: "bad" })).status, 401);
    assert.equal((await v2(emu, "list_sent", {}, { apiKey: "good", account: "acct-ok" })).status, 200);
  });

  it("refuses unknown accounts and login tokens", async () => {
    const v2Res = await v2(emu, "list_sent", {}, { apiKey: "good", account: "acct-nope" });
    assert.equal(v2Res.status, 404);
    assert.equal(v2Res.json.error.code, "INVALID_ACCOUNT");
    const csRes = await cs(emu, "connections", { accountId: "acct-nope" }, { apiKey: "good" });
    assert.equal(csRes.status, 404);
    assert.deepEqual(csRes.json, { error: "No active LinkedIn account found" });
    assert.equal((await cs(emu, "connections", {}, { apiKey: "good" })).status, 200, "no accountId: the default account");
    const v1Res = await v1(emu, "connections", {}, { apiKey: "good", loginToken: "tok-nope" });
    assert.equal(v1Res.status, 200);
    assert.equal(v1Res.json.message, "Invalid or expired LinkedIn cookie");
    assert.equal((await v1(emu, "connections", {}, { apiKey: "good", loginToken: "tok-ok" })).json.status, "success");
  });
});

describe("CORS, latency, clock, close", () => {
  let emu;
  before(async () => {
    emu = await start();
  });
  after(() => emu.close());

  it("answers preflights and exposes Retry-After and Date", async () => {
    const res = await fetch(`${emu.url}/v2/network`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-api-key" },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("access-control-allow-methods"), "GET, POST, DELETE, OPTIONS");
    assert.equal(res.headers.get("access-control-allow-headers"), "content-type, x-api-key, authorization");
    assert.equal(emu.requests().length, 0, "preflights are not provider requests");
    emu.inject({ type: "status", status: 503 });
    for (const answer of [await v2(emu, "list_sent"), await cs(emu, "connections")]) {
      assert.equal(answer.headers.get("access-control-allow-origin"), "*");
      const exposed = answer.headers.get("access-control-expose-headers");
      for (const name of ["Retry-After", "Date", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]) assert.ok(exposed.includes(name));
    }
  });

  it("adds latency and seeded jitter, settable at run time", async () => {
    emu.configure({ latencyMs: 150, jitterMs: 50 });
    const began = Date.now();
    await v2(emu, "list_sent");
    const took = Date.now() - began;
    assert.ok(took >= 145 && took < 1000, `took ${took} ms`);
    assert.deepEqual(emu.configure({ latencyMs: 0, jitterMs: 0 }), { latencyMs: 0, jitterMs: 0, now: "2026-04-26T10:35:00.000Z" });
  });

  it("a fixed clock drives metadata.timestamp and Date; the real clock otherwise", async () => {
    emu.configure({ now: "2030-01-02T03:04:05Z" });
    const res = await v2(emu, "list_sent");
    assert.equal(res.json.metadata.timestamp, "2030-01-02T03:04:05Z");
    assert.equal(res.headers.get("date"), "Wed, 02 Jan 2030 03:04:05 GMT");
    emu.configure({ now: null });
    const live = await v2(emu, "list_sent");
    assert.ok(Math.abs(Date.parse(live.json.metadata.timestamp) - Date.now()) < 5000);
    emu.configure({ now: "2026-04-26T10:35:00Z" });
  });

  it("close() ends promptly with a hanging request and keep-alive sockets open", async () => {
    const other = await start({ latencyMs: 0 });
    other.inject({ type: "hang" });
    const hanging = v2(other, "list_sent").catch((error) => error);
    await v2(other, "list_connections").catch(() => {}); // leaves a keep-alive socket
    other.inject({ type: "slow-drip", chunkBytes: 1, intervalMs: 10000 });
    const hangingDrip = v2(other, "list_sent").catch((error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const began = Date.now();
    await other.close();
    assert.ok(Date.now() - began < 1000, `close took ${Date.now() - began} ms`);
    assert.ok((await hanging) instanceof Error);
    assert.ok((await hangingDrip) instanceof Error);
  });
});

describe("command line", () => {
  const serverPath = fileURLToPath(new URL("../server.mjs", import.meta.url));

  it("prints one 'listening' line, serves, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [serverPath, "--port", "0", "--seed", "1", "--latency-ms", "0", "--connections", "30", "--now", "2026-04-26T10:35:00Z"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      for await (const chunk of child.stdout) {
        output += chunk;
        if (output.includes("\n")) break;
      }
      assert.match(output, /^listening http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = output.trim().split(" ")[1];
      const res = await v2({ url }, "list_connections");
      assert.equal(res.json.data.total_available_results, 30);
      assert.equal(res.json.metadata.timestamp, "2026-04-26T10:35:00Z");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    assert.equal(code, 0);
  });
});
