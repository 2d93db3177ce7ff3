// Surviving a panic (SPEC §5): the test build of the package has an export
// that panics. After it, the next ordinary call on the same module works —
// the pure functions and a client created before the panic alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startEmulator } from "../../emulator/server.mjs";

const root = new URL("../../../target/pkg-panic-test/", import.meta.url);
const api = await import(new URL("entry/node.js", root));
const raw = await import(new URL("dist/linkedin_network.js", root));
const fixture = (path) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

test("after a panic the next call of the same module works", async () => {
  const emulator = await startEmulator({ port: 0 });
  try {
    const client = api.createClient({ provider: "linkup-v2", apiKey: "panic-key", accountId: "acct", baseUrl: emulator.url });
    const before = await client.sentInvitations.list({ limit: 5 });

    assert.throws(() => raw.__panicForTests(), (error) => error instanceof WebAssembly.RuntimeError);

    // A pure function, straight after.
    const page = api.parseResponse({ provider: "linkup-v1", resource: "sentInvitations", status: 200, body: fixture("linkup_v1/sent_invitations.doc.json") });
    assert.equal(page.items[0].id, "7329176687475109888");
    // The client made before the panic, with its handle from the old instance.
    const after = await client.sentInvitations.list({ limit: 5 });
    assert.deepEqual(after.items.map((item) => item.id), before.items.map((item) => item.id));
    assert.deepEqual(client.sentInvitations.estimate({ limit: 250 }), { credits: 5, requests: 3, upstreamCalls: 3 });
  } finally {
    await emulator.close();
  }
});

test("a panic twice in a row is survived twice", () => {
  for (let round = 0; round < 2; round += 1) {
    assert.throws(() => raw.__panicForTests(), WebAssembly.RuntimeError);
    const plan = api.planRequests({ provider: "connectsafely", resource: "connections", offset: 0, limit: 30 });
    assert.deepEqual(plan.map((call) => call.count), [12, 12, 6]);
  }
});

test("a trap inside a wrapped call becomes a LinkedInNetworkError with code INTERNAL", () => {
  const error = api.LinkedInNetworkError;
  const mapped = new error({ code: "INTERNAL", message: "x" });
  assert.equal(mapped.code, "INTERNAL");
  // The mapping itself: a RuntimeError thrown through the package's error conversion.
  return import(new URL("src/errors.js", root)).then(({ fromWasm }) => {
    const converted = fromWasm(new WebAssembly.RuntimeError("unreachable"));
    assert.ok(converted instanceof error || converted.name === "LinkedInNetworkError");
    assert.equal(converted.code, "INTERNAL");
    assert.match(converted.message, /restarted and the next call works/);
  });
});

test("an iterator from before a panic ends with INTERNAL and leaves the new instance alone", async () => {
  const emulator = await startEmulator({ port: 0, latencyMs: 20 });
  try {
    const client = api.createClient({ provider: "connectsafely", apiKey: "panic-run", baseUrl: `${emulator.url}/linkedin` });
    const old = client.sentInvitations.iterate({ maxItems: 30 });
    assert.ok((await old.next()).value.id);
    assert.throws(() => raw.__panicForTests(), WebAssembly.RuntimeError);
    const fresh = await client.sentInvitations.list({ limit: 10 });
    assert.equal(fresh.items.length, 10);
    // The old run belonged to the replaced instance.
    const ended = await (async () => {
      try {
        for (let step = 0; step < 30; step += 1) await old.next();
        return null;
      } catch (error) {
        return error;
      }
    })();
    assert.equal(ended?.code, "INTERNAL");
    // …and failing did not reset the instance the fresh call used.
    const again = await client.sentInvitations.list({ offset: 10, limit: 10 });
    assert.equal(again.items.length, 10);
  } finally {
    await emulator.close();
  }
});

test("a module that cannot load rejects every call with LOAD_FAILED and its cause", async () => {
  const { createApi } = await import(new URL("../../../pkg/src/api.js", import.meta.url).href);
  const refused = new Error("Refused to compile the WebAssembly module: CSP");
  const loading = Promise.reject(refused);
  const broken = createApi({}, loading);
  await assert.rejects(broken.ready(), (error) => error.code === "LOAD_FAILED" && error.cause === refused && /wasm-unsafe-eval/.test(error.message));
  const client = broken.createClient({ provider: "connectsafely", apiKey: "k" });
  await assert.rejects(client.connections.list({ limit: 1 }), (error) => error.code === "LOAD_FAILED" && error instanceof broken.LinkedInNetworkError);
  assert.throws(() => broken.planRequests({ provider: "connectsafely", resource: "connections" }), (error) => error.code === "LOAD_FAILED");
});

test("the first createClient after a panic works", async () => {
  const emulator = await startEmulator({ port: 0 });
  try {
    assert.throws(() => raw.__panicForTests(), WebAssembly.RuntimeError);
    const client = api.createClient({ provider: "linkup-v2", apiKey: "after-panic", accountId: "acct", baseUrl: emulator.url });
    assert.equal((await client.connections.list({ limit: 3 })).items.length, 3);
  } finally {
    await emulator.close();
  }
});
