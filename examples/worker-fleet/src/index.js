// The fleet Worker: Cron Trigger → Queue → sync per account → D1, and an
// HTTP API over what was recorded. See README.md.

import { consumeBatch } from "./consume.js";
import { handleRequest } from "./api.js";
import { enqueueDue } from "./schedule.js";

export default {
  fetch: (request, env) => handleRequest(request, env),
  scheduled: async (controller, env) => {
    await enqueueDue(controller, env);
  },
  queue: (batch, env) => consumeBatch(batch, env),
};
