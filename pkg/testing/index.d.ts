// Declarations for linkedin-network/testing (Node only): the provider emulator.

export type EmulatedResource = "sentInvitations" | "receivedInvitations" | "connections";

export interface EmulatorOptions {
  /** 127.0.0.1 unless given. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The data's seed: the same seed, the same account. */
  seed?: number;
  /** How many items the default account holds. */
  sizes?: { connections?: number; sent?: number; received?: number };
  /** Added to every answer, and a random jitter on top. */
  latencyMs?: number;
  jitterMs?: number;
  /** A fixed clock (ms or ISO 8601); relative times ("Sent yesterday") resolve against it. */
  now?: number | string;
  /** Accept only these (anything else is refused as the provider refuses it). */
  apiKeys?: string[];
  accounts?: string[];
  loginTokens?: string[];
  /** Credits each API key may spend before the provider answers "insufficient credits". */
  creditLimits?: Record<string, number>;
}

/** One fault the next matching request meets (see the emulator's README for every kind). */
export interface FaultSpec {
  type: string;
  provider?: string;
  apiKey?: string;
  /** Requests to let through first. */
  after?: number;
  /** How many requests meet it (default 1). */
  times?: number;
  [option: string]: unknown;
}

/** A change to an account between reads; counts pick seeded items, arrays name ids. */
export interface Mutation {
  account?: string;
  advanceMs?: number;
  addConnections?: number;
  addSent?: number;
  addReceived?: number;
  acceptSent?: number | string[];
  withdrawSent?: number | string[];
  acceptReceived?: number | string[];
  removeReceived?: number | string[];
  removeConnections?: number | string[];
}

export interface ListChanges<T = Record<string, unknown>> {
  added: T[];
  removed: T[];
}

export interface MutationResult {
  account: string;
  now: string;
  versions: Record<EmulatedResource, number>;
  /** The true diff, to compare a sync's changes with. */
  changes: {
    sentInvitations: ListChanges;
    receivedInvitations: ListChanges;
    connections: ListChanges;
    accepted: { invitation: Record<string, unknown>; connection: Record<string, unknown> }[];
  };
}

export interface Ledger {
  credits: number;
  requests: number;
  [detail: string]: unknown;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: a client's baseUrl (ConnectSafely: `${url}/linkedin`; Unipile: `${url}/api/v1`). */
  readonly url: string;
  readonly port: number;
  /** The account's items as the emulator holds them, newest first. */
  data(account: string, resource: EmulatedResource): Record<string, unknown>[];
  /** Queues a fault for the next matching request. */
  inject(fault: FaultSpec): unknown;
  /** Changes an account between reads and returns the true diff. */
  mutate(mutation: Mutation): MutationResult;
  /** Inserts `count` items at the head of a list (a list that moves while it is read). */
  shift(options: { account?: string; resource: EmulatedResource; count?: number }): unknown;
  /** A counter bumped on every change of the list (or of each list). */
  version(account?: string, resource?: EmulatedResource): number | Record<EmulatedResource, number>;
  /** What one API key was charged. */
  ledger(apiKey: string): Ledger;
  /** Every request received, in order. */
  requests(): Record<string, unknown>[];
  /** Every action (withdraw, accept, ignore) received, and whether it was applied. */
  actions(): Record<string, unknown>[];
  clearLog(): void;
  reset(): void;
  close(): Promise<void>;
  [control: string]: unknown;
}

export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>;
