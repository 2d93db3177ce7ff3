// Formatting of numbers, dates and ages for the page.

const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const relativeFormat = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

export function formatNumber(value) {
  return typeof value === "number" ? numberFormat.format(value) : "—";
}

/** "Apr 14, 2026" (UTC day) from an ISO instant; "≈ " when the provider only gave weeks or months. */
export function formatDate(time) {
  if (!time?.at) return "—";
  const text = dateFormat.format(new Date(time.at));
  return time.precision && !["day", "exact"].includes(time.precision) ? `≈ ${text}` : text;
}

const UNITS = { week: ["week", 7], month: ["month", 30], year: ["year", 365] };

/** "12 days ago", "yesterday", "3 weeks ago" from `days`, in the unit the provider was precise to. */
export function formatAge(time) {
  if (typeof time?.days !== "number") return time?.text ?? "—";
  const [unit, size] = UNITS[time.precision] ?? ["day", 1];
  return relativeFormat.format(-Math.floor(time.days / size), unit);
}

export function plural(count, one, many = `${one}s`) {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
