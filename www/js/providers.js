// The four providers the demo can use, and how to point a client at the
// emulator for each. No DOM here: scripts/demo-summary.mjs uses it in Node.

export const RESOURCES = Object.freeze([
  { id: "sentInvitations", label: "Sent invitations" },
  { id: "receivedInvitations", label: "Received invitations" },
  { id: "connections", label: "Connections" },
]);

export const PROVIDERS = Object.freeze([
  // `actions`: what the provider lets you do to a received invitation (linkup has no ignore).
  { id: "linkup-v2", label: "LinkupAPI v2", billing: "1 credit per 50 results", actions: ["accept"] },
  { id: "linkup-v1", label: "LinkupAPI v1", billing: "1 credit per page of 10", actions: ["accept"] },
  { id: "connectsafely", label: "ConnectSafely", billing: "seat-billed: 0 credits a call", actions: ["accept", "ignore"] },
  { id: "unipile", label: "Unipile", billing: "per connected account: 0 credits a call", actions: ["accept", "ignore"] },
]);

/** Reads the whole of each list up to this many items by default (the emulator has 1,201 connections). */
export const DEFAULT_MAX_ITEMS = 2000;

/**
 * createClient options for `provider` against the emulator in `config`
 * ({emulatorUrl, apiKey, badApiKey, accountId, loginToken}).
 */
export function clientOptions(provider, config, { badKey = false, fetch } = {}) {
  const apiKey = badKey ? config.badApiKey : config.apiKey;
  const common = fetch ? { fetch } : {};
  switch (provider) {
    case "linkup-v2":
      return { ...common, provider, apiKey, accountId: config.accountId, baseUrl: config.emulatorUrl };
    case "linkup-v1":
      return { ...common, provider, apiKey, loginToken: config.loginToken, baseUrl: config.emulatorUrl };
    case "connectsafely":
      return { ...common, provider, apiKey, accountId: config.accountId, baseUrl: `${config.emulatorUrl}/linkedin` };
    case "unipile":
      // Unipile has no default host: each customer has its own (its "DSN").
      return { ...common, provider, apiKey, accountId: config.accountId, baseUrl: config.emulatorUrl };
    default:
      throw new TypeError(`unknown provider ${provider}`);
  }
}

/** The emulator's account key for the demo's credentials (its data and faults are per account). */
export function accountKey(provider, config) {
  return provider === "linkup-v1" ? config.loginToken : config.accountId;
}
