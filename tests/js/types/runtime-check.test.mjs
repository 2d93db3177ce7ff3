// The run-time check of pkg/index.d.ts (runtime-check.mjs, contract.mjs)
// catches drift: real package output conforms, and each kind of departure
// from the declarations — a missing key, an extra key, a number id, a wrong
// literal, a declaration edited after the fact — is reported with its path.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ContractMismatch, createContract } from "./contract.mjs";
import { loadDeclarations, loadShippedDeclarations, readShippedDeclarations } from "./runtime-check.mjs";

const ln = await import(new URL("../../../pkg/entry/node.js", import.meta.url).href);
const FIXTURES = new URL("../../fixtures/", import.meta.url);
const CASES = JSON.parse(readFileSync(new URL("cases.linkup_v2.json", FIXTURES), "utf8"));
const DTS_TEXT = readShippedDeclarations();
const decls = loadShippedDeclarations();

/** What the package's parseResponse returns for one fixture case. */
function parsed(name) {
  const entry = CASES.find((candidate) => candidate.name === name);
  const body = readFileSync(new URL(entry.body, FIXTURES), "utf8");
  return ln.parseResponse({ provider: entry.provider, resource: entry.resource, status: entry.status, headers: entry.headers, body });
}
const sentPage = () => parsed("linkup_v2/list_sent.relative_times");
const connectionPage = () => parsed("linkup_v2/list_connections.doc");

/** Asserts `errors` has exactly one entry per pattern, each matching it. */
function assertReports(errors, ...patterns) {
  assert.equal(errors.length, patterns.length, `expected ${patterns.length} report(s), got:\n${errors.join("\n")}`);
  patterns.forEach((pattern, index) => assert.match(errors[index], pattern));
}

