// A Worker on the free plan's limit of 50 subrequests: it reads ConnectSafely
// connections (101 requests for all of them) with `maxRequests: 50`, makes
// no other request, and answers what the collect reported; the next request
// continues from the cursor.
// GET /?emulator=<url>&apiKey=<key>&accountId=<account>[&cursor=<cursor>]

import { createClient } from "linkedin-network";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const client = createClient({
      provider: "connectsafely",
      apiKey: url.searchParams.get("apiKey"),
      accountId: url.searchParams.get("accountId"),
      baseUrl: `${url.searchParams.get("emulator")}/linkedin`,
      retry: { baseDelayMs: 10 },
    });
    try {
      const resumeFrom = url.searchParams.get("cursor") ?? undefined;
      const result = await client.connections.collect({ maxRequests: 50, cursor: resumeFrom });
      const { complete, stopReason, requests, creditsUsed, cursor } = result;
      const profileUrls = result.items.map((connection) => connection.person.profileUrl);
      return Response.json({ profileUrls, complete, stopReason, requests, creditsUsed, cursor });
    } catch (error) {
      return Response.json({ error: `${error.code ?? error.name}: ${error.message}` }, { status: 500 });
    }
  },
};
