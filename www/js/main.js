// The page's wiring: loads the package and the emulator's address, prices
// the plan when the provider or the item limit changes, runs a fetch with
// progress and Cancel, then fills the credits, the chart and the tables.
// The Sync card, the withdrawals and the received invitations' buttons wire
// themselves (sync-panel.js, withdraw-panel.js, received-actions.js).

import { createClient, ready, LinkedInNetworkError } from "linkedin-network";
import { DEFAULT_MAX_ITEMS, PROVIDERS, RESOURCES } from "./providers.js";
import { planRun, runProvider, totals } from "./run.js";
import { injectRateLimitOnce } from "./emulator.js";
import { initRunView, resetRun, setStatus, showError, showOutcome, showPlan, showProgress } from "./run-view.js";
import { clearNetwork, initDashboard, showNetwork } from "./dashboard.js";
import { exclusive, onIdleChange } from "./busy.js";
import { addSpend, initSpend, recordFullFetch } from "./spend.js";
import { setNetwork } from "./store.js";
import { initSync } from "./sync-panel.js";
import { initWithdraw } from "./withdraw-panel.js";
import { initReceivedActions, receivedRowActions } from "./received-actions.js";
import { formatNumber, plural } from "./format.js";

const form = document.getElementById("run-form");
const options = document.getElementById("run-options");
const runButton = document.getElementById("run");
const cancelButton = document.getElementById("cancel");
const maxItemsInput = document.getElementById("max-items");

let config = null;
let controller = null;

function selectedProvider() {
  // Read the radio itself: FormData skips controls of a disabled fieldset (as during a run).
  const id = form.querySelector('input[name="provider"]:checked').value;
  return PROVIDERS.find((p) => p.id === id);
}

/** The item limit, or null (and the field marked invalid) when it is not a whole number in 1..10000. */
function maxItems() {
  const value = Number(maxItemsInput.value);
  const valid = maxItemsInput.value.trim() !== "" && Number.isInteger(value) && value >= 1 && value <= 10000;
  maxItemsInput.setAttribute("aria-invalid", String(!valid));
  return valid ? value : null;
}

function replan() {
  const provider = selectedProvider();
  const limit = maxItems();
  if (limit === null) {
    showPlan(null, 0, provider.label);
    setStatus("Enter a whole number of items from 1 to 10,000.");
    runButton.disabled = true;
    return;
  }
  runButton.disabled = controller !== null;
  try {
    const plan = planRun({ createClient, provider: provider.id, config, maxItems: limit });
    const { credits } = showPlan(plan, limit, provider.label);
    if (!controller) setStatus(`Ready: reading up to ${formatNumber(limit)} items of each list through ${provider.label} costs at most ${plural(credits, "credit")}.`);
  } catch (error) {
    showPlan(null, limit, provider.label);
    showError(error, "Could not price the plan: ");
  }
}

function setRunning(running) {
  options.disabled = running;
  runButton.disabled = running;
  cancelButton.disabled = !running;
  document.body.dataset.running = String(running);
}

function run(event) {
  event.preventDefault();
  return exclusive(fetchNetwork);
}

async function fetchNetwork() {
  if (controller) return;
  const provider = selectedProvider();
  const limit = maxItems();
  if (limit === null) return maxItemsInput.focus();
  const badKey = form.elements.badKey.checked;
  const fault = form.elements.fault429.checked;

  controller = new AbortController();
  const { signal } = controller;
  setRunning(true);
  showError(null);
  resetRun();
  replan();
  setNetwork(null, {});
  clearNetwork("Fetching…");
  setStatus(`Fetching from ${provider.label}…`);

  const started = performance.now();
  let outcome;
  try {
    if (fault) await injectRateLimitOnce(config.emulatorUrl, provider.id);
    const seen = Object.fromEntries(RESOURCES.map(({ id }) => [id, 0]));
    outcome = await runProvider({
      createClient,
      provider: provider.id,
      config,
      badKey,
      maxItems: limit,
      signal,
      onProgress(resource, progress) {
        seen[resource] = progress.items;
        showProgress(resource, progress, limit);
        const items = Object.values(seen).reduce((a, b) => a + b, 0);
        setStatus(`Fetching from ${provider.label}… ${plural(items, "item")} so far.`);
      },
    });
  } catch (error) {
    // Only the emulator's control call can land here: runProvider reports failures per list.
    showError(error, "Could not set up the run: ");
    setStatus("The run did not start.");
    controller = null;
    setRunning(false);
    runButton.focus();
    return;
  }
  controller = null;
  const sums = totals(outcome);
  showOutcome(outcome, sums);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  addSpend("fetch", sums.credits, sums.requests);
  if (!sums.error && RESOURCES.every(({ id }) => outcome[id].result.complete)) recordFullFetch(provider.id, sums.credits, sums.requests);

  const fetched = {};
  const lists = {};
  for (const { id } of RESOURCES) {
    const entry = outcome[id];
    const items = entry.ok ? entry.result.items : [];
    let note = entry.ok && !entry.result.complete ? `Stopped at ${entry.result.stopReason}: the list has more.` : "";
    if (id === "connections" && items.length > 0 && items.every((item) => item.connectedAt === null)) {
      note += ` ${provider.label} gives no connection dates.`;
    }
    lists[id] = items;
    fetched[id] = { note: note.trim(), error: entry.ok ? null : entry.error?.code ?? "error" };
  }
  setNetwork(provider.id, lists);
  showNetwork(provider.label, fetched);

  if (sums.error) {
    showError(sums.error, LinkedInNetworkError.is(sums.error) ? "" : "Unexpected: ");
    const what = sums.error.code === "ABORTED" ? "Cancelled" : `Failed with ${sums.error.code ?? "an error"}`;
    setStatus(`${what} after ${seconds} s: ${plural(sums.items, "item")} fetched, ${plural(sums.credits, "credit")} spent in ${plural(sums.requests, "request")}.`);
  } else {
    const retries = sums.retries > 0 ? ` ${plural(sums.retries, "request was", "requests were")} retried.` : "";
    setStatus(`Done in ${seconds} s: ${plural(sums.items, "item")} through ${provider.label}, ${plural(sums.credits, "credit")} spent in ${plural(sums.requests, "request")}.${retries}`);
  }
  setRunning(false);
  if (document.activeElement === cancelButton || document.activeElement === document.body) runButton.focus();
}

async function start() {
  initRunView();
  initSpend();
  maxItemsInput.defaultValue = String(DEFAULT_MAX_ITEMS);
  initDashboard({ receivedInvitations: receivedRowActions });
  try {
    const response = await fetch("config.json", { cache: "no-store" });
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status} (start the demo with \`make demo\`)`);
    config = await response.json();
    await ready();
  } catch (error) {
    setStatus("The demo could not start.");
    showError(error, "Start-up failed: ");
    return;
  }
  form.addEventListener("submit", run);
  form.addEventListener("change", (event) => {
    if (event.target.name === "provider") replan();
  });
  maxItemsInput.addEventListener("input", replan);
  cancelButton.addEventListener("click", () => controller?.abort());
  initSync({ config, selected: selectedProvider });
  initWithdraw({ config });
  initReceivedActions({ config });
  // Another task (a sync, an action) holds Fetch back while it runs.
  onIdleChange((busy) => {
    if (controller) return;
    options.disabled = busy;
    runButton.disabled = busy || maxItems() === null;
  });
  replan();
  document.body.dataset.ready = "true";
}

start();
