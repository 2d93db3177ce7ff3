// The fleet Worker as it deploys: wrangler bundles it (`deploy --dry-run`,
// the package through its `workerd` entry, the .wasm as a module) and
// Miniflare 4 runs that upload with the bindings wrangler.toml declares —
// local D1, a local Queue with its consumer, the scheduled handler.

import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from "wrangler";
import { appWithPackage } from "../../../../tests/js/runtimes/support/package-link.mjs";
import { wranglerDryRun } from "../../../../tests/js/runtimes/support/wrangler.mjs";

const EXAMPLE = fileURLToPath(new URL("../../", import.meta.url));
export const ADMIN_TOKEN = "test-admin-token";
/** base64 of 32 bytes: the CREDENTIALS_KEY secret of the tests. */
export const CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");

/** Bundles the Worker once; resolves to { app, outDir, script, dryRun } (app.remove() when done). */
export async function bundleFleet() {
  const app = appWithPackage("fleet");
  for (const entry of ["wrangler.toml", "src", "migrations"]) cpSync(join(EXAMPLE, entry), join(app.dir, entry), { recursive: true });
  const outDir = join(app.dir, "upload");
  const dryRun = await wranglerDryRun(app.dir, "wrangler.toml", outDir);
  cpSync(join(EXAMPLE, "test", "support", "chaos-entry.js"), join(outDir, "chaos-entry.js"));
  return { app, outDir, dryRun, files: readdirSync(outDir), config: join(app.dir, "wrangler.toml") };
}

/**
 * A running fleet: `vars` override wrangler.toml's; `consumer` the queue
 * consumer settings (maxBatchSize, …); `chaos` runs test/support/chaos-entry.js
 * around the Worker.
 */
export async function startFleet(bundle, { vars = {}, consumer = {}, chaos = false } = {}) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(bundle.config);
  const queueName = Object.keys(workerOptions.queueConsumers)[0];
  const output = [];
  const mf = new Miniflare({
    cf: false,
    // The Worker's console and workerd's own lines, kept for the tests (no secret may appear).
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.on("data", (chunk) => output.push(String(chunk)));
      stderr.on("data", (chunk) => output.push(String(chunk)));
    },
    name: "fleet",
    modules: true,
    modulesRoot: bundle.outDir,
    scriptPath: join(bundle.outDir, chaos ? "chaos-entry.js" : "index.js"),
    modulesRules: [{ type: "ESModule", include: ["**/*.js"] }, { type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: workerOptions.compatibilityDate,
    bindings: { ...workerOptions.bindings, ...vars, CREDENTIALS_KEY, ADMIN_TOKEN },
    d1Databases: workerOptions.d1Databases,
    queueProducers: workerOptions.queueProducers,
    queueConsumers: { [queueName]: { ...workerOptions.queueConsumers[queueName], ...consumer } },
  });
  try {
    await mf.ready;
    const db = await mf.getD1Database("DB");
    for (const file of readdirSync(join(bundle.outDir, "..", "migrations")).sort()) {
      const sql = readFileSync(join(bundle.outDir, "..", "migrations", file), "utf8");
      await db.batch(unstable_splitSqlQuery(sql).map((statement) => db.prepare(statement)));
    }
    return new Fleet(mf, db, await mf.getWorker(), output);
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

export class Fleet {
  constructor(mf, db, worker, output) {
    this.output = output;
    this.mf = mf;
    this.db = db;
    this.worker = worker;
  }

  /** An API call with the admin token; resolves to { status, body }. */
  async api(method, path, body, { token = ADMIN_TOKEN } = {}) {
    const response = await this.mf.dispatchFetch(`http://fleet${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  /** One Cron Trigger run (the scheduled handler, as the cron would call it). */
  async tick() {
    const result = await this.worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date() });
    if (result.outcome !== "ok") throw new Error(`the scheduled handler ended ${result.outcome}`);
  }

  async rows(sql, ...params) {
    return (await this.db.prepare(sql).bind(...params).all()).results;
  }

  /** Resolves once no account is leased and no run was logged for `quietMs`. */
  async idle({ timeoutMs = 120000, quietMs = 1500 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last = -1;
    let since = Date.now();
    for (;;) {
      const [{ leased, runs }] = await this.rows(
        "SELECT (SELECT count(*) FROM accounts WHERE lease_until IS NOT NULL) AS leased, (SELECT count(*) FROM sync_runs) AS runs",
      );
      if (runs !== last) {
        last = runs;
        since = Date.now();
      }
      if (leased === 0 && Date.now() - since >= quietMs) return;
      if (Date.now() > deadline) throw new Error(`the fleet is still busy: ${leased} accounts leased, ${runs} runs`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close() {
    return this.mf.dispose();
  }
}
