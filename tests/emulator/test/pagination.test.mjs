// Pagination arithmetic at the edges, per provider, checked against data().

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cs, start, v1, v2 } from "../test-support/helpers.mjs";

let emu;
let sentIds;
before(async () => {
  emu = await start();
  sentIds = emu.data("acct-1", "sentInvitations").map((inv) => inv.id);
});
after(() => emu.close());

const idOfUrn = (urn) => urn.split(":").pop();

describe("linkup-v2 offset/count", () => {
  it("first page", async () => {
    const { json } = await v2(emu, "list_sent", { count: 10, offset: 0 });
    assert.deepEqual(json.data.invitations.map((inv) => idOfUrn(inv.entity_urn)), sentIds.slice(0, 10));
    assert.deepEqual(json.data.pagination, { offset: 0, count: 10, next_offset: 10, has_more: true, results_per_page: 10, pages_fetched: 1 });
    assert.equal(json.data.total_results, 10);
    assert.equal(json.data.total_available_results, 145);
  });

  it("a page that ends exactly at the total has no more", async () => {
    const { json } = await v2(emu, "list_sent", { count: 10, offset: 135 });
    assert.equal(json.data.total_results, 10);
    assert.equal(json.data.pagination.has_more, false);
    assert.equal(json.data.pagination.next_offset, 145);
  });

  it("last partial page", async () => {
    const { json } = await v2(emu, "list_sent", { count: 10, offset: 140 });
    assert.deepEqual(json.data.invitations.map((inv) => idOfUrn(inv.entity_urn)), sentIds.slice(140));
    assert.equal(json.data.total_results, 5);
    assert.equal(json.data.pagination.has_more, false);
    assert.equal(json.metadata.credits_consumed, 1);
  });

  it("past the end: empty, no more, no credits", async () => {
    const { json } = await v2(emu, "list_sent", { count: 10, offset: 200 });
    assert.equal(json.data.invitations.length, 0);
    assert.equal(json.data.pagination.has_more, false);
    assert.equal(json.data.pagination.next_offset, 200);
    assert.equal(json.metadata.credits_consumed, 0);
  });

  it("count 250 is three upstream pages and five credits", async () => {
    const { json } = await v2(emu, "list_connections", { count: 250, offset: 1000 });
    assert.equal(json.data.connections.length, 201);
    assert.equal(json.data.pagination.pages_fetched, 3);
    assert.equal(json.metadata.credits_consumed, 5);
    assert.equal(json.data.pagination.has_more, false);
  });

  it("defaults: count 10, offset 0, invitation_type CONNECTION", async () => {
    const { json } = await v2(emu, "list_invitations");
    assert.equal(json.data.invitations.length, 10);
    assert.equal(json.data.invitation_type, "CONNECTION");
    assert.equal(json.data.pagination.offset, 0);
  });

  it("received invitations filter by invitation_type", async () => {
    const totals = {};
    for (const type of ["CONNECTION", "ORGANIZATION", "CONTENT_SERIES"]) {
      const { json } = await v2(emu, "list_invitations", { count: 100, invitation_type: type });
      totals[type] = json.data.total_available_results;
      for (const inv of json.data.invitations) assert.equal(inv.invitation_type, type);
    }
    assert.deepEqual(totals, { CONNECTION: 19, ORGANIZATION: 3, CONTENT_SERIES: 2 });
    const { json } = await v2(emu, "list_sent", { invitation_type: "ORGANIZATION" });
    assert.equal(json.data.total_available_results, 0);
  });
});

describe("linkup-v1 pages of 10", () => {
  const ids = (res) => res.json.data.invitations.map((inv) => String(inv.entity_urn).split(":").pop());

  it("page mode: one page, a range, the last partial page, past the end", async () => {
    const one = await v1(emu, "sentInvitations", { start_page: 1 });
    assert.deepEqual(ids(one), sentIds.slice(0, 10));
    assert.deepEqual(one.json.data.pagination, { start_page: 1, end_page: 1, results_per_page: 10, pages_fetched: 1 });
    const range = await v1(emu, "sentInvitations", { start_page: 2, end_page: 4 });
    assert.deepEqual(ids(range), sentIds.slice(10, 40));
    assert.equal(range.json.data.pagination.pages_fetched, 3);
    const last = await v1(emu, "sentInvitations", { start_page: 15, end_page: 15 });
    assert.deepEqual(ids(last), sentIds.slice(140));
    assert.equal(last.json.data.total_results, 5);
    assert.equal(last.json.data.total_available_results, 145);
    const past = await v1(emu, "sentInvitations", { start_page: 16, end_page: 17 });
    assert.equal(past.json.data.invitations.length, 0);
    assert.equal(past.json.data.pagination.pages_fetched, 2);
  });

  it("end_page alone starts at page 1", async () => {
    const res = await v1(emu, "connections", { end_page: 2 });
    assert.equal(res.json.data.connections.length, 20);
    assert.deepEqual(res.json.data.pagination, { start_page: 1, end_page: 2, results_per_page: 10, pages_fetched: 2 });
  });

  it("total-results mode: from the top, default 10, rounded up to pages", async () => {
    const fallback = await v1(emu, "sentInvitations", {});
    assert.deepEqual(ids(fallback), sentIds.slice(0, 10));
    const partial = await v1(emu, "sentInvitations", { total_results: 25 });
    assert.deepEqual(ids(partial), sentIds.slice(0, 25));
    assert.deepEqual(partial.json.data.pagination, { start_page: 1, end_page: 3, results_per_page: 10, pages_fetched: 3 });
    const all = await v1(emu, "sentInvitations", { total_results: 500 });
    assert.equal(all.json.data.total_results, 145);
  });

  it("received invitations default to CONNECTION when invitation_type is absent", async () => {
    const res = await v1(emu, "receivedInvitations", { total_results: 100 });
    assert.equal(res.json.data.total_available_results, 19);
    for (const inv of res.json.data.invitations) assert.equal(inv.invitation_type, "CONNECTION");
  });
});

describe("connectsafely startIndex", () => {
  it("invitations: pages of 10, a short last page, then empty", async () => {
    const first = await cs(emu, "sentInvitations", { accountId: "acct-1" });
    assert.deepEqual(first.json.invitations.map((inv) => inv.invitationId), sentIds.slice(0, 10));
    assert.equal(first.json.startIndex, 0);
    const last = await cs(emu, "sentInvitations", { accountId: "acct-1", startIndex: 140 });
    assert.equal(last.json.count, 5);
    assert.deepEqual(last.json.invitations.map((inv) => inv.invitationId), sentIds.slice(140));
    const past = await cs(emu, "sentInvitations", { accountId: "acct-1", startIndex: 145 });
    assert.equal(past.json.count, 0);
    const received = await cs(emu, "receivedInvitations", { startIndex: 20 });
    assert.equal(received.json.count, 6);
  });

  it("connections: limit defaults to 10, 12 is the maximum, 13 and 0 are 400", async () => {
    assert.equal((await cs(emu, "connections")).json.connections.length, 10);
    const twelve = await cs(emu, "connections", { limit: 12, startIndex: 1195 });
    assert.equal(twelve.status, 200);
    assert.equal(twelve.json.connections.length, 6);
    for (const limit of ["13", "0", "abc", "-1"]) {
      const res = await cs(emu, "connections", { limit });
      assert.equal(res.status, 400, `limit ${limit}`);
      assert.equal(typeof res.json.error, "string");
    }
    const badStart = await cs(emu, "connections", { startIndex: "-5" });
    assert.equal(badStart.status, 400);
  });
});
