// The Sync card's views: the saved state's line, what "Simulate an hour"
// changed, what a sync cost beside a full re-read, and its changes grouped
// as a person reads them (new connections, who accepted, new invitations,
// invitations gone).

import { formatNumber, plural } from "./format.js";

const SHOWN_PER_GROUP = 200;

function personOf(entry) {
  if (entry.person) return { name: entry.person.name ?? entry.person.publicIdentifier ?? entry.person.memberId, url: entry.person.profileUrl };
  return { name: entry.name ?? entry.id ?? entry.key, url: entry.profileUrl };
}

function personItem(entry, key, extra = "") {
  const li = document.createElement("li");
  li.dataset.key = key;
  const { name, url } = personOf(entry);
  if (url) {
    const link = document.createElement("a");
    link.href = url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    link.textContent = name ?? url;
    li.append(link);
  } else {
    li.append(name ?? "(no name)");
  }
  if (extra) {
    const note = document.createElement("span");
    note.className = "hint";
    note.textContent = ` ${extra}`;
    li.append(note);
  }
  return li;
}

function group(id, title, entries, { keyOf, extraOf = () => "", note = "" }) {
  const section = document.createElement("section");
  section.className = "change-group";
  section.dataset.group = id;
  section.dataset.count = String(entries.length);
  const heading = document.createElement("h3");
  heading.id = `changes-${id}`;
  heading.append(`${title} `);
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = `(${formatNumber(entries.length)})`;
  heading.append(count);
  section.setAttribute("aria-labelledby", heading.id);
  section.append(heading);
  if (note) {
    const p = document.createElement("p");
    p.className = "note";
    p.textContent = note;
    section.append(p);
  }
  const list = document.createElement("ul");
  if (entries.length > 8) {
    // A scrolling list: reachable by keyboard, named by its heading.
    list.tabIndex = 0;
    list.setAttribute("aria-labelledby", heading.id);
  }
  if (entries.length === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "None";
    list.append(li);
  }
  for (const entry of entries.slice(0, SHOWN_PER_GROUP)) list.append(personItem(entry, keyOf(entry), extraOf(entry)));
  if (entries.length > SHOWN_PER_GROUP) {
    const li = document.createElement("li");
    li.className = "hint";
    li.textContent = `and ${formatNumber(entries.length - SHOWN_PER_GROUP)} more`;
    list.append(li);
  }
  section.append(list);
  return section;
}

/** The saved state's line for `providerLabel`: entry from loadSync, or null. */
export function showSavedState(entry, providerLabel) {
  const note = document.getElementById("sync-state-note");
  note.textContent = entry
    ? `Saved in localStorage for ${providerLabel}: a state of ${formatNumber(entry.state.length)} characters from the sync at ${new Date(entry.syncedAt).toLocaleTimeString("en-US", { timeZone: "UTC" })} UTC (by this computer's clock). Sync reports what changed since then.`
    : `No state saved for ${providerLabel}: the first Sync reads every list (a baseline) and saves one.`;
  document.getElementById("forget-state").disabled = !entry;
}

/** What one "Simulate an hour" changed in the emulator (its true diff). */
export function showSimulated(diff) {
  const { changes } = diff;
  const parts = [
    plural(changes.connections.added.length - changes.accepted.length, "new connection"),
    plural(changes.sentInvitations.added.length, "new sent invitation"),
    `${plural(changes.accepted.length, "sent invitation")} accepted`,
  ];
  if (changes.receivedInvitations.added.length > 0) parts.push(plural(changes.receivedInvitations.added.length, "new received invitation"));
  const box = document.getElementById("simulate-result");
  box.textContent = `The emulator's clock moved an hour on (now ${new Date(diff.now).toLocaleString("en-US", { timeZone: "UTC" })} UTC): ${parts.join(", ")}.`;
  box.hidden = false;
}

function costRow(tr, cost) {
  tr.hidden = !cost;
  if (!cost) return;
  tr.querySelector('[data-cell="credits"]').textContent = formatNumber(cost.credits);
  tr.querySelector('[data-cell="requests"]').textContent = formatNumber(cost.requests);
}

/**
 * A finished sync: `run` from client.sync, `fullRead` the estimate of every
 * whole list ({credits, requests, counts}), `lastFetch` what the last full
 * fetch spent (or null), `stateBytes` the saved state's length.
 */
export function showSyncResult(run, { fullRead, lastFetch, providerLabel }) {
  document.getElementById("sync-result").hidden = false;
  costRow(document.querySelector('#sync-cost tr[data-row="sync"]'), { credits: run.creditsUsed, requests: run.requests });
  costRow(document.querySelector('#sync-cost tr[data-row="full"]'), fullRead);
  costRow(document.querySelector('#sync-cost tr[data-row="fetch"]'), lastFetch);
  const { counts } = fullRead;
  document.querySelector('#sync-cost tr[data-row="full"] th .hint').textContent =
    `${formatNumber(counts.sentInvitations)} sent, ${formatNumber(counts.receivedInvitations)} received, ${formatNumber(counts.connections)} connections`;

  const box = document.getElementById("sync-changes");
  const { changes } = run;
  if (changes.baseline) {
    const p = document.createElement("p");
    p.className = "baseline";
    p.textContent = `A baseline: the first sync through ${providerLabel} read ${formatNumber(changes.sentInvitations.added.length)} sent invitations, ${formatNumber(changes.receivedInvitations.added.length)} received and ${formatNumber(changes.connections.added.length)} connections, and saved the state. From now on Sync reports only what changed.`;
    box.replaceChildren(p);
    return;
  }
  const acceptedKeys = new Set(changes.accepted.map((pair) => pair.invitation.key));
  const acceptedPeople = new Set(changes.accepted.map((pair) => pair.connection.person.profileUrl));
  const connectionKey = (c) => c.person.profileUrl ?? c.person.memberId;
  box.replaceChildren(
    group("connections-added", "New connections", changes.connections.added, {
      keyOf: connectionKey,
      extraOf: (c) => (acceptedPeople.has(c.person.profileUrl) ? "(accepted your invitation)" : ""),
    }),
    group("accepted", "Accepted your invitation", changes.accepted.map((pair) => pair.invitation), { keyOf: (r) => r.key }),
    group("sent-added", "New sent invitations", changes.sentInvitations.added, { keyOf: (i) => i.id }),
    group("received-added", "New received invitations", changes.receivedInvitations.added, { keyOf: (i) => i.id }),
    group("sent-removed", "Sent invitations gone", changes.sentInvitations.removed.filter((r) => !acceptedKeys.has(r.key)), {
      keyOf: (r) => r.key,
      note: "Withdrawn, expired or declined: LinkedIn does not say which.",
    }),
    group("received-removed", "Received invitations gone", changes.receivedInvitations.removed, {
      keyOf: (r) => r.key,
      note: "Accepted, ignored, or withdrawn by the sender.",
    }),
  );
  if (changes.connections.removed.length > 0) {
    box.append(group("connections-removed", "Connections removed", changes.connections.removed, { keyOf: (r) => r.key }));
  }
}

export function hideSyncResult() {
  document.getElementById("sync-result").hidden = true;
  document.getElementById("sync-changes").replaceChildren();
}
