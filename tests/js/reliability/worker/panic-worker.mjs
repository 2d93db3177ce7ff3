// A Cloudflare Worker on the panic-test build: `linkedin-network` is that
// build through its `workerd` entry, and its raw glue (dist/linkedin_network.js,
// the very module the entry imports) exposes __panicForTests.
// GET /panic?emulator=<url>&apiKey=<key>&account=<acct>: a client made before
// the panic, the panic, then pure functions and lists in the same instance.
// GET /again?...: an ordinary list in a later request to the same Worker.

import * as api from "linkedin-network";
import * as raw from "../node_modules/linkedin-network/dist/linkedin_network.js";

const ids = (page) => page.items.map((item) => item.id);

function clientOf(url) {
  const emulator = url.searchParams.get("emulator");
  return api.createClient({ provider: "linkup-v2", apiKey: url.searchParams.get("apiKey"), accountId: url.searchParams.get("account"), baseUrl: emulator });
}

/** A linkup-v1 body straight from the emulator, for parseResponse. */
async function v1Body(url) {
  const response = await fetch(`${url.searchParams.get("emulator")}/v1/network/sent-invitations`, {
    method: "POST",
    headers: { "x-api-key": url.searchParams.get("apiKey"), "content-type": "application/json" },
    body: JSON.stringify({ login_token: url.searchParams.get("account"), start_page: 1 }),
  });
  return response.text();
}

function panicNow() {
  try {
    raw.__panicForTests();
    return { threw: false };
  } catch (error) {
    return { threw: true, runtimeError: error instanceof WebAssembly.RuntimeError, name: error?.name, message: String(error?.message) };
  }
}

/** Runs a step; its value, or the error it threw (code and message). */
async function step(body) {
  try {
    return { value: await body() };
  } catch (error) {
    return { error: `${error?.code ?? error?.name}: ${error?.message}` };
  }
}

/** Each panic is followed by a different first call: the one SPEC §5 says must work. */
async function afterPanic(url) {
  const client = clientOf(url);
  const body = await v1Body(url);
  const steps = {};
  steps.before = await step(async () => ids(await client.sentInvitations.list({ limit: 5 })));
  steps.panic1 = panicNow();
  steps.parseResponse = await step(() => ids(api.parseResponse({ provider: "linkup-v1", resource: "sentInvitations", status: 200, body })));
  steps.planRequests = await step(() => api.planRequests({ provider: "connectsafely", resource: "connections", offset: 0, limit: 30 }).map((call) => call.count));
  steps.panic2 = panicNow();
  steps.clientFromBefore = await step(async () => ids(await client.sentInvitations.list({ limit: 5 })));
  steps.estimate = await step(() => client.sentInvitations.estimate({ limit: 250 }));
  steps.panic3 = panicNow();
  steps.createClient = await step(async () => ids(await clientOf(url).sentInvitations.list({ offset: 5, limit: 5 })));
  steps.createClientAgain = await step(async () => ids(await clientOf(url).sentInvitations.list({ offset: 5, limit: 5 })));
  return steps;
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    try {
      if (url.pathname === "/panic") return Response.json(await afterPanic(url));
      if (url.pathname === "/again") return Response.json({ again: ids(await clientOf(url).sentInvitations.list({ limit: 10 })) });
      return new Response("not found", { status: 404 });
    } catch (error) {
      return Response.json({ error: `${error?.code ?? error?.name}: ${error?.message}`, stack: String(error?.stack) }, { status: 500 });
    }
  },
};
