// A tiny static file server on 127.0.0.1 for the browser harnesses: each
// URL prefix maps to a directory. No bundler, no transforms.

import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

async function fileFor(mounts, pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const root = resolve(dir);
    let path = resolve(join(root, decodeURIComponent(pathname.slice(prefix.length))));
    if (path !== root && !path.startsWith(root + sep)) return null;
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) path = join(path, "index.html");
    else if (!info) continue;
    return path;
  }
  return null;
}

/** `mounts`: { "/pkg/": dir, "/": dir } (longest prefix first). Resolves to { url, requests, close() }. */
export async function serveStatic(mounts) {
  const ordered = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://x");
    requests.push(pathname);
    const path = await fileFor(ordered, pathname);
    const body = path && (await readFile(path).catch(() => null));
    if (!body) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  });
  await new Promise((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => server.close(done).closeAllConnections()),
  };
}
