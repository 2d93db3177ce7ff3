// A TypeScript consumer of the whole public API of linkedin-network, compiled
// with --strict against the shipped index.d.ts. The `@ts-expect-error` lines
// prove the declarations refuse wrong use: tsc fails if any of them compiles.

import {
  createClient,
  ready,
  buildRequest,
  parseResponse,
  planRequests,
  estimateCredits,
  LinkedInNetworkError,
  type BuiltRequest,
  type Client,
  type CollectResult,
  type Connection,
  type ErrorCode,
  type Estimate,
  type Invitation,
  type Item,
  type LinkedInNetworkErrorJSON,
  type Page,
  type ParsedPage,
  type Person,
  type PlannedCall,
  type Progress,
  type RelativeTime,
  type StopReason,
} from "linkedin-network";
import { startEmulator, type Emulator } from "linkedin-network/testing";

const v2: Client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a" });
const v1: Client = createClient({
  provider: "linkup-v1",
  apiKey: "k",
  loginToken: "t",
  country: "FR",
  baseUrl: "http://127.0.0.1:8787",
  retry: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 20000 },
  timeoutMs: 25000,
  concurrency: 4,
});
const cs: Client = createClient({ provider: "connectsafely", apiKey: "k", fetch: (input, init) => fetch(input, init) });
createClient({ provider: "connectsafely", apiKey: "k", accountId: "a" });
createClient({ provider: "unipile", apiKey: "k", accountId: "a", baseUrl: "https://api8.unipile.com:13851" });

function describePerson(person: Person): string {
  const parts: (string | null)[] = [
    person.name, person.firstName, person.lastName, person.headline, person.profileUrl,
    person.publicIdentifier, person.memberId, person.memberUrn, person.pictureUrl, person.organization,
  ];
  return parts.filter((part): part is string => part !== null).join(" ");
}

function describeTime(time: RelativeTime | null): string {
  if (time === null) return "unknown";
  const days: number | null = time.days;
  const at: string | null = time.at;
  const precision: "exact" | "day" | "week" | "month" | "year" | null = time.precision;
  return `${time.text} ${days ?? "?"} ${at ?? "?"} ${precision ?? "?"} ${time.anchor ?? "?"}`;
}

function describeInvitation(invitation: Invitation): string {
  const id: string = invitation.id;
  const exact: bigint = BigInt(invitation.id);
  const direction: "sent" | "received" = invitation.direction;
  const fields = [id, String(exact), direction, invitation.type, invitation.urn, invitation.state, invitation.message, invitation.acceptToken, invitation.provider];
  return `${fields.join(" ")} ${describeTime(invitation.sentAt)} ${describePerson(invitation.person)}`;
}

function describeConnection(connection: Connection): string {
  return `${describePerson(connection.person)} ${describeTime(connection.connectedAt)} ${connection.provider}`;
}

