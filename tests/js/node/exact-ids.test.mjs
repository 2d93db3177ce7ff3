// Ids above 2^53 are exact where JSON.parse is not: linkup-v1 sends
// `invitation_id` as a bare JSON number, which JSON.parse rounds to the
// nearest double; the package reads the raw text and keeps every digit.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ACCOUNT, PROVIDERS, clientFor, providerById, start, truthOf } from "./support/harness.mjs";

let emu;
before(async () => {
  emu = await start();
});
after(() => emu.close());

/** The raw linkup-v1 body of one page of a list, as the wire carries it. */
async function rawV1Page(path, page) {
  const response = await fetch(`${emu.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "raw-reader" },
    body: JSON.stringify({ login_token: ACCOUNT, start_page: page, end_page: page }),
  });
  assert.equal(response.status, 200);
  return response.text();
}

test("linkup-v1 sent invitations: JSON.parse rounds invitation_id, the package does not", async () => {
  const v1 = providerById("linkup-v1");
  const truth = truthOf(emu, v1, "sentInvitations").slice(0, 10);
  const raw = await rawV1Page(v1.path.sentInvitations, 1);
  // The wire really carries bare numbers (no quotes) of 19 digits.
  for (const item of truth) assert.ok(raw.includes(`"invitation_id":${item.id}`), `bare number ${item.id} on the wire`);

  const parsed = JSON.parse(raw).data.invitations;
  assert.equal(parsed.length, truth.length);
  const naive = parsed.map((item) => String(item.invitation_id));
  const wrong = naive.filter((id, index) => id !== truth[index].id);
  assert.ok(wrong.length >= 1, "JSON.parse gets at least one id wrong");
  assert.ok(truth.every((item) => BigInt(item.id) > 2n ** 53n), "every id is above 2^53");

  const { client } = clientFor(emu, v1);
  const page = await client.sentInvitations.list({ offset: 0, limit: 10 });
  assert.deepEqual(page.items.map((item) => item.id), truth.map((item) => item.id), "the package keeps every digit");
  page.items.forEach((item, index) => {
    assert.equal(typeof item.id, "string");
    assert.equal(BigInt(item.id), BigInt(truth[index].id));
    if (naive[index] !== truth[index].id) assert.notEqual(item.id, naive[index]);
  });
});

test("linkup-v1 received invitations: bare-number and string ids, both exact", async () => {
  const v1 = providerById("linkup-v1");
  const truth = truthOf(emu, v1, "receivedInvitations").slice(0, 10);
  assert.ok(truth.some((item) => item.v1IdForm === "number") && truth.some((item) => item.v1IdForm === "string"), "both forms on the page");
  const raw = await rawV1Page(v1.path.receivedInvitations, 1);
  const naive = JSON.parse(raw).data.invitations.map((item) => String(item.invitation_id));
  const numberForms = truth.filter((item) => item.v1IdForm === "number");
  assert.ok(numberForms.some((item) => !naive.includes(item.id)), "JSON.parse rounds a bare-number id");

  const { client } = clientFor(emu, v1);
  const page = await client.receivedInvitations.list({ offset: 0, limit: 10 });
  assert.deepEqual(page.items.map((item) => item.id), truth.map((item) => item.id));
});

test("every provider: every invitation id is the emulator's exact decimal string", async () => {
  for (const provider of PROVIDERS) {
    const { client } = clientFor(emu, provider);
    for (const resource of ["sentInvitations", "receivedInvitations"]) {
      const truth = truthOf(emu, provider, resource);
      const { items } = await client[resource].collect();
      assert.deepEqual(items.map((item) => item.id), truth.map((item) => item.id), `${provider.id} ${resource}`);
      // None of them survives a trip through a JS number: a rounded id would always be wrong.
      assert.ok(items.every((item) => String(Number(item.id)) !== item.id), `${provider.id} ${resource}: ids need more than a double`);
    }
  }
});
