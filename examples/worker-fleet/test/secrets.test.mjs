// src/secrets.js under Node's Web Crypto (the same API workerd has).

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { credentialsOf, open, sameSecret, seal, signature } from "../src/secrets.js";

const env = { CREDENTIALS_KEY: Buffer.alloc(32, 3).toString("base64") };
const row = { accountId: "alice", provider: "linkup-v2", purpose: "credentials" };
const credentials = { apiKey: "sk-live-123", accountId: "acct-9" };

test("sealed credentials open for their own row only, and the error names no secret", async () => {
  const sealed = await seal(env, row, credentials);
  assert.ok(!sealed.includes("sk-live") && !Buffer.from(sealed, "base64").toString("latin1").includes("sk-live"));
  assert.deepEqual(await open(env, row, sealed), credentials);
  assert.notEqual(await seal(env, row, credentials), sealed, "a fresh IV every time");
  for (const other of [{ ...row, accountId: "bob" }, { ...row, provider: "linkup-v1" }, { ...row, purpose: "webhook" }]) {
    await assert.rejects(open(env, other, sealed), (error) => !error.message.includes("sk-live") && /do not open/.test(error.message));
  }
  await assert.rejects(open({ CREDENTIALS_KEY: Buffer.alloc(32, 4).toString("base64") }, row, sealed), /do not open/);
  await assert.rejects(seal({ CREDENTIALS_KEY: "c2hvcnQ=" }, row, credentials), /32 bytes/);
});

test("credentials by secret name come from the Worker's env", async () => {
  const account = { id: "alice", provider: "linkup-v2", credentials_secret: "ALICE", credentials: null };
  assert.deepEqual(await credentialsOf({ ...env, ALICE: JSON.stringify(credentials) }, account), credentials);
  await assert.rejects(credentialsOf(env, account), /not set/);
});

test("X-Signature is the HMAC-SHA256 a receiver computes with node:crypto", async () => {
  const body = JSON.stringify({ accountId: "alice", changes: [{ id: "x", item: { name: "Zoë 山田" } }] });
  assert.equal(await signature("whsec", body), `sha256=${createHmac("sha256", "whsec").update(body).digest("hex")}`);
});

test("bearer tokens compare equal only when equal, and never against an unset token", async () => {
  assert.equal(await sameSecret("token-1", "token-1"), true);
  assert.equal(await sameSecret("token-2", "token-1"), false);
  assert.equal(await sameSecret("", ""), false);
  assert.equal(await sameSecret(undefined, "token-1"), false);
});
