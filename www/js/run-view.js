// The "Fetch a network" panel: the plan's price per list, progress bars as
// pages arrive, credits and requests spent, each list's result, the status
// line (aria-live) and the error box (the typed error's code and message).

import { RESOURCES } from "./providers.js";
import { formatNumber, plural } from "./format.js";

const rows = new Map();

function cell(row, name) {
  return row.querySelector(`[data-cell="${name}"]`);
}

/** Builds one row per list in the credits table. */
export function initRunView() {
  const tbody = document.querySelector("#credits tbody");
  for (const { id, label } of RESOURCES) {
    const tr = document.createElement("tr");
    tr.dataset.resource = id;
    tr.innerHTML = `<th scope="row"></th>
      <td data-cell="progress"><progress max="1" value="0"></progress><span class="progress-text"></span></td>
      <td class="num" data-cell="estimate"></td>
      <td class="num" data-cell="spent"></td>
      <td class="num" data-cell="requests"></td>
      <td data-cell="result"></td>`;
    tr.querySelector("th").textContent = label;
    tr.querySelector("progress").setAttribute("aria-label", `${label}: items fetched`);
    tbody.append(tr);
    rows.set(id, tr);
  }
}

export function setStatus(text) {
  document.getElementById("status").textContent = text;
}

/** Shows a LinkedInNetworkError (or any error) as its code and message in box `boxId`; null hides the box. */
export function showError(error, context = "", boxId = "error") {
  const box = document.getElementById(boxId);
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const head = document.createElement("p");
  const code = document.createElement("code");
  code.className = "error-code";
  code.textContent = error.code ?? error.name ?? "Error";
  const message = document.createElement("span");
  message.className = "error-message";
  message.textContent = ` ${error.message}`;
  head.append(context, code, message);
  const facts = [];
  if (error.provider) facts.push(`provider ${error.provider}`);
  if (typeof error.status === "number") facts.push(`HTTP ${error.status}`);
  if (error.providerCode) facts.push(`provider code ${error.providerCode}`);
  if (typeof error.attempts === "number" && error.attempts > 0) facts.push(plural(error.attempts, "attempt"));
  if (typeof error.retryable === "boolean") facts.push(error.retryable ? "retryable" : "not retryable");
  if (typeof error.creditsUsed === "number") facts.push(`${plural(error.creditsUsed, "credit")} spent before it`);
  box.replaceChildren(head);
  if (facts.length > 0) {
    const detail = document.createElement("p");
    detail.className = "note";
    detail.textContent = facts.join(" · ");
    box.append(detail);
  }
  box.hidden = false;
}

/** The plan's price, before fetching: `plan` from planRun, or null (with `message`) when it cannot be priced. */
export function showPlan(plan, maxItems, providerLabel) {
  let credits = 0;
  let requests = 0;
  for (const [id, row] of rows) {
    const estimate = plan?.[id];
    cell(row, "estimate").textContent = estimate ? `≤ ${formatNumber(estimate.credits)}` : "—";
    cell(row, "estimate").title = estimate ? `${plural(estimate.requests, "request")} (${plural(estimate.upstreamCalls, "upstream call")}) for the first ${formatNumber(maxItems)} items` : "";
    credits += estimate?.credits ?? 0;
    requests += estimate?.requests ?? 0;
  }
  const foot = document.querySelector("#credits tfoot tr");
  cell(foot, "estimate").textContent = plan ? `≤ ${formatNumber(credits)}` : "—";
  document.getElementById("plan-note").textContent = plan
    ? `Estimated with client.<list>.estimate({ offset: 0, limit: ${maxItems} }) before anything is sent: the most reading the first ${formatNumber(maxItems)} items of each list through ${providerLabel} can cost (${plural(requests, "request")} at most). A shorter list costs less.`
    : "";
  return { credits, requests };
}

/** Empties progress, spent, requests and results for a new run. */
export function resetRun() {
  for (const row of [...rows.values(), document.querySelector("#credits tfoot tr")]) {
    const bar = row.querySelector("progress");
    if (bar) {
      bar.max = 1;
      bar.value = 0;
    }
    for (const name of ["spent", "requests", "result"]) {
      cell(row, name).textContent = "";
      cell(row, name).className = cell(row, name).classList.contains("num") ? "num" : "";
    }
    const text = row.querySelector(".progress-text");
    if (text) text.textContent = "";
  }
  delete document.getElementById("credits").dataset.state;
}

/** One onProgress event of one list. Without a total (ConnectSafely) the bar is indeterminate. */
export function showProgress(resource, progress, maxItems) {
  const row = rows.get(resource);
  const bar = row.querySelector("progress");
  const target = progress.total === null ? null : Math.min(progress.total, maxItems);
  if (target === null) {
    bar.removeAttribute("value");
  } else {
    bar.max = Math.max(1, target);
    bar.value = Math.min(progress.items, bar.max);
  }
  row.querySelector(".progress-text").textContent = target === null
    ? `${formatNumber(progress.items)} so far`
    : `${formatNumber(progress.items)} of ${formatNumber(target)}`;
  cell(row, "spent").textContent = formatNumber(progress.creditsUsed);
  cell(row, "requests").textContent = formatNumber(progress.requests);
}

function retryNote(http) {
  if (http.failed.length === 0) return "";
  const reasons = http.failed.map((status) => (status === "network" ? "a network error" : `HTTP ${status}`));
  return `, ${plural(http.failed.length, "retry", "retries")} after ${[...new Set(reasons)].join(", ")}`;
}

/** A finished run: `outcome` from runProvider, `sums` from totals(). */
export function showOutcome(outcome, sums) {
  for (const [id, row] of rows) {
    const entry = outcome[id];
    const result = cell(row, "result");
    const bar = row.querySelector("progress");
    if (entry.ok) {
      const { items, creditsUsed, requests, complete, stopReason } = entry.result;
      bar.max = Math.max(1, items.length);
      bar.value = items.length;
      row.querySelector(".progress-text").textContent = formatNumber(items.length);
      cell(row, "spent").textContent = formatNumber(creditsUsed);
      cell(row, "requests").textContent = formatNumber(requests);
      cell(row, "requests").title = `HTTP requests sent, retries included${retryNote(entry.http)}`;
      result.textContent = complete ? `complete${retryNote(entry.http)}` : `stopped at ${stopReason}${retryNote(entry.http)}`;
      result.className = "result-ok";
      row.dataset.retries = String(entry.http.failed.length);
    } else {
      if (!bar.hasAttribute("value")) bar.value = 0;
      cell(row, "spent").textContent = formatNumber(entry.error?.creditsUsed ?? 0);
      cell(row, "requests").textContent = formatNumber(entry.http.sent);
      result.textContent = entry.error?.code ?? "ERROR";
      result.className = "result-error";
      row.dataset.retries = String(entry.http.failed.length);
    }
    row.dataset.state = entry.ok ? "done" : "failed";
  }
  const foot = document.querySelector("#credits tfoot tr");
  cell(foot, "spent").textContent = formatNumber(sums.credits);
  cell(foot, "requests").textContent = formatNumber(sums.requests);
  cell(foot, "result").textContent = sums.error ? sums.error.code ?? "ERROR" : `${formatNumber(sums.items)} items`;
  cell(foot, "result").className = sums.error ? "result-error" : "result-ok";
  foot.querySelector('[data-cell="progress"]').textContent = "";
  document.getElementById("credits").dataset.state = sums.error ? "failed" : "done";
}
