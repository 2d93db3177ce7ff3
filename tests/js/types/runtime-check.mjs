// A run-time validator built from the shipped declarations (pkg/index.d.ts),
// so what the code returns cannot drift from what the types promise. The
// TypeScript parser reads the file; nothing here restates a field: edit the
// .d.ts and the check changes with it.
//
// Understood: string/number/boolean/null/undefined/unknown/never, literals,
// unions (an object union narrows on its literal discriminant, e.g. `kind`),
// intersections (`string & {}`, option mixins, distributed over unions),
// arrays, `Record<string, V>`, interfaces and classes with `extends` and
// generic parameters (defaults, constraints), type aliases, method and
// function signatures, `Promise<T>`, `AsyncGenerator<T, R, N>`, `Error` and a
// few DOM globals (checked with `instanceof` where they exist). Anything else
// throws "unsupported", so a construct the checker does not know never passes
// silently.
//
// Strict by default: an object key the declaration does not list is an
// error, a listed key that is absent is an error unless `?`; methods only
// have to be callable (own, non-enumerable or inherited).

import { readFileSync } from "node:fs";
import { readDeclarations } from "./dts-model.mjs";

export const SHIPPED_DTS = new URL("../../../pkg/index.d.ts", import.meta.url);

/**
 * The text of pkg/index.d.ts (or `url`) and of every declaration file it
 * imports or re-exports (`from "./types/model.js"` is types/model.d.ts),
 * each once, joined: one set of declarations, as TypeScript sees them.
 */
export function readShippedDeclarations(url = SHIPPED_DTS, seen = new Set()) {
  if (seen.has(url.href)) return "";
  seen.add(url.href);
  const text = readFileSync(url, "utf8");
  const parts = [text];
  for (const [, specifier] of text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) {
    parts.push(readShippedDeclarations(new URL(`${specifier}.d.ts`, url), seen));
  }
  return parts.join("\n");
}

/** Reads pkg/index.d.ts (or `url`) and the files it imports from disk. */
export function loadShippedDeclarations(url = SHIPPED_DTS) {
  return loadDeclarations(readShippedDeclarations(url), { fileName: "index.d.ts" });
}

const PRIMITIVE_TEST = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  bigint: (v) => typeof v === "bigint",
  symbol: (v) => typeof v === "symbol",
  undefined: (v) => v === undefined,
  null: (v) => v === null,
  unknown: () => true,
  never: () => false,
  object: (v) => (typeof v === "object" && v !== null) || typeof v === "function",
  nonNullish: (v) => v !== null && v !== undefined,
};

const isObject = (v) => typeof v === "object" && v !== null;
const isThenable = (v) => (isObject(v) || typeof v === "function") && typeof v.then === "function";

/** What a failing value was, for a message: `number 42`, `string "x"`, `null`. */
export function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array (length ${value.length})`;
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof value} ${String(value)}`;
    case "object":
      return value instanceof Error ? `${value.name}: ${value.message}` : "object";
    default:
      return typeof value;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
export const keyPath = (path, key) =>
  typeof key === "number" ? `${path}[${key}]` : IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/**
 * The declarations of one .d.ts text. `check(type, value)` returns every
 * mismatch as `path: expected …, got …` (empty when the value conforms);
 * `type` is TypeScript text (`"Page<Invitation>"`) or a handle from `type()`.
 */
