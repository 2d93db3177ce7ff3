// The Sync card: "Simulate an hour" changes the emulator's network as an
// hour of a busy account would; "Sync" runs client.sync from the state saved
// for the provider, saves the new state, prices a full re-read of the same
// lists with `estimate`, and applies the changes to the network on show.

import { createClient, LinkedInNetworkError } from "linkedin-network";
import { RESOURCES, accountKey, clientOptions } from "./providers.js";
import { simulate } from "./emulator.js";
import { exclusive, onIdleChange } from "./busy.js";
import { addSpend, lastFullFetch } from "./spend.js";
import { applyChanges, countsAfter, forgetSync, loadSync, network, saveSync, setNetwork } from "./store.js";
import { hideSyncResult, showSavedState, showSimulated, showSyncResult } from "./sync-view.js";
import { showNetwork } from "./dashboard.js";
import { showError } from "./run-view.js";
import { plural } from "./format.js";

const ERROR_BOX = "sync-error";

// The emulator's last change stays on show until the sync after it has reported it.
let simulated = false;

function simulatedBox(keep) {
  document.getElementById("simulate-result").hidden = !keep;
}

function setSyncStatus(text) {
  document.getElementById("sync-status").textContent = text;
}

/** The price of reading each whole list once, as the package plans it: {credits, requests, counts}. */
function fullReadPrice(client, counts) {
  let credits = 0;
  let requests = 0;
  for (const { id } of RESOURCES) {
    const limit = Math.min(10_000, Math.max(1, counts[id] ?? 0));
    const estimate = client[id].estimate({ offset: 0, limit });
    credits += estimate.credits;
    requests += estimate.requests;
  }
  return { credits, requests, counts };
}

/** `selected()` gives the provider picked in the form ({id, label}); `config` the emulator's address and credentials. */
export function initSync({ config, selected }) {
  const simulateButton = document.getElementById("simulate");
  const syncButton = document.getElementById("sync");
  const forgetButton = document.getElementById("forget-state");

  const refreshSaved = () => showSavedState(loadSync(selected().id), selected().label);
  onIdleChange((busy) => {
    simulateButton.disabled = busy;
    syncButton.disabled = busy;
    forgetButton.disabled = busy || !loadSync(selected().id);
  });

  simulateButton.addEventListener("click", () => exclusive(async () => {
    const provider = selected();
    showError(null, "", ERROR_BOX);
    setSyncStatus("Simulating an hour in the emulator…");
    try {
      const diff = await simulate(config.emulatorUrl, accountKey(provider.id, config));
      showSimulated(diff);
      simulated = true;
      setSyncStatus("An hour went by in the emulator. Press Sync to see what the package finds.");
    } catch (error) {
      showError(error, "Could not simulate: ", ERROR_BOX);
      setSyncStatus("Nothing changed.");
    }
  }));

  syncButton.addEventListener("click", () => exclusive(async () => {
    const provider = selected();
    const saved = loadSync(provider.id);
    showError(null, "", ERROR_BOX);
    setSyncStatus(saved ? `Syncing with ${provider.label}…` : `First sync with ${provider.label}: reading every list for a baseline…`);
    const client = createClient(clientOptions(provider.id, config));
    let run;
    try {
      run = await client.sync({
        state: saved?.state ?? null,
        onProgress(progress) {
          setSyncStatus(`Syncing with ${provider.label}… ${RESOURCES.find((r) => r.id === progress.resource).label.toLowerCase()}: ${plural(progress.items, "item")} read.`);
        },
      });
    } catch (error) {
      addSpend("sync", error.creditsUsed ?? 0, 0);
      showError(error, LinkedInNetworkError.is(error) ? "Sync failed, the saved state is kept: " : "Unexpected: ", ERROR_BOX);
      setSyncStatus(error.code === "INVALID_INPUT" && saved
        ? "The package refused the saved state (it is another provider's, account's or version's): Forget it to start a new baseline."
        : `Sync failed with ${error.code ?? "an error"}; nothing was lost: the next Sync starts from the same state.`);
      return;
    }
    addSpend("sync", run.creditsUsed, run.requests);
    const counts = countsAfter(saved?.counts, run.changes);
    saveSync(provider.id, { state: run.state, counts, syncedAt: new Date().toISOString() });
    refreshSaved();
    showSyncResult(run, { fullRead: fullReadPrice(client, counts), lastFetch: lastFullFetch(provider.id), providerLabel: provider.label });

    // The network on show follows: a baseline with nothing on show fills it; a later sync adds and removes.
    if (network.provider === provider.id) applyChanges(run.changes);
    else if (network.provider === null && run.changes.baseline) {
      setNetwork(provider.id, Object.fromEntries(RESOURCES.map(({ id }) => [id, run.changes[id].added])));
    }
    if (network.provider === provider.id) showNetwork(provider.label);

    const { changes } = run;
    const parts = [
      [changes.connections.added.length, "new connection"],
      [changes.accepted.length, "accepted invitation"],
      [changes.sentInvitations.added.length, "new sent invitation"],
      [changes.receivedInvitations.added.length, "new received invitation"],
      [changes.sentInvitations.removed.length - changes.accepted.length, "sent invitation gone", "sent invitations gone"],
      [changes.receivedInvitations.removed.length, "received invitation gone", "received invitations gone"],
      [changes.connections.removed.length, "connection removed", "connections removed"],
    ].filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
    const summary = changes.baseline ? "a baseline of every list" : parts.length > 0 ? parts.join(", ") : "no change";
    simulatedBox(simulated);
    simulated = false;
    const cut = run.complete ? "" : ` Stopped at ${run.stopReason}: the next Sync goes on from here.`;
    setSyncStatus(`Synced with ${provider.label}: ${summary}, for ${plural(run.creditsUsed, "credit")} in ${plural(run.requests, "request")}.${cut}`);
  }));

  forgetButton.addEventListener("click", () => {
    forgetSync(selected().id);
    hideSyncResult();
    refreshSaved();
    forgetButton.disabled = true;
    setSyncStatus(`Forgot the state saved for ${selected().label}: the next Sync is a baseline.`);
  });

  document.getElementById("run-form").addEventListener("change", (event) => {
    if (event.target.name === "provider") {
      hideSyncResult();
      simulatedBox(false);
      simulated = false;
      refreshSaved();
    }
  });
  refreshSaved();
}
