// A Cloudflare Worker that runs the shared suite: GET /suite?emulator=<url>
// answers the results as JSON. `linkedin-network` resolves through the
// package's `workerd` condition, which imports the .wasm as a module.

import * as api from "linkedin-network";
import { runSuite } from "../suite/suite.mjs";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname !== "/suite") return new Response("not found", { status: 404 });
    const results = await runSuite(api, { emulatorUrl: url.searchParams.get("emulator"), runtime: "workerd" });
    return Response.json(results);
  },
};
