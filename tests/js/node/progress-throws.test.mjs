// An onProgress callback that throws stops the run, and its exception is what
// the caller's promise rejects with: the same for collect, sync and
// withdrawStale (one piece of glue serves all three, src/wasm/progress.rs).
// Called on the raw package: the declared contract has no thrown callback.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { freshKey, ln, providerById, start } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const provider = providerById("linkup-v2");

function client(label) {
  const apiKey = freshKey(label);
  const account = `acct-progress-${process.pid}-${label}`;
  return { apiKey, client: ln.createClient(provider.options(emu, { apiKey, account })) };
}

/** A callback that throws `thrown` on its first call, counting its calls. */
function throwing(thrown) {
  const calls = { count: 0 };
  return { calls, onProgress: () => { calls.count += 1; throw thrown; } };
}

const RUNS = {
  collect: (api, onProgress) => api.connections.collect({ onProgress }),
  sync: (api, onProgress) => api.sync({ onProgress }),
  withdrawStale: (api, onProgress) => api.sentInvitations.withdrawStale({ olderThanDays: 21, max: 5, onProgress }),
};

for (const [name, run] of Object.entries(RUNS)) {
  test(`${name}: a throwing onProgress rejects with its exception and is not called again`, async () => {
    const { apiKey, client: api } = client(name);
    const thrown = new Error(`stop ${name}`);
    const { calls, onProgress } = throwing(thrown);
    await assert.rejects(run(api, onProgress), (error) => error === thrown);
    assert.equal(calls.count, 1);
    if (name === "withdrawStale") {
      const applied = emu.actions().filter((entry) => entry.apiKey === apiKey && entry.applied);
      assert.ok(applied.length < 5, `the run stopped early (${applied.length} applied)`);
    }
  });
}
