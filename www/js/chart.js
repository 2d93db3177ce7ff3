// The chart of pending sent invitations by age in weeks (an SVG drawn here,
// no library), the stale ones hatched in red, and the list of stale ones.

import { STALE_WEEKS, pendingByWeek } from "./network.js";
import { formatAge, formatNumber, plural } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const HEIGHT = 290;
const MARGIN = { top: 44, right: 12, bottom: 52, left: 44 };

function svg(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A round step for about four grid lines. */
function niceStep(max) {
  const raw = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (raw <= factor * power) return Math.max(1, Math.ceil(factor * power));
  return Math.ceil(10 * power);
}

function weekRange(week) {
  return `${week * 7}–${week * 7 + 6} days`;
}

function drawChart(buckets, titleText) {
  // Show at least one week past the threshold, so the line always has a side to stand on.
  const shown = buckets.slice();
  while (shown.length <= STALE_WEEKS) shown.push({ week: shown.length, count: 0, stale: shown.length >= STALE_WEEKS });
  const max = Math.max(1, ...shown.map((b) => b.count));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / shown.length;
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;

  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "chart-title chart-desc" });
  root.append(svg("title", { id: "chart-title" }, titleText));
  const stale = shown.filter((b) => b.stale).reduce((sum, b) => sum + b.count, 0);
  root.append(svg("desc", { id: "chart-desc" },
    `${shown.map((b) => `week ${b.week}: ${b.count}`).join(", ")}. ${stale} stale (week ${STALE_WEEKS} or older).`));

  const defs = svg("defs");
  const hatch = svg("pattern", { id: "stale-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  hatch.append(svg("rect", { width: 6, height: 6, fill: "#f6d5d6" }), svg("rect", { width: 3, height: 6, fill: "#a4161a" }));
  defs.append(hatch);
  root.append(defs);

  for (let value = 0; value <= top; value += step) {
    root.append(svg("line", { class: value === 0 ? "axis" : "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }));
    root.append(svg("text", { class: "muted", x: MARGIN.left - 6, y: y(value) + 4, "text-anchor": "end" }, formatNumber(value)));
  }

  const bars = svg("g", { class: "bars" });
  shown.forEach((bucket, index) => {
    const x = MARGIN.left + index * band;
    const group = svg("g", { class: "bar", "data-week": bucket.week, "data-count": bucket.count, "data-stale": bucket.stale });
    const height = y(0) - y(bucket.count);
    group.append(svg("rect", {
      class: bucket.stale ? "bar-stale" : "bar-fresh",
      x: x + band * 0.12, y: y(bucket.count), width: band * 0.76, height: Math.max(0, height),
    }));
    group.append(svg("title", {}, `Week ${bucket.week} (${weekRange(bucket.week)}): ${plural(bucket.count, "pending invitation")}${bucket.stale ? ", stale" : ""}`));
    if (bucket.count > 0) group.append(svg("text", { x: x + band / 2, y: y(bucket.count) - 4, "text-anchor": "middle" }, bucket.count));
    group.append(svg("text", { class: "muted", x: x + band / 2, y: y(0) + 16, "text-anchor": "middle" }, bucket.week));
    bars.append(group);
  });
  root.append(bars);

  const thresholdX = MARGIN.left + STALE_WEEKS * band;
  root.append(svg("line", { class: "threshold", x1: thresholdX, x2: thresholdX, y1: 8, y2: y(0) }));
  root.append(svg("text", { class: "stale-label", x: thresholdX + 6, y: 18 }, "stale from 3 weeks →"));
  root.append(svg("text", { class: "muted", x: MARGIN.left + plotWidth / 2, y: HEIGHT - 12, "text-anchor": "middle" },
    "Age in weeks (0 = sent in the last 7 days)"));
  return root;
}

function legend() {
  const box = document.createElement("p");
  box.className = "legend";
  box.innerHTML = '<span><span class="swatch fresh" aria-hidden="true"></span>Pending, under 3 weeks</span>'
    + '<span><span class="swatch stale" aria-hidden="true"></span>Stale: 3 weeks or older</span>';
  return box;
}

function staleItem(invitation) {
  const li = document.createElement("li");
  const name = invitation.person.name ?? invitation.person.publicIdentifier ?? invitation.person.memberId ?? "(no name)";
  if (invitation.person.profileUrl) {
    const link = document.createElement("a");
    link.href = invitation.person.profileUrl;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    link.textContent = name;
    li.append(link);
  } else {
    li.append(name);
  }
  const age = document.createElement("span");
  age.className = "age";
  age.textContent = ` sent ${formatAge(invitation.sentAt)}`;
  li.append(age);
  if (invitation.person.headline) {
    const headline = document.createElement("span");
    headline.className = "headline";
    headline.textContent = ` — ${invitation.person.headline}`;
    li.append(headline);
  }
  return li;
}

/** Clears the chart, its numbers and the stale list, with `message` in their place. */
export function clearChart(message) {
  document.getElementById("chart-summary").textContent = message;
  document.getElementById("chart").replaceChildren();
  const details = document.getElementById("chart-data");
  details.hidden = true;
  details.querySelector("tbody").replaceChildren();
  document.getElementById("stale-list").replaceChildren();
}

/** Draws the chart of `sentInvitations` (the normalized items) fetched through `providerLabel`. */
export function showChart(sentInvitations, providerLabel) {
  const { buckets, unknown, pending, stale } = pendingByWeek(sentInvitations);
  const precise = sentInvitations.every((i) => !i.sentAt || ["day", "exact"].includes(i.sentAt.precision));
  let summary = pending === 0
    ? "No pending sent invitations."
    : `${plural(pending, "pending invitation")} through ${providerLabel}; ${formatNumber(stale.length)} of them are stale (three weeks or older).`;
  if (unknown > 0) summary += ` ${plural(unknown, "invitation")} came without an age and ${unknown === 1 ? "is" : "are"} not in the chart.`;
  if (!precise) summary += ` ${providerLabel} gives ages in weeks and months ("1 month ago" counts as 30 days), so older invitations bunch up.`;
  document.getElementById("chart-summary").textContent = summary;

  const chart = document.getElementById("chart");
  chart.replaceChildren(...(pending === 0 ? [] : [drawChart(buckets, `Pending invitations by age in weeks, ${providerLabel}`), legend()]));

  const details = document.getElementById("chart-data");
  details.hidden = pending === 0;
  details.querySelector("tbody").replaceChildren(...buckets.map((bucket) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = `Week ${bucket.week} (${weekRange(bucket.week)})`;
    const count = document.createElement("td");
    count.className = "num";
    count.textContent = formatNumber(bucket.count);
    const isStale = document.createElement("td");
    isStale.textContent = bucket.stale ? "yes" : "no";
    tr.append(th, count, isStale);
    return tr;
  }));

  const list = document.getElementById("stale-list");
  if (stale.length === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "None: every pending invitation is under three weeks old.";
    list.replaceChildren(li);
  } else {
    list.replaceChildren(...stale.map(staleItem));
  }
}
