// Credentials never leak: an auth failure is a typed AUTH error whose every
// printable form (message, stack, toString, JSON, util.inspect) and every
// console line is free of the API key, login token and account id; and a
// redirect is refused, so the key never reaches the second server.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  LinkedInNetworkError, PROVIDERS, buildRequest, captureOutput, createClient, drain, errorTexts, rejection, start,
} from "./support/harness.mjs";

// Canaries: values that cannot occur in any message by chance.
const CANARY = {
  apiKey: "CANARY-apikey-9f1c2e5d",
  loginToken: "CANARY-token-4b7d10aa",
  accountId: "CANARY-acct-71e3aa0c",
};
const GOOD = { apiKey: "good-key-1", loginToken: "good-token-1", accountId: "good-acct-1" };

let emu;
before(async () => {
  emu = await start({ apiKeys: [GOOD.apiKey], loginTokens: [GOOD.loginToken], accounts: [GOOD.accountId] });
});
after(() => emu.close());

function assertNoCanary(where, texts) {
  for (const [form, text] of Object.entries(texts)) {
    for (const [name, canary] of Object.entries(CANARY)) {
      assert.ok(!text.includes(canary), `${where}: the ${name} appears in ${form}: ${text.slice(0, 300)}`);
    }
  }
}

function assertTyped(error, code) {
  assert.ok(error instanceof LinkedInNetworkError, `a LinkedInNetworkError, got ${error}`);
  assert.ok(error instanceof Error, "a real Error");
  assert.ok(LinkedInNetworkError.is(error));
  assert.equal(error.name, "LinkedInNetworkError");
  assert.equal(error.code, code, `code ${error.code}: ${error.message}`);
}

/** list, collect and iterate of one client, each rejected; their errors. */
async function failEveryWay(client) {
  return {
    list: await rejection(client.sentInvitations.list({ limit: 10 })),
    collect: await rejection(client.connections.collect({ maxItems: 30 })),
    iterate: await rejection(drain(client.receivedInvitations.iterate())),
  };
}

const CASES = [
  {
    name: "linkup-v2: unknown API key (403 INVALID_API_KEY)",
    options: () => ({ provider: "linkup-v2", apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: emu.url }),
    code: "AUTH",
    status: 403,
  },
  {
    name: "linkup-v1: unknown API key (401)",
    options: () => ({ provider: "linkup-v1", apiKey: CANARY.apiKey, loginToken: CANARY.loginToken, baseUrl: emu.url }),
    code: "AUTH",
    status: 401,
  },
  {
    name: "linkup-v1: unknown login token (HTTP 200, expired cookie)",
    options: () => ({ provider: "linkup-v1", apiKey: GOOD.apiKey, loginToken: CANARY.loginToken, baseUrl: emu.url }),
    code: "AUTH",
    status: 200,
  },
  {
    name: "connectsafely: unknown bearer key (401)",
    options: () => ({ provider: "connectsafely", apiKey: CANARY.apiKey, accountId: CANARY.accountId, baseUrl: `${emu.url}/linkedin` }),
    code: "AUTH",
    status: 401,
  },
  {
    name: "linkup-v2: unknown account id (404 INVALID_ACCOUNT)",
    options: () => ({ provider: "linkup-v2", apiKey: GOOD.apiKey, accountId: CANARY.accountId, baseUrl: emu.url }),
    code: "NOT_FOUND",
    status: 404,
  },
  {
    name: "connectsafely: unknown account id (404)",
    options: () => ({ provider: "connectsafely", apiKey: GOOD.apiKey, accountId: CANARY.accountId, baseUrl: `${emu.url}/linkedin` }),
    code: "NOT_FOUND",
    status: 404,
  },
];

