// The 100-item response bodies the parse benchmarks read (JS and criterion
// alike), fetched from an in-process emulator with the package's own
// buildRequest. linkup-v2 and linkup-v1 serve 100 items in one call.
// ConnectSafely never does (10 invitations, 12 connections a call): its
// body is consecutive pages' lists joined into the first page's envelope.
// Unipile may serve fewer than asked: its pages are followed by cursor and
// joined the same way, the envelope keeping the last page's cursor.

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
    const page = exactPage("ConnectSafely", text);
    envelope ??= page;
    items.push(...page[key]);
  }
  envelope[key] = items.slice(0, ITEMS);
  if ("count" in envelope) envelope.count = envelope[key].length;
  return toJson(envelope);
}

/** The page as parsed, refusing one that JSON.parse would not give back byte for byte. */
function exactPage(provider, text) {
  const page = JSON.parse(text);
  // Joining through JSON.parse is exact only if nothing was rounded: prove it.
  if (toJson(page) !== text) throw new Error(`a ${provider} page does not round-trip through JSON.parse; cannot join it exactly`);
  return page;
}

async function unipileBody(api, emulatorUrl, resource) {
  const first = api.buildRequest({ provider: "unipile", resource, offset: 0, limit: ITEMS, baseUrl: baseUrl("unipile", emulatorUrl), ...credentials("unipile") });
  let envelope = null;
  const items = [];
  let cursor = null;
  do {
    // The cursor is the harness's to pass on: buildRequest plans from the head.
    const url = cursor === null ? first.url : `${first.url}&cursor=${encodeURIComponent(cursor)}`;
    const page = exactPage("unipile", await send({ ...first, url }));
    envelope ??= page;
    items.push(...page.items);
    cursor = page.cursor;
  } while (items.length < ITEMS && cursor !== null);
  envelope.items = items.slice(0, ITEMS);
  envelope.cursor = cursor;
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
            : provider === "unipile"
              ? await unipileBody(api, emulator.url, resource)
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
