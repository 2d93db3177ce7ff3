// `node scripts/demo.mjs` as `make demo` runs it: the URL it prints serves
// the page and the package, the terminal summary matches the emulator's data
// and ledger, and SIGINT/SIGTERM stop both servers, also mid-summary.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import { test } from "node:test";
import { ROOT } from "./support.mjs";

/** Starts the demo process; `waitFor(regex)` resolves with the first stdout match. */
function startProcess(args) {
  const child = spawn(process.execPath, ["scripts/demo.mjs", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters = [];
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
    for (const waiter of waiters.splice(0)) {
      const match = waiter.regex.exec(stdout);
      if (match) waiter.resolve(match);
      else waiters.push(waiter);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    waitFor(regex) {
      const match = regex.exec(stdout);
      if (match) return Promise.resolve(match);
      return new Promise((resolve, reject) => {
        waiters.push({ regex, resolve });
        exited.then(() => reject(new Error(`the demo exited before printing ${regex}:\n${stdout}\n${stderr}`)));
      });
    },
  };
}

/** A raw GET (no URL normalisation, so `..` reaches the server as sent). */
function get(base, rawPath) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: rawPath, agent: false }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
  });
}

function refused(base) {
  return get(base, "/").then(() => false, (error) => error.code === "ECONNREFUSED");
}

test("make demo's process: URL, page and package served, a summary that matches the emulator, SIGINT stops it", async () => {
  const demo = startProcess(["--port", "0", "--latency-ms", "0"]);
  try {
    const [, pageUrl] = await demo.waitFor(/dashboard: (http:\/\/127\.0\.0\.1:\d+\/)\n/);
    const [, emulatorUrl] = await demo.waitFor(/emulator: +(http:\/\/127\.0\.0\.1:\d+) /);

    const index = await get(pageUrl, "/");
    assert.equal(index.status, 200);
    assert.match(index.body.toString(), /"linkedin-network": "\/node_modules\/linkedin-network\/entry\/default\.js"/);
    const entry = await get(pageUrl, "/node_modules/linkedin-network/entry/default.js");
    assert.equal(entry.status, 200);
    assert.match(entry.headers["content-type"], /^text\/javascript/);
    const wasm = await get(pageUrl, "/node_modules/linkedin-network/dist/linkedin_network_bg.wasm");
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers["content-type"], "application/wasm");
    assert.deepEqual([...wasm.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
    const config = JSON.parse((await get(pageUrl, "/config.json")).body);
    assert.equal(config.emulatorUrl, emulatorUrl);
    for (const outside of ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/node_modules/linkedin-network/%2e%2e/Cargo.toml", "/node_modules/linkedin-network/dist/.inputs"]) {
      assert.equal((await get(pageUrl, outside)).status, 404, outside);
    }

    await demo.waitFor(/summary done/);
    const { stdout } = demo.output();
    const data = JSON.parse((await get(emulatorUrl, `/__emulator/data?account=${config.accountId}`)).body);
    const linkupReceived = data.receivedInvitations.filter((invitation) => invitation.linkupType === "CONNECTION").length;
    let spent = 0;
    for (const [label, received] of [["LinkupAPI v2", linkupReceived], ["LinkupAPI v1", linkupReceived], ["ConnectSafely", data.receivedInvitations.length]]) {
      const line = stdout.split("\n").find((l) => l.trimStart().startsWith(label));
      assert.ok(line, `a summary line for ${label}:\n${stdout}`);
      const numbers = line.slice(label.length + 2).match(/[\d,]+/g).map((n) => Number(n.replace(/,/g, "")));
      const [sentPending, stale, receivedShown, connections, credits, estimated] = numbers;
      assert.equal(sentPending, data.sentInvitations.length, label);
      assert.ok(stale > 0 && stale < sentPending, label);
      assert.equal(receivedShown, received, label);
      assert.equal(connections, data.connections.length, label);
      assert.ok(credits <= estimated, label);
      spent += credits;
    }
    const ledger = JSON.parse((await get(emulatorUrl, `/__emulator/ledger?apiKey=${config.apiKey}`)).body);
    assert.equal(spent, ledger.credits, "credits in the summary = the emulator's ledger");
    assert.ok(spent > 0);

    demo.child.kill("SIGINT");
    const { code } = await demo.exited;
    assert.equal(code, 0, demo.output().stderr);
    assert.equal(await refused(pageUrl), true, "the page server is closed");
    assert.equal(await refused(emulatorUrl), true, "the emulator is closed");
  } finally {
    demo.child.kill("SIGKILL");
  }
});

test("SIGTERM in the middle of the summary stops the demo at once", async () => {
  const demo = startProcess(["--port", "0", "--latency-ms", "5000"]);
  try {
    const [, pageUrl] = await demo.waitFor(/dashboard: (http:\/\/127\.0\.0\.1:\d+\/)\n/);
    const [, emulatorUrl] = await demo.waitFor(/emulator: +(http:\/\/127\.0\.0\.1:\d+) /);
    await demo.waitFor(/provider +sent pending/);
    demo.child.kill("SIGTERM");
    const { code } = await demo.exited;
    assert.equal(code, 0, demo.output().stderr);
    assert.match(demo.output().stdout, /SIGTERM: stopping/);
    assert.doesNotMatch(demo.output().stdout, /summary done/);
    assert.equal(await refused(pageUrl), true);
    assert.equal(await refused(emulatorUrl), true);
  } finally {
    demo.child.kill("SIGKILL");
  }
});

test("a busy port falls back to a free one", async () => {
  const blocker = http.createServer();
  await new Promise((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const busy = blocker.address().port;
  const demo = startProcess(["--port", String(busy), "--latency-ms", "0", "--no-summary"]);
  try {
    const [, port] = await demo.waitFor(/dashboard: http:\/\/127\.0\.0\.1:(\d+)\//);
    assert.notEqual(Number(port), busy);
    demo.child.kill("SIGINT");
    assert.equal((await demo.exited).code, 0);
  } finally {
    demo.child.kill("SIGKILL");
    blocker.close();
  }
});
