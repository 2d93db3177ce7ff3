// Type declarations for linkedin-network. They describe exactly what the
// code returns: every key of the model is always present, `null` where the
// provider gave nothing; ids are decimal strings, never numbers.
// The declarations are split by concern under types/; this file is the entry.

export * from "./types/model.js";
export * from "./types/client.js";
export * from "./types/actions.js";
export * from "./types/errors.js";
export * from "./types/sync.js";

import type { BuiltRequest, Connection, Country, Estimate, Invitation, ParsedPage, PlannedCall, ProviderId, ResourceName } from "./types/model.js";
import type { Client, ClientOptions, RangeOptions } from "./types/client.js";

export declare function createClient(options: ClientOptions & { provider: "linkup-v2" }): Client<"linkup-v2">;
export declare function createClient(options: ClientOptions & { provider: "linkup-v1" }): Client<"linkup-v1">;
export declare function createClient(options: ClientOptions & { provider: "connectsafely" }): Client<"connectsafely">;
export declare function createClient(options: ClientOptions & { provider: "unipile" }): Client<"unipile">;
export declare function createClient(options: ClientOptions): Client;

/** Resolves once the WebAssembly module is instantiated (at once in Node and workerd). */
export declare function ready(): Promise<void>;

export type BuildRequestOptions = RangeOptions & { resource: ResourceName; baseUrl?: string } & (
    | { provider: "linkup-v2"; apiKey: string; accountId: string }
    | { provider: "linkup-v1"; apiKey: string; loginToken: string; country?: Country }
    | { provider: "connectsafely"; apiKey: string; accountId?: string }
    | { provider: "unipile"; apiKey: string; accountId: string; baseUrl: string }
  );

/** The one request for a range; a range that needs several calls is refused (use planRequests). */
export declare function buildRequest(options: BuildRequestOptions): BuiltRequest;

export interface ParseResponseOptions {
  provider: ProviderId;
  resource: ResourceName;
  status: number;
  /** The raw response text: never pre-parsed, or ids above 2^53 are already wrong. */
  body: string;
  headers?: Record<string, string> | Headers;
  /** With `limit`: keep only items of `[offset, offset + limit)`. */
  offset?: number;
  limit?: number;
}

export declare function parseResponse(options: ParseResponseOptions & { resource: "connections" }): ParsedPage<Connection>;
export declare function parseResponse(
  options: ParseResponseOptions & { resource: "sentInvitations" | "receivedInvitations" },
): ParsedPage<Invitation>;
export declare function parseResponse(options: ParseResponseOptions): ParsedPage;

export interface PlanOptions extends RangeOptions {
  provider: ProviderId;
  resource: ResourceName;
}

export declare function planRequests(options: PlanOptions): PlannedCall[];
export declare function estimateCredits(options: PlanOptions): Estimate;
