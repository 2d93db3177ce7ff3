// Run by exit.test.mjs in its own Node process: imports the package, does one
// thing against the emulator at argv[3], prints one JSON line and returns
// from the module. Nothing here calls process.exit: if the package leaves a
// timer or socket behind, this process stays alive and the test sees it.

const [entry, scenario, url] = process.argv.slice(2);
const { createClient } = await import(entry);
const v2 = (apiKey) => createClient({ provider: "linkup-v2", apiKey, accountId: "acct-exit", baseUrl: url, retry: { baseDelayMs: 10 } });

const scenarios = {
  async collect() {
    const result = await v2("exit-collect").sentInvitations.collect();
    return { items: result.items.length, complete: result.complete };
  },
  async retried() {
    // The parent injected one 429 for this key: a backoff timer ran.
    const result = await v2("exit-retried").sentInvitations.collect();
    return { items: result.items.length, requests: result.requests };
  },
  async broken() {
    let items = 0;
    for await (const _connection of v2("exit-broken").connections.iterate()) {
      items += 1;
      if (items === 3) break;
    }
    return { items };
  },
  async aborted() {
    // The parent injected a hang for this key.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    try {
      await v2("exit-aborted").sentInvitations.list({ limit: 10, signal: controller.signal });
      return { code: null };
    } catch (error) {
      return { code: error.code };
    }
  },
  async failed() {
    try {
      await createClient({ provider: "connectsafely", apiKey: "exit-failed", baseUrl: `${url}/nowhere` }).connections.list({ limit: 5 });
      return { code: null };
    } catch (error) {
      return { code: error.code };
    }
  },
};

console.log(JSON.stringify(await scenarios[scenario]()));
