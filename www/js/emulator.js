// The only calls that are not the package's: the emulator's control API,
// used by the "Answer 429 once" toggle (a real API cannot be asked to fail)
// and by "Simulate an hour" (a real network changes by itself).

/** Queues one 429 (with `Retry-After: 1`) for the next request for sent invitations through `provider`. */
export async function injectRateLimitOnce(emulatorUrl, provider) {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "rate-limit", provider, resource: "sentInvitations", times: 1, retryAfterSeconds: 1 }),
  });
  if (!response.ok) throw new Error(`The emulator refused the fault: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** What "Simulate an hour" asks of the emulator: an hour of a busy account's network. */
export const AN_HOUR = Object.freeze({ addConnections: 3, addSent: 5, acceptSent: 2, advanceMs: 3_600_000 });

/** Mutates `account` in the emulator (POST /__emulator/mutate); resolves to its true diff, {account, now, versions, changes}. */
export async function simulate(emulatorUrl, account, spec = AN_HOUR) {
  const response = await fetch(`${emulatorUrl}/__emulator/mutate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ account, ...spec }),
  });
  if (!response.ok) throw new Error(`The emulator refused the change: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
