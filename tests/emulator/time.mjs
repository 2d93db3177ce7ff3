// Relative and absolute times, rendered per provider from one stored age in
// days, so a test always knows the truth behind "2 weeks ago".

export const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** linkup-v2 `sent_time`: "5d" (with `sent_time_days` beside it). */
export function linkupV2SentTime(days) {
  return `${days}d`;
}

/** linkup-v1 `sent_time`: "Sent today", "Sent yesterday", "2 days ago", "1 week ago", "3 months ago". */
export function linkupV1SentTime(days) {
  if (days === 0) return "Sent today";
  if (days === 1) return "Sent yesterday";
  return agoText(days);
}

/** ConnectSafely `sentAt` / `receivedAt`: "Today", "1 day ago", "2 weeks ago". */
export function connectSafelyAgo(days) {
  if (days === 0) return "Today";
  return agoText(days);
}

// The coarse buckets LinkedIn's own UI uses: days under a week, weeks under a
// month (30 days), months under a year, then years.
function agoText(days) {
  if (days < 7) return plural(days, "day");
  if (days < 30) return plural(Math.floor(days / 7), "week");
  if (days < 365) return plural(Math.floor(days / 30), "month");
  return plural(Math.floor(days / 365), "year");
}

function plural(count, unit) {
  return `${count} ${unit}${count === 1 ? "" : "s"} ago`;
}

/** The UTC calendar day `days` before `nowMs`, as "YYYY-MM-DD". */
export function utcDayBefore(nowMs, days) {
  return new Date(nowMs - days * DAY_MS).toISOString().slice(0, 10);
}

/** ConnectSafely `connectedDate`: "Connected on Feb 15, 2024" for "2024-02-15". */
export function connectedDateText(isoDay) {
  const [year, month, day] = isoDay.split("-").map(Number);
  return `Connected on ${MONTHS[month - 1]} ${day}, ${year}`;
}

/** linkup-v2 `metadata.timestamp`: ISO 8601 to the second, as the doc shows ("2026-04-26T10:35:00Z"). */
export function isoSeconds(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The HTTP `Date` header for the same instant. */
export function httpDate(ms) {
  return new Date(ms).toUTCString();
}

/** Parses the `now` option: epoch ms, an ISO string, or nothing (the real clock). */
export function parseNow(now) {
  if (now === undefined || now === null || now === "") return null;
  const ms = typeof now === "number" ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new TypeError(`now must be epoch milliseconds or an ISO date, got ${JSON.stringify(now)}`);
  return ms;
}
