// The emulator's control API (/__emulator/...) over plain fetch, so the
// suite can drive it from any runtime: a page on another origin, an extension
// service worker, a Worker, Node. Nothing here imports a Node module.

export function emulatorControl(emulatorUrl) {
  const base = emulatorUrl.replace(/\/+$/, "");

  async function call(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${base}/__emulator${path}`, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    url: base,
    /** linkup providers take the root; ConnectSafely lives under /linkedin. */
    baseUrlFor: (provider) => (provider === "connectsafely" ? `${base}/linkedin` : base),
    inject: (fault) => call("POST", "/faults", fault),
    ledger: (apiKey) => call("GET", `/ledger?apiKey=${encodeURIComponent(apiKey)}`),
    async data(account, resource) {
      const answer = await call("GET", `/data?account=${encodeURIComponent(account)}&resource=${resource}`);
      return answer[resource];
    },
    requests: () => call("GET", "/requests"),
    async requestsOf(apiKey) {
      return (await call("GET", "/requests")).filter((entry) => entry.apiKey === apiKey);
    },
    configure: (config) => call("POST", "/config", config),
    /** Changes an account between two reads; answers the true diff. */
    mutate: (spec) => call("POST", "/mutate", spec),
    /** The action log: every write request, applied or not. */
    actions: () => call("GET", "/actions"),
  };
}
