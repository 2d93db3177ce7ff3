// The only calls that are not the package's: the emulator's control API,
// used by the "Answer 429 once" toggle (a real API cannot be asked to fail).

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
