// `make fleet-demo`: the fleet Worker in Miniflare (bundled by wrangler) over
// the emulator, N accounts across the three providers, mutated between cron
// ticks; prints what each tick did and checks the end state against the
// emulator's true diff.
//
//   node examples/worker-fleet/scripts/simulate.mjs [--accounts 200] [--ticks 3] [--latency-ms 0]
//        [--limit 1000] [--batch 10] [--scale 10,50,100,200] [--connections 60 --sent 20 --received 8]
// --scale: for each size a fresh fleet, a first sync, then one incremental
// tick timed: accounts synced per minute.

import { parseArgs } from "node:util";
import { startEmulator } from "../../../tests/emulator/server.mjs";
import { floorOf } from "../test/support/credits.mjs";
import { bundleFleet, startFleet } from "../test/support/fleet.mjs";
import { mismatches, mutateAll, population, register } from "../test/support/population.mjs";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "200" },
    ticks: { type: "string", default: "3" },
    "latency-ms": { type: "string", default: "0" },
    limit: { type: "string", default: "1000" },
    batch: { type: "string", default: "10" },
    scale: { type: "string" },
    connections: { type: "string", default: "60" },
    sent: { type: "string", default: "20" },
    received: { type: "string", default: "8" },
  },
});
const SIZES = { connections: Number(values.connections), sent: Number(values.sent), received: Number(values.received) };
const latencyMs = Number(values["latency-ms"]);

function table(header, rows) {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => String(row[index]).length)));
  const line = (cells) => `| ${cells.map((cell, index) => String(cell).padStart(widths[index])).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function runFleet(bundle, count, ticks, onTick) {
  const emu = await startEmulator({ seed: 1, now: "2026-04-26T10:35:00Z", sizes: SIZES, latencyMs });
  const fleet = await startFleet(bundle, { vars: { SUBREQUEST_LIMIT: values.limit }, consumer: { maxBatchSize: Number(values.batch) } });
  try {
    const accounts = population(emu, count);
    await register(fleet, accounts);
    for (let tick = 0; tick < ticks; tick += 1) {
      if (tick > 0) mutateAll(accounts, tick);
      const floor = accounts.reduce((sum, account) => sum + floorOf(account, { first: tick === 0 }), 0);
      const creditsBefore = accounts.reduce((sum, account) => sum + emu.ledger(account.apiKey).credits, 0);
      const [{ last }] = await fleet.rows("SELECT coalesce(max(id), 0) AS last FROM sync_runs");
      const started = Date.now();
      await fleet.tick();
      await fleet.idle({ timeoutMs: 600000, quietMs: 1000 });
      const wallMs = Date.now() - started - 1000;
      const [runs] = await fleet.rows(
        `SELECT count(*) AS runs, sum(outcome = 'committed' AND complete = 0) AS stops, sum(changes) AS changes, sum(requests) AS requests,
                sum(credits) AS credits, max(subrequests) AS peak FROM sync_runs WHERE id > ?1`,
        last,
      );
      const credits = accounts.reduce((sum, account) => sum + emu.ledger(account.apiKey).credits, 0) - creditsBefore;
      onTick({ tick, runs, credits, floor, wallMs });
    }
    const [{ stateBytes }] = await fleet.rows("SELECT max(length(state)) AS stateBytes FROM sync_state");
    return { wrong: await mismatches(fleet, accounts), accounts, stateBytes };
  } finally {
    await fleet.close();
    await emu.close();
  }
}

const bundle = await bundleFleet();
try {
  if (values.scale) {
    const rows = [];
    for (const count of values.scale.split(",").map(Number)) {
      let timed = 0;
      const { wrong } = await runFleet(bundle, count, 2, ({ tick, wallMs }) => {
        if (tick === 1) timed = wallMs;
      });
      rows.push([count, (timed / 1000).toFixed(1), Math.round((count / Math.max(timed, 1)) * 60000), wrong.length === 0 ? "yes" : `NO (${wrong.length})`]);
    }
    console.log(`\nIncremental tick, ${latencyMs} ms provider latency, SUBREQUEST_LIMIT ${values.limit}, max_batch_size ${values.batch}:\n`);
    console.log(table(["accounts", "tick s", "accounts/min", "= true diff"], rows));
  } else {
    const rows = [];
    const count = Number(values.accounts);
    const { wrong, stateBytes } = await runFleet(bundle, count, Number(values.ticks), ({ tick, runs, credits, floor, wallMs }) => {
      rows.push([tick === 0 ? "0 (first)" : tick, runs.runs, runs.stops, runs.changes, runs.requests, credits, floor, runs.peak, (wallMs / 1000).toFixed(1)]);
    });
    console.log(`\n${count} accounts (linkup-v2, linkup-v1, connectsafely; ${SIZES.connections} connections, ${SIZES.sent} sent, ${SIZES.received} received each), ${latencyMs} ms provider latency, SUBREQUEST_LIMIT ${values.limit}, max_batch_size ${values.batch}:\n`);
    console.log(table(["tick", "runs", "budget stops", "changes", "requests", "credits (ledger)", "floor", "peak subreq.", "wall s"], rows));
    console.log(wrong.length === 0
      ? `\nEvery account's recorded changes equal the emulator's true diff: ${count}/${count}, nothing lost, nothing twice.`
      : `\n${wrong.length} accounts differ from the emulator's diff: ${JSON.stringify(wrong.slice(0, 3))}`);
    console.log(`The largest sync state in D1: ${stateBytes} bytes.`);
    if (wrong.length > 0) process.exitCode = 1;
  }
} finally {
  bundle.app.remove();
}
