// Relative times ("5d", "Sent yesterday", "3 months ago", "Connected on Feb
// 15, 2024") into { text, days, at, precision, anchor }, by hand in JS with
// the package's rules; Date.parse and toISOString do the calendar work.

const DAY_MS = 86_400_000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const UNITS = new Map();
for (const [names, days, precision] of [
  [["s", "sec", "secs", "second", "seconds"], 1 / 86_400, "day"],
  [["m", "min", "mins", "minute", "minutes"], 1 / 1_440, "day"],
  [["h", "hr", "hrs", "hour", "hours"], 1 / 24, "day"],
  [["d", "day", "days"], 1, "day"],
  [["w", "wk", "wks", "week", "weeks"], 7, "week"],
  [["mo", "mos", "month", "months"], 30, "month"],
  [["y", "yr", "yrs", "year", "years"], 365, "year"],
]) {
  for (const name of names) UNITS.set(name, { days, precision });
}
const LEADING = new Set(["sent", "received", "connected", "invited", "accepted"]);

function monthNumber(name) {
  const lower = name.replace(/\.+$/, "").toLowerCase();
  const index = MONTHS.indexOf(lower.slice(0, 3));
  if (index < 0) return null;
  return lower.length === 3 || FULL_MONTHS[index].startsWith(lower) || lower === "sept" ? index + 1 : null;
}

function daysAgo(amount, unitName) {
  const unit = UNITS.get(unitName);
  if (!unit || !Number.isSafeInteger(amount) || amount < 0) return null;
  const days = unit.days < 1 ? Math.floor(amount * unit.days + 1e-9) : amount * unit.days;
  return { days, precision: unit.precision };
}

function dateReading(year, month, day) {
  const y = Number(year);
  const d = parseInt(day.replace(/[a-z]+$/, ""), 10);
  if (!/^\d{4}$/.test(year) || month === null || !(d >= 1 && d <= 31)) return null;
  const ms = Date.UTC(y, month - 1, d);
  if (new Date(ms).getUTCDate() !== d) return null;
  return { date: ms };
}

function compact(word) {
  const match = /^(\d+)([a-z]+)$/.exec(word);
  if (match) return daysAgo(Number(match[1]), match[2]);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  return iso ? dateReading(iso[1], Number(iso[2]), iso[3]) : null;
}

function amountOf(word) {
  if (word === "a" || word === "an" || word === "one") return 1;
  return /^\d+$/.test(word) ? Number(word) : null;
}

export function read(text) {
  const words = text.trim().replace(/\.+$/, "").toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (LEADING.has(words[0])) words.shift();
  if (words[0] === "on") words.shift();
  const joined = words.join(" ");
  if (joined === "today" || joined === "now" || joined === "just now" || joined === "moments ago" || joined === "a moment ago") return { days: 0, precision: "day" };
  if (joined === "yesterday") return { days: 1, precision: "day" };
  if (words.length === 1 || (words.length === 2 && words[1] === "ago")) return compact(words[0]);
  if (words.length === 2 || (words.length === 3 && words[2] === "ago")) return daysAgo(amountOf(words[0]), words[1]);
  if (words.length === 3) {
    const [a, b, c] = words;
    return monthNumber(a) !== null ? dateReading(c, monthNumber(a), b) : dateReading(c, monthNumber(b), a);
  }
  return null;
}

/** The RelativeTime model, or null when there is neither text nor days. */
export function resolve(text, daysGiven, anchorMs, warnings, place) {
  if (text === null && daysGiven === null) return null;
  const reading = daysGiven !== null ? { days: daysGiven, precision: "day" } : read(text);
  if (reading === null && text !== null) warnings.push(`${place}: ${JSON.stringify(text)} is not a time this library can read; days and at are null`);
  let days = null;
  let at = null;
  let precision = null;
  if (reading?.date !== undefined) {
    at = reading.date;
    days = anchorMs === null ? null : Math.floor((anchorMs - at) / DAY_MS);
    precision = "day";
  } else if (reading) {
    days = reading.days;
    at = anchorMs === null ? null : anchorMs - days * DAY_MS;
    precision = reading.precision;
  }
  return {
    text: text ?? "",
    days,
    at: at === null ? null : new Date(at).toISOString(),
    precision,
    anchor: anchorMs === null ? null : new Date(anchorMs).toISOString(),
  };
}

/** metadata.timestamp, else the Date header, else the local clock. */
export function anchor(timestamp, dateHeader, warnings) {
  if (timestamp !== null) {
    const ms = Date.parse(timestamp);
    if (!Number.isNaN(ms)) return ms;
    warnings.push(`metadata.timestamp ${JSON.stringify(timestamp)} is not an ISO 8601 instant; the Date header or the local clock is used`);
  }
  const fromHeader = dateHeader ? Date.parse(dateHeader) : NaN;
  return Number.isNaN(fromHeader) ? Date.now() : fromHeader;
}

const MAX_JS_MS = 8_640_000_000_000_000;
const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,18}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/** An ISO 8601 instant in ms with the package's rules (a bare date is its midnight UTC, no zone is UTC, a leap second is :59), or null. */
export function parseIso(text) {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", , sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return null;
  const millis = Number((fraction + "000").slice(0, 3));
  const offset = sign === undefined ? 0 : (sign === "+" ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return date.getTime() + ((Number(hour) * 60 + Number(minute) - offset) * 60 + Math.min(Number(second), 59)) * 1000 + millis;
}

/** A time given as an instant: precision "exact", `text` as sent; null when a JavaScript Date cannot hold it. */
export function exact(text, atMs, anchorMs) {
  if (atMs === null || !Number.isFinite(atMs) || Math.abs(atMs) > MAX_JS_MS) return null;
  return {
    text,
    days: anchorMs === null ? null : Math.floor((anchorMs - atMs) / DAY_MS),
    at: new Date(atMs).toISOString(),
    precision: "exact",
    anchor: anchorMs === null ? null : new Date(anchorMs).toISOString(),
  };
}