describe("auth failures carry no secret", () => {
  for (const entry of CASES) {
    test(entry.name, async () => {
      emu.clearLog();
      const { value: errors, output } = await captureOutput(async () => {
        const client = createClient(entry.options());
        return failEveryWay(client);
      });
      for (const [method, error] of Object.entries(errors)) {
        assertTyped(error, entry.code);
        assert.equal(error.status, entry.status, `${method}: status`);
        assert.equal(error.retryable, false, `${method}: not retryable`);
        assert.equal(error.attempts, 1, `${method}: not retried`);
        assert.equal(error.creditsUsed, 0);
        assert.equal(error.provider, entry.options().provider);
        assertNoCanary(`${entry.name} ${method}`, errorTexts(error));
        assert.deepEqual(JSON.parse(JSON.stringify(error)), error.toJSON());
      }
      assertNoCanary(`${entry.name} console`, { console: output });
      // The canaries did reach the provider: the test is about what comes back, not what is sent.
      assert.equal(emu.requests().length, 3, "one request per call, none retried");
    });
  }

  test("linkup-v1 without a login token: INVALID_INPUT naming it, no key in it, nothing sent", async () => {
    emu.clearLog();
    const { value: error, output } = await captureOutput(async () =>
      rejection((async () => createClient({ provider: "linkup-v1", apiKey: CANARY.apiKey, baseUrl: emu.url }))()));
    assertTyped(error, "INVALID_INPUT");
    assert.match(error.message, /loginToken/);
    assertNoCanary("missing loginToken", { ...errorTexts(error), console: output });
    assert.equal(emu.requests().length, 0);
  });

  test("pure functions: buildRequest puts the secrets only where the provider needs them", () => {
    const v2 = buildRequest({ provider: "linkup-v2", resource: "sentInvitations", apiKey: CANARY.apiKey, accountId: CANARY.accountId, limit: 10 });
    assert.equal(headerValue(v2.headers, "x-api-key"), CANARY.apiKey);
    assert.ok(!v2.url.includes(CANARY.apiKey), "the key is not in the URL");
    const error = (() => {
      try {
        buildRequest({ provider: "linkup-v2", resource: "sentInvitations", apiKey: CANARY.apiKey, accountId: CANARY.accountId, limit: 0 });
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    assertTyped(error, "INVALID_INPUT");
    assertNoCanary("buildRequest limit 0", errorTexts(error));
  });
});

describe("a provider that echoes a secret back in its error", () => {
  // A client knows only its own secrets: linkup-v1 has a login token, the others an account id.
  const secretsOf = (provider) =>
    provider === "linkup-v1" ? { apiKey: CANARY.apiKey, loginToken: CANARY.loginToken } : { apiKey: CANARY.apiKey, accountId: CANARY.accountId };
  const echoOf = (provider) => `rejected ${Object.values(secretsOf(provider)).join(" and ")} here`;
  const ECHOES = [
    { provider: "linkup-v2", fault: { code: "INVALID_API_KEY" }, code: "AUTH" },
    { provider: "linkup-v2", fault: { code: "INVALID_ACCOUNT" }, code: "NOT_FOUND" },
    { provider: "linkup-v1", fault: { code: "INVALID_API_KEY" }, code: "AUTH" },
    // linkup-v1's HTTP-200 errors are classified by their message; this one is about neither key nor cookie.
    { provider: "linkup-v1", fault: { code: "INVALID_COOKIE" }, code: "PROVIDER_ERROR" },
    { provider: "connectsafely", fault: { code: "UNAUTHORIZED" }, code: "AUTH" },
    { provider: "connectsafely", fault: { code: "NOT_FOUND", envelope: "overview" }, code: "NOT_FOUND" },
  ];
  let open;
  before(async () => {
    open = await start();
  });
  after(() => open.close());

  for (const entry of ECHOES) {
    test(`${entry.provider} ${entry.fault.code}${entry.fault.envelope ? " (overview envelope)" : ""}: redacted`, async () => {
      const provider = PROVIDERS.find((candidate) => candidate.id === entry.provider);
      const secrets = secretsOf(provider.id);
      const account = secrets.loginToken ?? secrets.accountId;
      open.inject({ type: "provider-error", provider: entry.provider, ...entry.fault, message: echoOf(provider.id) });
      const { value: error, output } = await captureOutput(() =>
        rejection(createClient(provider.options(open, { apiKey: CANARY.apiKey, account })).sentInvitations.list({ limit: 10 })));
      assertTyped(error, entry.code);
      assertNoCanary(`${entry.provider} echo`, { ...errorTexts(error), providerCode: String(error.providerCode), console: output });
      assert.match(error.message, /rejected .* and .* here/, "the rest of the provider's message is kept");
    });
  }
});

/** The account key the restricted emulator accepts: a login token for linkup-v1, else an account id. */
function goodAccount(provider) {
  return provider.id === "linkup-v1" ? GOOD.loginToken : GOOD.accountId;
}

function headerValue(headers, name) {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

describe("redirects are refused: the key never reaches another server", () => {
  let other;
  before(async () => {
    other = await start();
  });
  after(() => other.close());

  for (const provider of PROVIDERS) {
    for (const status of [302, 307, 308]) {
      test(`${provider.id}: ${status} to a second emulator`, async () => {
        other.clearLog();
        const client = createClient(provider.options(emu, { apiKey: GOOD.apiKey, account: goodAccount(provider) }));
        const location = `${other.url}${provider.path.sentInvitations}`;
        emu.clearLog();
        emu.inject({ type: "redirect", provider: provider.id, status, location });
        const error = await rejection(client.sentInvitations.list({ limit: 10 }));
        assertTyped(error, "REDIRECT_REFUSED");
        assert.equal(error.status, status);
        assert.equal(error.retryable, false);
        assertNoCanary(`redirect ${status}`, errorTexts(error));
        // Only this provider's requests: an aborted request of an earlier test may still land in the log.
        const answered = emu.requests().filter((entry) => entry.provider === provider.id);
        assert.deepEqual(answered.map((entry) => [entry.status, entry.fault]), [[status, "redirect"]], "the redirect was answered once, not retried");
        assert.deepEqual(other.requests(), [], "nothing reached the second emulator");
        assert.deepEqual(other.ledgers(), {}, "no key reached the second emulator");
      });
    }

    test(`${provider.id}: collect stops at the redirect too`, async () => {
      other.clearLog();
      const client = createClient(provider.options(emu, { apiKey: GOOD.apiKey, account: goodAccount(provider) }));
      emu.inject({ type: "redirect", provider: provider.id, status: 301, location: `${other.url}${provider.path.connections}`, after: 1 });
      const error = await rejection(client.connections.collect({ maxItems: 200 }));
      assertTyped(error, "REDIRECT_REFUSED");
      assert.deepEqual(other.requests(), []);
    });
  }
});
