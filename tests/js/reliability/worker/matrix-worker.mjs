// A Cloudflare Worker that runs one fault-matrix cell per request:
// POST /cell with the cell's spec answers its result; GET /probe checks the
// watch sees a deliberate unhandled rejection; GET /finish answers
// every unhandled rejection and console line seen. `linkedin-network`
// resolves through the package's `workerd` condition (the .wasm as a module).

import * as api from "linkedin-network";
import { runCell } from "../js/reliability/matrix/cell.mjs";
import { createWatch, probeWatch } from "../js/reliability/matrix/watch.mjs";

const watch = createWatch();

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/cell" && request.method === "POST") {
      const spec = await request.json();
      return Response.json(await runCell(api, { ...spec, runtime: "workerd" }, watch));
    }
    if (pathname === "/probe") return Response.json(await probeWatch(watch));
    if (pathname === "/finish") return Response.json({ rejections: watch.allRejections(), output: watch.allOutput() });
    return new Response("not found", { status: 404 });
  },
};
