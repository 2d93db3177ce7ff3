// A hand-written JSON writer. JSON.stringify cannot emit an integer above 2^53
// exactly (a Number has already rounded it, and a BigInt makes it throw), yet
// linkup-v1 sends 19-digit invitation ids as bare JSON numbers. Here a BigInt
// is written as its exact decimal digits, everything else as JSON.stringify
// would write it.

/** Serializes `value` to compact JSON; BigInt values become bare integers. */
export function toJson(value) {
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? "null" : toJson(item))).join(",")}]`;
      }
      return objectToJson(value);
    default:
      return "null";
  }
}

function objectToJson(object) {
  const members = [];
  for (const [key, value] of Object.entries(object)) {
    // Like JSON.stringify: an undefined member is left out, not written as null.
    if (value === undefined || typeof value === "function") continue;
    members.push(`${JSON.stringify(key)}:${toJson(value)}`);
  }
  return `{${members.join(",")}}`;
}