async function everything(): Promise<void> {
  await ready();
  const controller = new AbortController();

  const page: Page<Invitation> = await v2.sentInvitations.list({ offset: 0, limit: 25, invitationType: "CONNECTION", signal: controller.signal });
  const { items, offset, total, hasMore, cursor, creditsUsed, requests, warnings } = page;
  items.map(describeInvitation);
  const counts: number[] = [offset, creditsUsed, requests, total ?? -1];
  const flags: boolean = hasMore;
  const texts: string[] = [cursor, ...warnings];

  for await (const invitation of v1.receivedInvitations.iterate({
    maxItems: 500,
    maxCredits: 20,
    maxRequests: 50,
    cursor,
    concurrency: 2,
    onProgress: (progress: Progress) => {
      const saved: string = progress.cursor;
      const seen: number[] = [progress.pages, progress.items, progress.creditsUsed, progress.requests, progress.duplicatesDropped, progress.total ?? 0];
      const ended: StopReason | null = progress.stopReason;
      if (ended === "maxCredits") void "the budget stopped the loop";
      void [saved, seen, progress.warnings, ended];
    },
    signal: controller.signal,
  })) {
    describeInvitation(invitation);
  }

  const result: CollectResult<Connection> = await cs.connections.collect({ maxItems: 2000 });
  const stop: StopReason = result.stopReason;
  const complete: boolean = result.complete;
  result.items.map(describeConnection);
  void [stop, complete, result.total, result.creditsUsed, result.requests, result.duplicatesDropped, result.warnings, result.cursor];

  const estimate: Estimate = v2.connections.estimate({ offset: 0, limit: 250 });
  void [estimate.credits, estimate.requests, estimate.upstreamCalls];

  const request: BuiltRequest = buildRequest({ provider: "linkup-v2", resource: "sentInvitations", apiKey: "k", accountId: "a", offset: 0, limit: 10 });
  const method: "GET" | "POST" = request.method;
  const response = await fetch(request.url, { method, headers: request.headers, body: request.body ?? undefined, redirect: "manual" });
  const parsedConnections: ParsedPage<Connection> = parseResponse({
    provider: "linkup-v2",
    resource: "connections",
    status: response.status,
    body: await response.text(),
    headers: response.headers,
  });
  parsedConnections.items.map(describeConnection);
  const parsedInvitations: ParsedPage<Invitation> = parseResponse({ provider: "linkup-v1", resource: "sentInvitations", status: 200, body: "{}", headers: { Date: "x" } });
  parsedInvitations.items.map(describeInvitation);
  const calls: PlannedCall[] = planRequests({ provider: "linkup-v1", resource: "connections", offset: 5, limit: 30 });
  const pages: (number | undefined)[] = calls.map((call) => call.params["start_page"]);
  void [pages, calls[0]?.credits, calls[0]?.upstreamCalls, calls[0]?.offset, calls[0]?.count];
  void estimateCredits({ provider: "connectsafely", resource: "receivedInvitations", limit: 100 }).credits;
  void [counts, flags, texts];
}

async function withErrors(): Promise<string> {
  try {
    await v2.connections.list({ limit: 10 });
    return "ok";
  } catch (error: unknown) {
    if (LinkedInNetworkError.is(error)) {
      // Narrowed: every field is typed.
      const code: ErrorCode = error.code;
      const status: number | null = error.status;
      const json: LinkedInNetworkErrorJSON = error.toJSON();
      const retry: number | null = error.retryAfterMs;
      void [error.provider, error.providerCode, error.retryable, error.attempts, error.creditsUsed, json.name, retry, status];
      switch (code) {
        case "RATE_LIMITED":
          return `wait ${error.retryAfterMs ?? 0} ms`;
        case "AUTH":
          return "check the key";
        default:
          return `${error.name}: ${error.message}`;
      }
    }
    if (error instanceof LinkedInNetworkError) return error.code;
    throw error;
  }
}

void everything;
void withErrors;

// iterate's cursor and page.next().
async function resumeAfterBreak(client: Client): Promise<string | null> {
  const iterator = client.sentInvitations.iterate();
  for await (const invitation of iterator) {
    if (invitation.id === "1") break;
  }
  const page: Page<Connection> | null = await (await client.connections.list()).next();
  return page?.cursor ?? iterator.cursor;
}
void resumeAfterBreak;

// `kind` narrows an Item.
function idOf(item: Item): string {
  return item.kind === "invitation" ? item.id : item.person.profileUrl ?? "";
}
void idOf;

// linkedin-network/testing: the emulator for a user's own tests.
async function againstTheEmulator(): Promise<number> {
  const emu: Emulator = await startEmulator({ seed: 1, sizes: { connections: 30 } });
  const client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a", baseUrl: emu.url });
  await client.connections.collect();
  const { changes } = emu.mutate({ account: "a", addConnections: 2, withdrawSent: ["7331558767219900001"] });
  // @ts-expect-error additions are counts, not ids
  emu.mutate({ addConnections: ["x"] });
  await emu.close();
  return changes.connections.added.length + emu.ledger("k").credits;
}
void againstTheEmulator;