describe("the validator built from pkg/index.d.ts", () => {
  test("real package output conforms (the baseline the drift cases depart from)", () => {
    const sent = sentPage();
    assert.ok(sent.items.length > 0 && sent.items.some((item) => item.sentAt !== null), "the fixture has invitations with times");
    assert.deepEqual(decls.check("ParsedPage<Invitation>", sent), []);
    assert.deepEqual(decls.check("ParsedPage<Item>", sent), []);
    assert.deepEqual(decls.check("ParsedPage<Connection>", connectionPage()), []);
    assert.deepEqual(decls.check("Estimate", ln.estimateCredits({ provider: "linkup-v2", resource: "connections", limit: 25 })), []);
    assert.deepEqual(decls.check("PlannedCall[]", ln.planRequests({ provider: "linkup-v1", resource: "connections", limit: 25 })), []);
  });

  test("a missing key is reported at its path", () => {
    const page = sentPage();
    delete page.items[1].urn;
    assertReports(decls.check("ParsedPage<Invitation>", page), /^items\[1\]\.urn: expected string \| null, got nothing \(key missing\)$/);
  });

  test("an extra key is reported, on nested objects too", () => {
    const page = sentPage();
    page.items[0].person.nickname = "bob";
    page.cursor = "abc";
    assertReports(
      decls.check("ParsedPage<Invitation>", page),
      /^items\[0\]\.person\.nickname: not declared in Person \(extra key\), got string "bob"$/,
      /^cursor: not declared in ParsedPage<Invitation> \(extra key\)/,
    );
    assert.deepEqual(decls.check("ParsedPage<Invitation>", page, { strict: false }), [], "non-strict allows extra keys");
  });

  test("an id as a number is reported", () => {
    const page = sentPage();
    page.items[0].id = Number(page.items[0].id);
    assertReports(decls.check("ParsedPage<Invitation>", page), /^items\[0\]\.id: expected string, got number \d+$/);
  });

  test("a wrong literal is reported: a union of literals, and the discriminant of Item", () => {
    const page = sentPage();
    page.items[0].direction = "outgoing";
    page.items[0].provider = "linkup";
    assertReports(
      decls.check("ParsedPage<Invitation>", page),
      /^items\[0\]\.direction: expected "sent" \| "received", got string "outgoing"$/,
      /^items\[0\]\.provider: expected ProviderId, got string "linkup"$/,
    );
    const [item] = sentPage().items;
    assertReports(decls.check("Item", { ...item, kind: "connexion" }), /^kind: expected "invitation" \| "connection", got string "connexion"$/);
  });

  test("a union narrows to the member the value is: the discriminant picks Invitation, an object picks RelativeTime over null", () => {
    const [item] = sentPage().items.filter((candidate) => candidate.sentAt !== null);
    const broken = { ...item, sentAt: { ...item.sentAt, days: "5" } };
    assertReports(decls.check("Item", broken), /^sentAt\.days: expected number \| null, got string "5"$/);
    assertReports(decls.check("Item[]", [item, { ...item, person: null }]), /^\[1\]\.person: expected Person, got null$/);
  });

  test("(string & {}) takes any string but nothing else; optional keys may be absent or undefined", () => {
    const [item] = sentPage().items;
    assert.deepEqual(decls.check("Invitation", { ...item, type: "SOMETHING_NEW" }), []);
    assertReports(decls.check("Invitation", { ...item, type: 5 }), /^type: expected InvitationType, got number 5$/);
    assert.deepEqual(decls.check("RetryOptions", {}), []);
    assert.deepEqual(decls.check("RetryOptions", { maxAttempts: undefined, baseDelayMs: 10 }), []);
    assertReports(decls.check("RetryOptions", { maxAttempts: "3" }), /^maxAttempts: expected number, got string "3"$/);
  });

  test("Page<T> extends ParsedPage<T>: inherited keys, its own keys, and next() as a method that need not be enumerable", () => {
    const page = { ...sentPage(), cursor: "c", requests: 1 };
    assertReports(decls.check("Page<Invitation>", page), /^next: expected a method, got nothing \(key missing\)$/);
    Object.defineProperty(page, "next", { value: async () => null });
    assert.deepEqual(decls.check("Page<Invitation>", page), []);
    delete page.requests;
    delete page.warnings;
    assertReports(decls.check("Page<Invitation>", page), /^warnings: expected string\[\]/, /^requests: expected number, got nothing/);
  });

  test("an error the package throws conforms as its class and as toJSON(); a wrong code does not", () => {
    let error;
    try {
      ln.parseResponse({ provider: "linkup-v2", resource: "sentInvitations", status: 403, body: "{}" });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ln.LinkedInNetworkError);
    assert.deepEqual(decls.errorClasses(), ["LinkedInNetworkError"]);
    assert.deepEqual(decls.check("LinkedInNetworkError", error), []);
    assert.deepEqual(decls.check("LinkedInNetworkErrorJSON", error.toJSON()), []);
    assertReports(decls.check("LinkedInNetworkErrorJSON", { ...error.toJSON(), code: "NOPE" }), /^code: expected ErrorCode, got string "NOPE"$/);
    const plain = decls.check("LinkedInNetworkError", new Error("plain"));
    assert.ok(plain.includes('name: expected "LinkedInNetworkError", got string "Error"'), plain.join("\n"));
    assert.ok(plain.includes("code: expected ErrorCode, got nothing (key missing)"), plain.join("\n"));
    assertReports(decls.check("LinkedInNetworkError", error.toJSON()), /^\(value\): expected LinkedInNetworkError, got object$/);
  });

  test("a declaration edited in memory changes the check: a renamed field, a changed type", () => {
    const page = sentPage();
    const renamed = loadDeclarations(DTS_TEXT.replace("  profileUrl: string | null;", "  profileURL: string | null;"));
    const errors = renamed.check("ParsedPage<Invitation>", page);
    assert.equal(errors.length, 2 * page.items.length, errors.join("\n"));
    assert.match(errors[0], /^items\[0\]\.person\.profileURL: expected string \| null, got nothing \(key missing\)$/);
    assert.match(errors[1], /^items\[0\]\.person\.profileUrl: not declared in Person \(extra key\)/);
    const retyped = loadDeclarations(DTS_TEXT.replace("  hasMore: boolean;", "  hasMore: number;"));
    assertReports(retyped.check("ParsedPage<Invitation>", page), /^hasMore: expected number, got boolean (true|false)$/);
    assert.deepEqual(decls.check("ParsedPage<Invitation>", page), [], "the shipped declarations still accept it");
  });

  test("a construct the validator does not know is refused, never passed", () => {
    const partial = loadDeclarations("export interface A { x: string }\nexport type B = Partial<A>;");
    assert.throws(() => partial.check("B", {}), /unsupported type reference Partial/);
    const mapped = loadDeclarations("export type M = { [K in 'a' | 'b']: number };");
    assert.throws(() => mapped.check("M", {}), /unsupported/);
  });
});

