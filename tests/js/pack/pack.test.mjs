// The package as a user gets it: `npm pack` of pkg/, installed from the
// tarball into a throwaway project, imported by its name, listing a page from
// the emulator. Also what the tarball holds, and how big it is.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { startEmulator } from "../../emulator/server.mjs";

const run = promisify(execFile);
const PKG = fileURLToPath(new URL("../../../pkg/", import.meta.url));
const TSC = fileURLToPath(new URL("../../../node_modules/.bin/tsc", import.meta.url));
const ACCOUNT = "acct-pack";

function childEnv() {
  const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

let workdir;
let emu;
let packed;
let project;

before(async () => {
  workdir = await mkdtemp(join(tmpdir(), "linkedin-network-pack-"));
  emu = await startEmulator({ seed: 1, now: "2026-04-26T10:35:00Z" });
  const { stdout } = await run("npm", ["pack", PKG, "--pack-destination", workdir, "--json"], { env: childEnv(), cwd: workdir, maxBuffer: 1 << 24 });
  [packed] = JSON.parse(stdout);
  project = join(workdir, "consumer");
  await run("mkdir", ["-p", project]);
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", join(workdir, packed.filename), "--no-audit", "--no-fund"], { env: childEnv(), cwd: project, maxBuffer: 1 << 24 });
});

after(async () => {
  await emu?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

test("the tarball holds the wasm, the declarations, the entries and no Rust", () => {
  const paths = packed.files.map((file) => file.path).sort();
  for (const required of [
    "package.json", "README.md", "index.d.ts",
    "types/model.d.ts", "types/client.d.ts", "types/actions.d.ts", "types/errors.d.ts", "types/sync.d.ts",
    "dist/linkedin_network_bg.wasm", "dist/linkedin_network.js",
    "dist/node.js", "dist/default.js", "dist/workerd.js",
    "testing/index.js", "testing/index.d.ts", "testing/emulator/server.mjs",
  ]) {
    assert.ok(paths.includes(required), `${required} is in the tarball (has: ${paths.join(", ")})`);
  }
  assert.deepEqual(paths.filter((path) => path.endsWith(".rs") || path.startsWith("target/") || path.includes("Cargo")), [], "no Rust sources");
  assert.deepEqual(paths.filter((path) => path.endsWith(".tgz") || path.includes("node_modules") || path.startsWith("tests/")), []);
  // Every file the exports map names ships.
  // The readable sources (pkg/entry, pkg/src) stay out: the built, minified entries ship.
  assert.deepEqual(paths.filter((path) => path.startsWith("entry/") || path.startsWith("src/")), []);
  for (const target of ["./index.d.ts", "./dist/workerd.js", "./dist/node.js", "./dist/default.js", "./dist/linkedin_network_bg.wasm"]) {
    assert.ok(paths.includes(target.slice(2)), target);
  }
});

test("sizes: the tarball, and the gzipped .wasm and JavaScript", async () => {
  const installed = join(project, "node_modules", "linkedin-network");
  const tarball = (await stat(join(workdir, packed.filename))).size;
  const lines = [`tarball ${packed.filename}: ${tarball} bytes (unpacked ${packed.unpackedSize})`];
  let wasmGzip = 0;
  let jsGzip = 0;
  // What a runtime loads; linkedin-network/testing (the emulator, Node tests only) apart.
  for (const path of packed.files.map((file) => file.path).filter((path) => /\.(wasm|js)$/.test(path) && !path.startsWith("testing/")).sort()) {
    const bytes = await readFile(join(installed, path));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    if (path.endsWith(".wasm")) wasmGzip += gzipped;
    else jsGzip += gzipped;
    lines.push(`${path}: ${bytes.length} bytes, ${gzipped} gzipped`);
  }
  lines.push(`total gzipped: wasm ${wasmGzip} + js ${jsGzip} = ${wasmGzip + jsGzip} bytes`);
  for (const line of lines) console.log(`# size ${line}`);
  assert.equal(tarball, packed.size, "npm reports the tarball's real size");
  assert.ok(wasmGzip > 0 && jsGzip > 0);
});

test("a project that installed the tarball imports it by name and lists a page from the emulator", async () => {
  const script = join(project, "list.mjs");
  await writeFile(script, `
import { createClient, LinkedInNetworkError, estimateCredits } from "linkedin-network";
const [url, account] = process.argv.slice(2);
const client = createClient({ provider: "linkup-v2", apiKey: "pack-key", accountId: account, baseUrl: url });
const page = await client.sentInvitations.list({ offset: 0, limit: 20 });
let refused = null;
try { createClient({ provider: "nope", apiKey: "k" }); } catch (error) { refused = LinkedInNetworkError.is(error) && error.code; }
const resolved = import.meta.resolve("linkedin-network");
console.log(JSON.stringify({ ids: page.items.map((item) => item.id), total: page.total, credits: page.creditsUsed,
  estimate: estimateCredits({ provider: "linkup-v2", resource: "sentInvitations", offset: 0, limit: 20 }).credits, refused, resolved }));
`);
  const { stdout } = await run(process.execPath, [script, emu.url, ACCOUNT], { env: childEnv(), cwd: project, timeout: 30_000 });
  const answer = JSON.parse(stdout.trim());
  const truth = emu.data(ACCOUNT, "sentInvitations").slice(0, 20).map((item) => item.id);
  assert.deepEqual(answer.ids, truth, "the installed package lists the emulator's first page, ids exact");
  assert.equal(answer.total, emu.data(ACCOUNT, "sentInvitations").length);
  assert.equal(answer.credits, emu.ledger("pack-key").credits);
  assert.equal(answer.credits, answer.estimate);
  assert.equal(answer.refused, "INVALID_INPUT");
  assert.match(answer.resolved, /node_modules\/linkedin-network\/dist\/node\.js$/, "Node picks the node entry of the installed copy");
});

test("linkedin-network/testing: a user's own test starts the emulator from the installed package", async () => {
  const script = join(project, "own-test.mjs");
  await writeFile(script, `
import { createClient } from "linkedin-network";
import { startEmulator } from "linkedin-network/testing";
const emu = await startEmulator({ seed: 7, sizes: { connections: 30 } });
try {
  const client = createClient({ provider: "linkup-v2", apiKey: "my-key", accountId: "my-account", baseUrl: emu.url });
  const before = await client.connections.collect();
  const { changes } = emu.mutate({ account: "my-account", addConnections: 2 });
  const after = await client.connections.collect();
  console.log(JSON.stringify({ before: before.items.length, after: after.items.length, added: changes.connections.added.length,
    ledger: emu.ledger("my-key").credits, spent: before.creditsUsed + after.creditsUsed,
    resolved: import.meta.resolve("linkedin-network/testing") }));
} finally {
  await emu.close();
}
`);
  const { stdout } = await run(process.execPath, [script], { env: childEnv(), cwd: project, timeout: 30_000 });
  const answer = JSON.parse(stdout.trim());
  assert.deepEqual({ ...answer, resolved: undefined }, { before: 30, after: 32, added: 2, ledger: answer.spent, spent: answer.spent, resolved: undefined });
  assert.match(answer.resolved, /node_modules\/linkedin-network\/testing\/index\.js$/);
});

test("require() of the installed package works too (Node >= 20.19)", async () => {
  const script = join(project, "require.cjs");
  await writeFile(script, `
const { estimateCredits } = require("linkedin-network");
console.log(JSON.stringify(estimateCredits({ provider: "linkup-v2", resource: "connections", offset: 0, limit: 250 })));
`);
  const { stdout } = await run(process.execPath, ["--no-warnings", script], { env: childEnv(), cwd: project, timeout: 30_000 });
  assert.deepEqual(JSON.parse(stdout.trim()), { credits: 5, requests: 3, upstreamCalls: 3 });
});

test("TypeScript in the consumer project resolves the installed declarations (nodenext)", async () => {
  const source = join(project, "check.ts");
  await writeFile(source, `
import { createClient, type Invitation } from "linkedin-network";
const client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a" });
export async function first(): Promise<string | undefined> {
  const page = await client.sentInvitations.list({ limit: 1 });
  const invitation: Invitation | undefined = page.items[0];
  return invitation?.id;
}
`);
  // As a Node ESM project compiles: nodenext resolution through the package's `exports`.
  await writeFile(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [] },
    files: ["check.ts"],
  }));
  await run(TSC, ["-p", project], { env: childEnv(), cwd: project, timeout: 60_000 })
    .catch((error) => assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`));
  const entries = await readdir(join(project, "node_modules", "linkedin-network"));
  assert.ok(entries.includes("index.d.ts"));
});
