// linkedin-network declarations — Sync (SPEC §8): changes, state, and the pure diff.
import type { Connection, Invitation, Item, ProviderId, ResourceName, StopReason } from "./model.js";

// Sync (SPEC §8): what changed since last time, at the price of the change.

/** An item that left a list, as the sync state remembers it: enough to find it in your own store. */
export interface Removed {
  /** The invitation id, or the connection's canonical profile URL (else its member id). */
  key: string;
  /** The invitation id; for a connection its member id only where it has no `profileUrl` (then it is also `key`). */
  id: string | null;
  name: string | null;
  profileUrl: string | null;
}

export interface ListChanges<T extends Item> {
  /** In list order (newest first). */
  added: T[];
  removed: Removed[];
}

export interface Changes {
  sentInvitations: ListChanges<Invitation>;
  receivedInvitations: ListChanges<Invitation>;
  /** `removed` is reported by full syncs only (`full: true`, or a first sync). */
  connections: ListChanges<Connection>;
  /** Sent invitations that became connections; each is also in `sentInvitations.removed`, its connection in `connections.added`. */
  accepted: { invitation: Removed; connection: Connection }[];
  /** True on a first sync (of any list): everything read is in `added`. */
  baseline: boolean;
}

export interface SyncProgress {
  resource: ResourceName;
  /** Items read so far from this list (new ones, on a head read). */
  items: number;
  creditsUsed: number;
  requests: number;
}

export interface SyncOptions {
  /** The `state` the last sync returned; null or absent for a first sync. */
  state?: string | null;
  /** Default: all three lists. */
  resources?: ResourceName[];
  /** Read connections in full too: reports removed connections, sets `lastFullSyncAt`. */
  full?: boolean;
  maxCredits?: number;
  maxRequests?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  /** Opaque, versioned, holds no secret; store it (chrome.storage, KV, D1) and pass it to the next sync. */
  state: string;
  changes: Changes;
  /** False when a budget cut the sync short: only whole lists were committed (a first reading as far as it went); the next sync resumes losing nothing. */
  complete: boolean;
  stopReason: StopReason;
  creditsUsed: number;
  requests: number;
  warnings: string[];
  /** When connections were last read in full (ISO 8601). */
  lastFullSyncAt: string | null;
}

/** Items as `list`/`collect`/`sync` gave them: one array, or the lists by name. */
export type Snapshot =
  | Item[]
  | { sentInvitations?: Invitation[] | null; receivedInvitations?: Invitation[] | null; connections?: Connection[] | null };

export interface DiffSnapshotsOptions {
  provider: ProviderId;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/** The pure half of sync, for callers with their own store. */
export declare function diffSnapshots(options: DiffSnapshotsOptions): Changes;
