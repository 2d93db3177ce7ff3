// The 100-item response bodies the parse benchmarks read (JS and criterion
// alike), fetched from an in-process emulator with the package's own
// buildRequest. linkup-v2 and linkup-v1 serve 100 items in one call.
// ConnectSafely never does (10 invitations, 12 connections a call): its
// body is consecutive pages' lists joined into the first page's envelope.

import { startEmulator } from "../../tests/emulator/server.mjs";
import { toJson } from "../../tests/emulator/json.mjs";
import { baseUrl, credentials, DATE_HEADER, NOW, PROVIDERS, RESOURCES, SEED } from "./common.mjs";

export const ITEMS = 100;
// linkup lists only CONNECTION received invitations (19 in 26): 260 gives 190.
const SIZES = { connections: 1201, sent: 145, received: 260 };

async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${request.url} answered ${response.status}: ${body.slice(0, 200)}`);
  if (response.headers.get("date") !== DATE_HEADER) throw new Error(`unexpected Date header ${response.headers.get("date")}`);
  return body;
}

async function connectSafelyBody(api, emulatorUrl, resource) {
  const calls = api.planRequests({ provider: "connectsafely", resource, offset: 0, limit: ITEMS });
  const key = resource === "connections" ? "connections" : "invitations";
  let envelope = null;
  const items = [];
  for (const call of calls) {
    const text = await send(api.buildRequest({ provider: "connectsafely", resource, offset: call.offset, limit: call.count, baseUrl: baseUrl("connectsafely", emulatorUrl), ...credentials("connectsafely") }));
    const page = JSON.parse(text);
    // Joining through JSON.parse is exact only if nothing was rounded: prove it.
    if (toJson(page) !== text) throw new Error("a ConnectSafely page does not round-trip through JSON.parse; cannot join it exactly");
    envelope ??= page;
    items.push(...page[key]);
  }
  envelope[key] = items.slice(0, ITEMS);
  if ("count" in envelope) envelope.count = envelope[key].length;
  return toJson(envelope);
}

/** `{ "<provider>.<resource>": body }` for every provider and resource. */
export async function generateBodies(api) {
  const emulator = await startEmulator({ seed: SEED, now: NOW, sizes: SIZES });
  const bodies = {};
  try {
    for (const provider of PROVIDERS) {
      for (const resource of RESOURCES) {
        const body =
          provider === "connectsafely"
            ? await connectSafelyBody(api, emulator.url, resource)
            : await send(api.buildRequest({ provider, resource, offset: 0, limit: ITEMS, baseUrl: baseUrl(provider, emulator.url), ...credentials(provider) }));
        const page = api.parseResponse({ provider, resource, status: 200, body, headers: { date: DATE_HEADER } });
        if (page.items.length !== ITEMS) throw new Error(`${provider} ${resource}: ${page.items.length} items, expected ${ITEMS}`);
        bodies[`${provider}.${resource}`] = body;
      }
    }
  } finally {
    await emulator.close();
  }
  return bodies;
}