// A provider known statically narrows the filters its lists take.
const csKnown = createClient({ provider: "connectsafely", apiKey: "k" });
void csKnown.sentInvitations.list({ invitationType: "CONNECTION" });
const uniKnown = createClient({ provider: "unipile", apiKey: "k", accountId: "a", baseUrl: "https://api8.unipile.com:13851" });
void uniKnown.receivedInvitations.collect({ invitationType: "CONNECTION" });
const v1Known: Client<"linkup-v1"> = createClient({ provider: "linkup-v1", apiKey: "k", loginToken: "t" });
void v1Known.receivedInvitations.iterate({ invitationType: "NEWSLETTER" });

// ---- What the declarations must refuse ----

// @ts-expect-error ConnectSafely's sent list holds only connection invitations
void csKnown.sentInvitations.list({ invitationType: "ORGANIZATION" });

// @ts-expect-error ConnectSafely's received list cannot be filtered
void csKnown.receivedInvitations.collect({ invitationType: "CONNECTION" });

// @ts-expect-error Unipile's lists hold only connection invitations
void uniKnown.sentInvitations.iterate({ invitationType: "NEWSLETTER" });

// @ts-expect-error linkup-v2 needs an accountId
createClient({ provider: "linkup-v2", apiKey: "k" });

// @ts-expect-error linkup-v1 needs a loginToken
createClient({ provider: "linkup-v1", apiKey: "k" });

// @ts-expect-error every provider needs an apiKey
createClient({ provider: "connectsafely" });

// @ts-expect-error unipile has no default host: baseUrl is required
createClient({ provider: "unipile", apiKey: "k", accountId: "a" });

// @ts-expect-error an unknown provider
createClient({ provider: "linkup-v3", apiKey: "k", accountId: "a" });

// @ts-expect-error an unknown option
createClient({ provider: "connectsafely", apiKey: "k", acountId: "typo" });

// @ts-expect-error an unknown country
createClient({ provider: "linkup-v1", apiKey: "k", loginToken: "t", country: "XX" });

declare const invitation: Invitation;
declare const connection: Connection;

// @ts-expect-error an id is a decimal string, never a number
const asNumber: number = invitation.id;

// @ts-expect-error an id is not arithmetic
const next = invitation.id + 1 - 1;

// @ts-expect-error sentAt may be null
const days: number | null = invitation.sentAt.days;

// @ts-expect-error days may be null
const sureDays: number = invitation.sentAt!.days;

// @ts-expect-error a connection has no id
const connectionId = connection.id;

// @ts-expect-error direction is "sent" or "received"
const direction: "outgoing" = invitation.direction;

// @ts-expect-error only CONNECTION, ORGANIZATION and NEWSLETTER can be filtered on
void v2.sentInvitations.list({ invitationType: "EVENT" });

// @ts-expect-error linkup's own word is not the filter's: NEWSLETTER is
void v2.sentInvitations.list({ invitationType: "CONTENT_SERIES" });

// @ts-expect-error connections cannot be filtered by invitation type
void v2.connections.list({ invitationType: "CONNECTION" });

// @ts-expect-error connections cannot be filtered by invitation type
void v2.connections.collect({ invitationType: "CONNECTION" });

// @ts-expect-error items carry their kind
const wrongKind: "connection" = invitation.kind;

// @ts-expect-error a list item of connections is a Connection
const notInvitation: Invitation = (await cs.connections.list()).items[0]!;

// @ts-expect-error parseResponse of connections gives connections
const parsed: ParsedPage<Invitation> = parseResponse({ provider: "linkup-v2", resource: "connections", status: 200, body: "" });

// @ts-expect-error no such resource
planRequests({ provider: "linkup-v2", resource: "followers" });

// @ts-expect-error estimate is synchronous
const awaited: Promise<Estimate> = v2.connections.estimate();

// @ts-expect-error no such error code
const badCode: ErrorCode = "TEAPOT";

// @ts-expect-error the body is the raw text, never a parsed object
parseResponse({ provider: "linkup-v2", resource: "sentInvitations", status: 200, body: { success: true } });

void [wrongKind, asNumber, next, days, sureDays, connectionId, direction, notInvitation, parsed, awaited, badCode];
export {};
