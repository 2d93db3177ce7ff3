// A simulated day: an account that gains 3 connections, 5 sent invitations
// and 2 acceptances an hour, synced every hour for 24 hours, per provider —
// the credits and requests of `sync` beside a full `collect` of every list
// each hour, measured in the same run against the emulator's ledger (target:
// sync ≤ 1/10 of the full re-read's credits on linkup-v2 and linkup-v1).
// Also the state's size per known item at the end of the day.
//
// The client's clock moves with the emulator's (Date.now, which the wasm
// reads, runs an hour ahead each hour), so the day is a day to the sync
// too: its daily full read of the invitation lists (sync::proof) is in it.

import { baseUrl, credentials, PROVIDERS, QUICK, RESOURCES } from "../lib/common.mjs";
import { startEmulatorProcess } from "../lib/emulator-process.mjs";
import { round } from "../lib/stats.mjs";

const HOURS = QUICK ? 2 : 24;
const HOUR = { addConnections: 3, addSent: 5, acceptSent: 2, advanceMs: 3_600_000 };
// The emulator's data account each provider's credentials read.
const ACCOUNT = { "linkup-v2": "bench-account", "linkup-v1": "bench-login-token", connectsafely: "default", unipile: "bench-account" };

function client(api, emulator, provider, apiKey) {
  return api.createClient({ provider, baseUrl: baseUrl(provider, emulator.url), ...credentials(provider, apiKey) });
}

export async function runSyncDay({ api }) {
  const emulator = await startEmulatorProcess({ latencyMs: 0 });
  const rows = [];
  const realNow = Date.now;
  let shiftMs = 0;
  Date.now = () => realNow() + shiftMs;
  try {
    for (const provider of PROVIDERS) {
      const syncKey = `day-sync-${provider}`;
      const fullKey = `day-full-${provider}`;
      const syncing = client(api, emulator, provider, syncKey);
      const reading = client(api, emulator, provider, fullKey);
      let { state } = await syncing.sync({});
      const baseline = await emulator.ledger(syncKey);
      let syncRequests = 0;
      let fullRequests = 0;
      let accepted = 0;
      let known = 0;
      for (let hour = 0; hour < HOURS; hour += 1) {
        await emulator.mutate({ account: ACCOUNT[provider], ...HOUR });
        shiftMs += HOUR.advanceMs;
        const run = await syncing.sync({ state });
        state = run.state;
        syncRequests += run.requests;
        accepted += run.changes.accepted.length;
        known = 0;
        for (const resource of RESOURCES) {
          const full = await reading[resource].collect();
          fullRequests += full.requests;
          known += full.items.length;
        }
      }
      const syncLedger = await emulator.ledger(syncKey);
      const fullLedger = await emulator.ledger(fullKey);
      const syncCredits = syncLedger.credits - baseline.credits;
      rows.push({
        provider,
        hours: HOURS,
        syncCredits,
        fullCredits: fullLedger.credits,
        creditRatio: fullLedger.credits === 0 ? null : round(syncCredits / fullLedger.credits, 3),
        syncRequests,
        fullRequests,
        requestRatio: round(syncRequests / fullRequests, 3),
        accepted,
        stateBytes: state.length,
        knownItems: known,
        stateBytesPerKnownItem: round(state.length / known, 1),
      });
    }
  } finally {
    Date.now = realNow;
    await emulator.stop();
  }
  return { hours: HOURS, hour: HOUR, rows };
}
