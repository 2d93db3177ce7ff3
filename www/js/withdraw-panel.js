// "Withdraw these" beside the stale list: a dry run of withdrawStale first
// (who, how many credits and requests; nothing written), then, on
// confirmation, the same run for real, capped at what was previewed. After
// it the chart, the tables and the credits follow.

import { createClient } from "linkedin-network";
import { PROVIDERS, clientOptions } from "./providers.js";
import { STALE_DAYS, pendingByWeek } from "./network.js";
import { recordingFetch } from "./run.js";
import { exclusive, isBusy, onIdleChange } from "./busy.js";
import { addSpend } from "./spend.js";
import { loadSync, network, removeFromList } from "./store.js";
import { showNetwork } from "./dashboard.js";
import { showError } from "./run-view.js";
import { formatNumber, plural } from "./format.js";

const ERROR_BOX = "withdraw-error";
const $ = (id) => document.getElementById(id);

let plan = null;

function setWithdrawStatus(text) {
  $("withdraw-status").textContent = text;
}

function shownProvider() {
  return PROVIDERS.find((p) => p.id === network.provider);
}

function hidePreview() {
  plan = null;
  $("withdraw-panel").hidden = true;
  $("withdraw-candidates").replaceChildren();
}

function refreshButton() {
  const stale = network.provider ? pendingByWeek(network.lists.sentInvitations).stale.length : 0;
  $("withdraw-preview").disabled = isBusy() || stale === 0;
  $("withdraw-confirm").disabled = isBusy() || !plan;
  $("withdraw-cancel").disabled = isBusy();
}

function candidateItem({ invitation, days }) {
  const li = document.createElement("li");
  li.dataset.id = invitation.id;
  li.append(invitation.person.name ?? invitation.person.publicIdentifier ?? invitation.id);
  const age = document.createElement("span");
  age.className = "age";
  age.textContent = ` ${plural(days, "day")} old`;
  li.append(age);
  return li;
}

function showPreview(provider) {
  const count = plan.candidates.length;
  $("withdraw-heading").textContent = count === 0 ? "Nothing to withdraw" : `Withdraw ${plural(count, "stale invitation")}?`;
  const left = plan.leftOut > 0 ? ` ${plural(plan.leftOut, "more stale invitation")} left out by ${plan.limitedBy}.` : "";
  const call = document.createElement("code");
  call.textContent = `withdrawStale({ olderThanDays: ${STALE_DAYS}, dryRun: true })`;
  $("withdraw-summary").replaceChildren("The dry run ", call, ` read the pending list through ${provider.label} and wrote nothing. Withdrawing them costs ${plural(plan.credits, "credit")} in ${plural(plan.requests, "request")}, reading the list again included.${left}`);
  $("withdraw-preview-credits").textContent = formatNumber(plan.credits);
  $("withdraw-preview-requests").textContent = formatNumber(plan.requests);
  $("withdraw-preview-count").textContent = formatNumber(count);
  $("withdraw-warnings").textContent = plan.warnings.length > 0 ? `Note: ${plan.warnings.join("; ")}.` : "";
  $("withdraw-candidates").replaceChildren(...plan.candidates.map(candidateItem));
  $("withdraw-confirm").textContent = `Withdraw ${formatNumber(count)} (${plural(plan.credits, "credit")})`;
  $("withdraw-panel").hidden = false;
  refreshButton();
  $("withdraw-confirm").disabled = count === 0;
}

export function initWithdraw({ config }) {
  onIdleChange(refreshButton);
  document.addEventListener("network-shown", refreshButton);
  document.getElementById("run-form").addEventListener("change", (event) => {
    if (event.target.name === "provider") hidePreview();
  });

  $("withdraw-preview").addEventListener("click", () => exclusive(async () => {
    const provider = shownProvider();
    hidePreview();
    showError(null, "", ERROR_BOX);
    setWithdrawStatus(`Dry run through ${provider.label}: reading the pending list…`);
    const { fetch, http } = recordingFetch();
    const client = createClient(clientOptions(provider.id, config, { fetch }));
    try {
      plan = await client.sentInvitations.withdrawStale({ olderThanDays: STALE_DAYS, dryRun: true });
    } catch (error) {
      showError(error, "The dry run failed: ", ERROR_BOX);
      setWithdrawStatus("Nothing was withdrawn.");
      return;
    }
    // The plan says what the real run will spend, not what its own read cost: that read is priced by estimate.
    const listed = network.lists.sentInvitations.length || loadSync(provider.id)?.counts?.sentInvitations || 1;
    addSpend("preview", client.sentInvitations.estimate({ offset: 0, limit: Math.min(10_000, listed) }).credits, http.sent);
    showPreview(provider);
    setWithdrawStatus(`Dry run done: ${plural(plan.candidates.length, "invitation")} would be withdrawn for ${plural(plan.credits, "credit")}. Nothing was written; confirm or keep them.`);
    $("withdraw-heading").focus();
  }));

  $("withdraw-cancel").addEventListener("click", () => {
    hidePreview();
    setWithdrawStatus("Kept them: nothing was withdrawn.");
    $("withdraw-preview").focus();
  });

  $("withdraw-confirm").addEventListener("click", () => exclusive(async () => {
    const provider = shownProvider();
    const planned = plan;
    hidePreview();
    showError(null, "", ERROR_BOX);
    setWithdrawStatus(`Withdrawing ${plural(planned.candidates.length, "invitation")} through ${provider.label}…`);
    const client = createClient(clientOptions(provider.id, config));
    let done;
    try {
      // Never more than was previewed, never more than it was priced at.
      done = await client.sentInvitations.withdrawStale({
        olderThanDays: STALE_DAYS,
        max: planned.candidates.length,
        maxCredits: planned.credits,
        onProgress(progress) {
          setWithdrawStatus(`Withdrawing… ${formatNumber(progress.done)} of ${formatNumber(progress.planned)} done, ${plural(progress.creditsUsed, "credit")} spent.`);
        },
      });
    } catch (error) {
      addSpend("action", error.creditsUsed ?? 0, 0);
      showError(error, "Withdrawing failed: ", ERROR_BOX);
      setWithdrawStatus("Withdrawing failed before it started.");
      return;
    }
    addSpend("action", done.creditsUsed, done.requests);
    const gone = done.results.filter((r) => r.outcome !== null).map((r) => r.invitation.id);
    removeFromList("sentInvitations", gone);
    showNetwork(provider.label);
    const failed = done.failed > 0 ? `, ${formatNumber(done.failed)} failed` : "";
    const already = done.notPending > 0 ? `, ${formatNumber(done.notPending)} no longer pending` : "";
    const cut = done.complete ? "" : ` Stopped at ${done.stopReason}.`;
    setWithdrawStatus(`Withdrew ${plural(done.withdrawn, "invitation")}${already}${failed}: ${plural(done.creditsUsed, "credit")} in ${plural(done.requests, "request")}.${cut} The next Sync reports them as gone.`);
    const firstError = done.results.find((r) => r.error)?.error;
    if (firstError) showError(firstError, "One withdrawal failed: ", ERROR_BOX);
    $("withdraw-preview").focus();
  }));
  refreshButton();
}
