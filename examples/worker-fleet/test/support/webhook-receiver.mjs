// A webhook endpoint for the tests: checks X-Signature (HMAC-SHA256 of the
// raw body, node:crypto) and keeps what each account received. `failFirst`
// answers that many POSTs with a 500, so delivery has to be tried again.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

export const WEBHOOK_SECRET = "whsec-test";

export async function startReceiver({ failFirst = 0 } = {}) {
  const received = new Map();
  const stats = { posts: 0, refused: 0, badSignatures: 0 };
  let failures = failFirst;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const want = Buffer.from(`sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`);
      const got = Buffer.from(request.headers["x-signature"] ?? "");
      stats.posts += 1;
      if (got.length !== want.length || !timingSafeEqual(got, want)) {
        stats.badSignatures += 1;
        response.writeHead(401).end();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        stats.refused += 1;
        response.writeHead(500).end();
        return;
      }
      const { accountId, changes } = JSON.parse(body);
      const ids = received.get(accountId) ?? [];
      ids.push(...changes.map((change) => change.id));
      received.set(accountId, ids);
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    received,
    stats,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
