// The demo's servers: the provider emulator and a static server for www/
// with the package mounted where a user's app would find it
// (/node_modules/linkedin-network/). `scripts/demo.mjs` and the demo's
// browser test both start them through `startDemo`, so they are the same code.

import http from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../tests/emulator/server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The credentials the emulator accepts, and those the page and the summary use. */
export const DEMO_CREDENTIALS = Object.freeze({
  apiKey: "demo-key",
  badApiKey: "not-a-demo-key",
  accountId: "demo-account",
  loginToken: "demo-login-token",
});

// URL prefix → directory. Longest prefix first.
const MOUNTS = [
  ["/node_modules/linkedin-network/", path.join(ROOT, "pkg")],
  ["/", path.join(ROOT, "www")],
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/** Maps a URL path to a file inside one of the mounts, or null (outside, hidden, unknown type). */
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  for (const [prefix, dir] of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    let rest = decoded.slice(prefix.length);
    if (rest === "" || rest.endsWith("/")) rest += "index.html";
    const file = path.resolve(dir, rest);
    if (!file.startsWith(dir + path.sep)) return null;
    if (path.relative(dir, file).split(path.sep).some((part) => part.startsWith("."))) return null;
    if (!TYPES[path.extname(file)]) return null;
    return file;
  }
  return null;
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(text);
}

function createStaticServer(configJson) {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://demo.local");
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    if (url.pathname === "/config.json") {
      res.writeHead(200, { "Content-Type": TYPES[".json"], "Cache-Control": "no-store" });
      return res.end(req.method === "HEAD" ? undefined : configJson);
    }
    const file = resolveFile(url.pathname);
    if (!file) return sendText(res, 404, "Not found\n");
    let info;
    try {
      info = await stat(file);
    } catch {
      return sendText(res, 404, "Not found\n");
    }
    if (!info.isFile()) return sendText(res, 404, "Not found\n");
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)],
      "Content-Length": String(info.size),
      // Always revalidate: a rebuilt package must never meet a cached glue file.
      "Cache-Control": "no-cache",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).on("error", () => res.destroy()).pipe(res);
  });
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server.address().port);
    });
  });
}

/**
 * Starts the emulator (only DEMO_CREDENTIALS.apiKey accepted, `latencyMs` per
 * answer) and the static server. `port` is the page's port: 0 = any free one;
 * a busy port falls back to any when `fallback` is true.
 * Resolves to { url, emulatorUrl, emulator, config, close() }.
 */
export async function startDemo({ port = 0, host = "127.0.0.1", latencyMs = 150, fallback = true, emulator: emulatorOptions = {} } = {}) {
  const emulator = await startEmulator({ host, latencyMs, apiKeys: [DEMO_CREDENTIALS.apiKey], ...emulatorOptions });
  const config = { emulatorUrl: emulator.url, ...DEMO_CREDENTIALS };
  const server = createStaticServer(JSON.stringify(config));
  let actualPort;
  try {
    try {
      actualPort = await listen(server, port, host);
    } catch (error) {
      if (!(fallback && port !== 0 && error.code === "EADDRINUSE")) throw error;
      actualPort = await listen(server, 0, host);
    }
  } catch (error) {
    await emulator.close();
    throw error;
  }
  let closing = null;
  return {
    url: `http://${host}:${actualPort}/`,
    emulatorUrl: emulator.url,
    emulator,
    config,
    close() {
      closing ??= Promise.all([
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        emulator.close(),
      ]).then(() => undefined);
      return closing;
    },
  };
}
