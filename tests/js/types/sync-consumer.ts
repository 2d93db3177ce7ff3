// The sync half of the public API (SPEC §8) as a TypeScript consumer sees
// it, compiled with --strict against the shipped index.d.ts; each
// `@ts-expect-error` proves the declarations refuse a wrong use.

import {
  createClient,
  diffSnapshots,
  type Changes,
  type Removed,
  type SyncOptions,
  type SyncProgress,
  type SyncResult,
} from "linkedin-network";

const client = createClient({ provider: "linkup-v2", apiKey: "k", accountId: "a" });

async function hourly(stored: string | null): Promise<string> {
  const options: SyncOptions = {
    state: stored,
    resources: ["sentInvitations", "connections"],
    full: false,
    maxCredits: 5,
    maxRequests: 40,
    signal: AbortSignal.timeout(20_000),
    onProgress: (progress: SyncProgress) => console.log(progress.resource, progress.creditsUsed),
  };
  const run: SyncResult = await client.sync(options);
  const changes: Changes = run.changes;
  for (const { invitation, connection } of changes.accepted) {
    const key: string = invitation.key;
    const url: string | null = connection.person.profileUrl;
    console.log(key, url);
  }
  const gone: Removed[] = changes.sentInvitations.removed;
  const firstId: string | null = gone[0]?.id ?? null;
  const newIds: string[] = changes.receivedInvitations.added.map((invitation) => invitation.id);
  console.log(firstId, newIds, run.complete, run.stopReason, run.lastFullSyncAt, changes.baseline);
  return run.state;
}

const changes: Changes = diffSnapshots({ provider: "connectsafely", before: [], after: { connections: [] } });
console.log(changes.connections.added.length, hourly(null));

// @ts-expect-error resources are list names
client.sync({ resources: ["friends"] });

// @ts-expect-error a state is the string a sync returned
client.sync({ state: 42 });

// @ts-expect-error a removed connection has no person, only what the state kept
const lost = changes.connections.removed[0]!.person;

// @ts-expect-error diffSnapshots needs the provider
diffSnapshots({ before: [], after: [] });

export { lost };