describe("the contract the Node harness wraps the package in", () => {
  // A stand-in createClient whose sentInvitations misbehave in the ways asked.
  function fakeClient({ listItems = [], progress = null, throwing = null } = {}) {
    const page = (items) => Object.defineProperty({ ...connectionPage(), items, cursor: "c", requests: 1 }, "next", { value: async () => null });
    const resource = (actions = {}) =>
      Object.freeze({
        ...actions,
        async list() {
          if (throwing) throw throwing;
          return page(listItems);
        },
        async collect(options) {
          options?.onProgress?.(progress);
          return { items: [], total: 0, complete: true, stopReason: "end", creditsUsed: 0, requests: 1, duplicatesDropped: 0, warnings: [], cursor: "c" };
        },
        iterate() {
          const generator = (async function* items() {
            yield* listItems;
          })();
          return Object.defineProperty(generator, "cursor", { value: null, enumerable: true });
        },
        estimate: () => ({ credits: 1, requests: 1, upstreamCalls: 1 }),
      });
    const sync = async () => {
      throw new Error("not used here");
    };
    const unused = async () => {
      throw new Error("not used here");
    };
    return () =>
      Object.freeze({
        sentInvitations: resource({ withdraw: unused, withdrawStale: unused }),
        receivedInvitations: resource({ accept: unused, ignore: unused }),
        connections: resource(),
        sync,
      });
  }

  test("the item type of each resource comes from Client: a connection in sentInvitations is a mismatch, in connections it is not", async () => {
    const contract = createContract(decls);
    const [connection] = connectionPage().items;
    const client = contract.wrapDeclared("createClient", fakeClient({ listItems: [connection] }))({ provider: "linkup-v2", apiKey: "k", accountId: "a" });
    assert.ok(Object.isFrozen(client) && Object.isFrozen(client.connections), "frozen stays frozen");
    const page = await client.connections.list();
    assert.equal(page.items[0], connection);
    assert.equal(await page.next(), null);
    const mismatch = await client.sentInvitations.list().then(() => null, (error) => error);
    assert.ok(mismatch instanceof ContractMismatch, String(mismatch));
    assert.match(mismatch.message, /^createClient\(\)\.sentInvitations\.list\(\): Page<Invitation> does not match/);
    assert.match(mismatch.message, /items\[0\]\.kind: expected "invitation", got string "connection"/);
    const yielded = [];
    await assert.rejects(async () => {
      for await (const item of client.sentInvitations.iterate()) yielded.push(item);
    }, /iterate\(\) item: Invitation does not match/);
    assert.equal(yielded.length, 0, "the mismatching item is not handed over");
    assert.equal(contract.stats.mismatches.length, 2);
  });

  test("an onProgress argument and a thrown error are checked as declared", async () => {
    const contract = createContract(decls);
    const create = (options) => contract.wrapDeclared("createClient", fakeClient(options))({ provider: "linkup-v2", apiKey: "k", accountId: "a" });
    await assert.rejects(create({ progress: { pages: "1" } }).connections.collect({ onProgress: () => {} }), (error) =>
      error instanceof ContractMismatch && /onProgress argument progress: Progress/.test(error.message) && /pages: expected number, got string "1"/.test(error.message));
    await assert.rejects(create({ throwing: new TypeError("boom") }).connections.list(), /expected LinkedInNetworkError, got TypeError: boom/);
    const declared = new ln.LinkedInNetworkError({ code: "AUTH", message: "no" });
    await assert.rejects(create({ throwing: declared }).connections.list(), (error) => error === declared, "a conforming error passes through as is");
    const wrongCode = new ln.LinkedInNetworkError({ code: "SOMETHING", message: "no" });
    await assert.rejects(create({ throwing: wrongCode }).connections.list(), /threw: LinkedInNetworkError does not match[\s\S]*code: expected ErrorCode, got string "SOMETHING"/);
    assert.equal(contract.stats.mismatches.length, 3);
  });
});