export function loadDeclarations(text, options) {
  const model = readDeclarations(text, options);
  const { resolve, type } = model;
  const display = model.display;

  function checkInto(type, value, path, errors, options) {
    const shape = resolve(type);
    const fail = (expected = display(type)) => errors.push(`${path || "(value)"}: expected ${expected}, got ${describe(value)}`);
    switch (shape.kind) {
      case "prim":
        if (!PRIMITIVE_TEST[shape.name](value)) fail(shape.name === "nonNullish" ? "{}" : undefined);
        return;
      case "literal":
        if (value !== shape.value) fail();
        return;
      case "all":
        for (const member of shape.members) checkInto(member, value, path, errors, options);
        return;
      case "opaque": {
        const constructor = globalThis[shape.name];
        if (typeof constructor === "function" ? !(value instanceof constructor) : !isObject(value)) fail();
        return;
      }
      case "function":
        if (typeof value !== "function") fail();
        return;
      case "promise":
        if (!isThenable(value)) fail();
        return;
      case "array":
        if (!Array.isArray(value)) return void fail();
        value.forEach((element, index) => checkInto(shape.element, element, keyPath(path, index), errors, options));
        return;
      case "object":
        return checkObject(shape, value, path, errors, options, fail);
      case "union":
        return checkUnion(type, shape, value, path, errors, options, fail);
      default:
        throw new Error(`runtime-check: no check for ${shape.kind}`);
    }
  }

  function checkObject(shape, value, path, errors, options, fail) {
    if (!isObject(value) || Array.isArray(value) || (shape.instanceOf && !(value instanceof shape.instanceOf))) return void fail(shape.label);
    for (const [key, prop] of shape.props) {
      const at = keyPath(path, key);
      if (prop.method) {
        if (typeof value[key] !== "function" && !(prop.optional && value[key] === undefined)) {
          errors.push(`${at}: expected a method, got ${key in value ? describe(value[key]) : "nothing (key missing)"}`);
        }
      } else if (!(key in value)) {
        if (!prop.optional) errors.push(`${at}: expected ${display(prop.type)}, got nothing (key missing)`);
      } else if (!(prop.optional && value[key] === undefined)) {
        checkInto(prop.type, value[key], at, errors, options);
      }
    }
    for (const key of Object.keys(value)) {
      if (shape.props.has(key)) continue;
      if (shape.index) checkInto(shape.index, value[key], keyPath(path, key), errors, options);
      else if (options.strict) errors.push(`${keyPath(path, key)}: not declared in ${shape.label} (extra key), got ${describe(value[key])}`);
    }
  }

  // Passes if one member passes. Otherwise the message goes as deep as can
  // be told: the member a literal discriminant (`kind`) selects, or the only
  // member of the value's sort (an object for `RelativeTime | null`).
  function checkUnion(type, shape, value, path, errors, options, fail) {
    const attempts = shape.members.map((member) => {
      const found = [];
      checkInto(member, value, path, found, options);
      return { member, found, shape: resolve(member) };
    });
    if (attempts.some((attempt) => attempt.found.length === 0)) return;
    const sortOf = (s) => (s.kind === "object" ? "object" : s.kind === "array" ? "array" : "other");
    const sort = Array.isArray(value) ? "array" : isObject(value) ? "object" : "other";
    let candidates = attempts.filter((attempt) => sortOf(attempt.shape) === sort && sort !== "other");
    if (sort === "object" && candidates.length > 1) {
      for (const key of candidates[0].shape.props.keys()) {
        const literals = candidates.map((c) => c.shape.props.get(key)).map((p) => (p && !p.method ? resolve(p.type) : null));
        if (!literals.every((l) => l?.kind === "literal")) continue;
        const chosen = candidates.filter((_c, i) => literals[i].value === value[key]);
        if (chosen.length === 0) {
          errors.push(`${keyPath(path, key)}: expected ${literals.map((l) => JSON.stringify(l.value)).join(" | ")}, got ${describe(value[key])}`);
          return;
        }
        candidates = chosen;
      }
    }
    if (candidates.length === 1) errors.push(...candidates[0].found);
    else fail();
  }

  return {
    ...model,
    /** Every mismatch of `value` against `t` (empty: it conforms). `strict: false` allows extra keys. */
    check(t, value, { strict = true } = {}) {
      const errors = [];
      checkInto(type(t), value, "", errors, { strict });
      return errors;
    },
  };
}
