// Write requests (withdraw, accept, ignore) through each provider's HTTP API,
// and the checks every action test makes.

import assert from "node:assert/strict";
import { finish } from "./helpers.mjs";

/** A JSON POST of `body` (an object, or raw text to keep a bare 19-digit number exact). */
export async function postJson(emu, path, body, headers = {}, init = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return finish(await fetch(`${emu.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: text, ...init }));
}

/** linkup-v1: POST /v1/network/{withdraw-invitation, accept-invitation}. */
export function v1Write(emu, action, fields, { apiKey = "key-1", loginToken = "token-1", raw, ...init } = {}) {
  const path = action === "withdraw" ? "/v1/network/withdraw-invitation" : "/v1/network/accept-invitation";
  const body = raw ?? { ...fields, login_token: loginToken, country: "FR" };
  return postJson(emu, path, body, { "x-api-key": apiKey }, init);
}

/** ConnectSafely: POST /linkedin/invitations/received/respond. */
export function csRespond(emu, body, { apiKey = "key-1", ...init } = {}) {
  return postJson(emu, "/linkedin/invitations/received/respond", body, { authorization: `Bearer ${apiKey}` }, init);
}

/** The respond body ConnectSafely wants for a truth invitation. */
export function respondBody(invitation, action, extra = {}) {
  return {
    action,
    invitationId: invitation.id,
    validationToken: invitation.sharedSecret,
    linkedInInvitationType: `GenericInvitationType_${invitation.type}`,
    firstName: invitation.person.firstName,
    lastName: invitation.person.lastName ?? "",
    ...extra,
  };
}

/** Is the invitation with `id` still in that list of `account`? */
export function isPending(emu, account, resource, id) {
  return emu.data(account, resource).some((inv) => inv.id === id);
}

/** The action log entries for one invitation, in order, reduced to what the tests compare. */
export function actionsFor(emu, invitationId) {
  return emu
    .actions()
    .filter((entry) => entry.invitationId === invitationId)
    .map(({ provider, action, applied, outcome, credits, fault }) => ({ provider, action, applied, outcome, credits, fault }));
}

/** Exactly one log entry for this invitation was applied. */
export function assertAppliedOnce(emu, invitationId) {
  const applied = emu.actions().filter((entry) => entry.invitationId === invitationId && entry.applied);
  assert.equal(applied.length, 1, `applied ${applied.length} times`);
}

/** A request that never gets an answer: aborted after `ms`; resolves to the error name. */
export async function abortedAfter(promise) {
  try {
    await promise;
    return "answered";
  } catch (error) {
    return error.name;
  }
}

/** Unipile: DELETE /api/v1/users/invite/sent/{id}?account_id. */
export async function unipileCancel(emu, id, account, { apiKey = "key-1", ...init } = {}) {
  const url = `${emu.url}/api/v1/users/invite/sent/${encodeURIComponent(id)}?account_id=${encodeURIComponent(account)}`;
  return finish(await fetch(url, { method: "DELETE", headers: { "x-api-key": apiKey }, ...init }));
}

/** Unipile: POST /api/v1/users/invite/received/{id} {provider, shared_secret, account_id, action}. */
export function unipileHandle(emu, id, body, { apiKey = "key-1", ...init } = {}) {
  return postJson(emu, `/api/v1/users/invite/received/${encodeURIComponent(id)}`, body, { "x-api-key": apiKey }, init);
}
