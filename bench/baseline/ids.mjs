// Invitation ids with the package's rules: the URN's digits win; a bare id
// (string or number) must agree with it, else a warning. A bare id that
// JSON.parse read as a Number above 2^53 has already been rounded: it is
// counted in `idStats.rounded` (and then disagrees with its URN).

export const idStats = { rounded: 0 };

const INVITATION_URN = /^urn:[^:]+:(?:invitation|fsd_invitation|fs_relInvitation|relInvitation):(\d{1,20})$/;
const U64_MAX = 18446744073709551615n;

function decimalId(digits) {
  if (!/^\d{1,20}$/.test(digits)) return null;
  const value = BigInt(digits);
  return value <= U64_MAX ? value.toString() : null;
}

/** A bare id field (a decimal string or a JSON integer) as exact digits, or null when absent. */
export function bareId(entry, key) {
  const value = entry[key];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") {
    const id = decimalId(value);
    if (id === null) throw new Error(`${key} should be a decimal id`);
    return id;
  }
  if (typeof value === "bigint" && value >= 0n) return value.toString();
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) {
    if (!Number.isSafeInteger(value)) idStats.rounded += 1;
    return BigInt(value).toString();
  }
  throw new Error(`${key} should be an integer id, got ${typeof value}`);
}

/** `[id, urn]` of an invitation. */
export function invitationId(entry, bareKeys, urnKey, warnings, place) {
  const urn = typeof entry[urnKey] === "string" && entry[urnKey] !== "" ? entry[urnKey] : null;
  if (entry[urnKey] !== undefined && entry[urnKey] !== null && typeof entry[urnKey] !== "string") throw new Error(`${urnKey} should be a string`);
  const match = urn === null ? null : INVITATION_URN.exec(urn.trim());
  const fromUrn = match ? decimalId(match[1]) : null;
  if (urn !== null && fromUrn === null) warnings.push(`${place}.${urnKey}: ${JSON.stringify(urn)} is not an invitation URN`);
  if (fromUrn !== null) {
    for (const key of bareKeys) {
      let bare = null;
      try {
        bare = bareId(entry, key);
      } catch (error) {
        warnings.push(`${error.message}; the URN's id ${fromUrn} is used`);
      }
      if (bare !== null && bare !== fromUrn) warnings.push(`${place}.${key}: ${bare} disagrees with ${urnKey}; the URN's id ${fromUrn} is used`);
    }
    return [fromUrn, urn];
  }
  let found = null;
  for (const key of bareKeys) {
    const bare = bareId(entry, key);
    if (bare === null) continue;
    if (found !== null && found !== bare) throw new Error(`${key} (${bare}) disagrees with ${found} and there is no URN to settle it`);
    found = bare;
  }
  if (found === null) throw new Error(`${urnKey} is missing, and so is every other id field`);
  return [found, urn];
}
