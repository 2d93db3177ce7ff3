// Typed field readers for the hand-written JS baselines, with the package's
// rules: absent, null and "" read as null; a field of the wrong JSON type
// throws naming it. Numbers arrive as a Number (JSON.parse, and lossless-json
// for safe values) or a BigInt (lossless-json above 2^53).

export class BadResponse extends Error {}

function wrong(key, expected, value) {
  return new BadResponse(`${key} should be ${expected}, got ${value === null ? "null" : typeof value}`);
}

export function text(object, key) {
  const value = object[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw wrong(key, "a string", value);
  return value;
}

export function count(object, key) {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint" && value >= 0n) return Number(value);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw wrong(key, "a non-negative integer", value);
  return value;
}

export function flag(object, key) {
  const value = object[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "boolean") throw wrong(key, "a boolean", value);
  return value;
}

export function object(parent, key) {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw wrong(key, "an object", value);
  return value;
}

export function objects(parent, key) {
  const value = parent[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrong(key, "an array", value);
  for (const element of value) {
    if (typeof element !== "object" || element === null || Array.isArray(element)) throw wrong(`${key}[]`, "an object", element);
  }
  return value;
}

/** The first value that is not blank, trimmed. */
export function firstPresent(...candidates) {
  for (const candidate of candidates) {
    const value = nonBlank(candidate);
    if (value !== null) return value;
  }
  return null;
}

export function nonBlank(value) {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
