// Wraps the package's functions so that every value they hand back is checked
// against its declared type in pkg/index.d.ts, as it is handed back. The
// types come from the declarations' own signatures: `createClient` returns
// `Client`, whose `sentInvitations: ResourceClient<Invitation>` has
// `list(): Promise<Page<T>>`, so a list page of sent invitations is checked
// as `Page<Invitation>`, its `next()` as `Promise<Page<Invitation> | null>`,
// an `iterate()` iterator as `RunIterator<Invitation>` and each item it
// yields as the generator's `Invitation`, an `onProgress` callback's argument
// as its declared parameter (`Progress`), and every error thrown as the
// declared `Error` class (and its `toJSON()` as that method's return type).
//
// Values keep their behaviour: objects with methods (the client, a page) are
// copied with the same prototype, descriptors and frozenness, their methods
// wrapped; an iterator gets a checking `next` (non-enumerable, own).

export class ContractMismatch extends Error {
  constructor(label, errors, cause) {
    super(`${label} does not match pkg/index.d.ts:\n  ${errors.join("\n  ")}`, cause === undefined ? undefined : { cause });
    this.name = "ContractMismatch";
    this.errors = errors;
  }
}

const isObject = (v) => (typeof v === "object" && v !== null) || typeof v === "function";

/**
 * `decls` from runtime-check's loadDeclarations. `stats` counts checked
 * values and collects mismatches (also thrown, so the calling test fails).
 */
export function createContract(decls) {
  const stats = { checked: 0, mismatches: [] };
  const callbackThrows = new Set();
  const errorClasses = decls.errorClasses().map((name) => ({ name, type: decls.type(name) }));

  function verify(type, value, label, cause) {
    stats.checked += 1;
    const errors = decls.check(type, value);
    if (errors.length === 0) return null;
    const mismatch = new ContractMismatch(`${label}: ${decls.display(type)}`, errors, cause);
    stats.mismatches.push(mismatch.message);
    return mismatch;
  }
  const assertType = (type, value, label) => {
    const mismatch = verify(type, value, label);
    if (mismatch) throw mismatch;
  };

  // Methods and nested method holders need wrapping; plain data does not.
  function hasMethods(shape, seen = new Set()) {
    if (shape.kind === "union") return shape.members.some((member) => hasMethods(decls.resolve(member), seen));
    if (shape.kind !== "object" || seen.has(shape)) return false;
    seen.add(shape);
    for (const prop of shape.props.values()) {
      if (prop.method || hasMethods(decls.resolve(prop.type), seen)) return true;
    }
    return false;
  }

  /** A thrown value, checked: the declared error class and its toJSON(). Returns what to throw. */
  function checkThrown(error, label) {
    if (error instanceof ContractMismatch || callbackThrows.has(error)) return error;
    const declared = errorClasses.find(({ name }) => error instanceof Error && error.name === name);
    if (!declared) {
      const mismatch = new ContractMismatch(`${label} threw`, [`expected ${errorClasses.map((c) => c.name).join(" | ")}, got ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`], error);
      stats.checked += 1;
      stats.mismatches.push(mismatch.message);
      return mismatch;
    }
    const mismatch = verify(declared.type, error, `${label} threw`, error);
    if (mismatch) return mismatch;
    const toJSON = decls.resolve(declared.type).props.get("toJSON");
    if (toJSON?.method && typeof error.toJSON === "function") {
      const json = verify(toJSON.signatures[0].returns, error.toJSON(), `${label} threw, toJSON()`, error);
      if (json) return json;
    }
    return error;
  }

  /** Checks `value` as `type` and returns it, methods wrapped, promises checked once settled. */
  function wrapValue(type, value, label) {
    const shape = decls.resolve(type);
    if (shape.kind === "promise") {
      if (typeof value?.then !== "function") assertType(type, value, label);
      return Promise.resolve(value).then(
        (settled) => wrapValue(shape.inner, settled, label),
        (error) => {
          throw checkThrown(error, label);
        },
      );
    }
    assertType(type, value, label);
    let target = shape;
    if (shape.kind === "union") {
      const member = shape.members.find((m) => decls.check(m, value).length === 0);
      target = member ? decls.resolve(member) : shape;
    }
    if (target.kind !== "object" || !isObject(value)) return value;
    if (target.yields) return checkingIterator(type, target, value, label);
    return hasMethods(target) ? wrapObject(target, value, label) : value;
  }

  function wrapObject(shape, value, label) {
    const descriptors = Object.getOwnPropertyDescriptors(value);
    for (const [key, descriptor] of Object.entries(descriptors)) {
      const prop = shape.props.get(key);
      if (!prop || !("value" in descriptor)) continue;
      const at = `${label}.${key}`;
      if (prop.method && typeof descriptor.value === "function") descriptor.value = wrapFunction(prop.signatures, descriptor.value, at, value);
      else if (!prop.method && hasMethods(decls.resolve(prop.type))) descriptor.value = wrapValue(prop.type, descriptor.value, at);
    }
    const copy = Object.create(Object.getPrototypeOf(value), descriptors);
    return Object.isFrozen(value) ? Object.freeze(copy) : copy;
  }

  // The generator itself stays (for-await, return(), `cursor` unchanged);
  // its own `next` checks each result and the iterator after it.
  function checkingIterator(type, shape, iterator, label) {
    const next = iterator.next;
    Object.defineProperty(iterator, "next", {
      configurable: true,
      writable: true,
      enumerable: false,
      value: (...args) =>
        Promise.resolve(next.apply(iterator, args)).then(
          (result) => {
            if (result.done) assertType(shape.yields.result, result.value, `${label} return value`);
            else assertType(shape.yields.value, result.value, `${label} item`);
            assertType(type, iterator, `${label} after next()`);
            return result;
          },
          (error) => {
            throw checkThrown(error, label);
          },
        ),
    });
    return iterator;
  }

  // The overload the arguments satisfy (extra keys allowed), else the last.
  function pickSignature(signatures, args) {
    if (signatures.length === 1) return signatures[0];
    const fits = (signature) =>
      signature.params.every((param, index) =>
        index >= args.length ? param.optional || param.rest : decls.check(param.type, args[index], { strict: false }).length === 0);
    return signatures.find(fits) ?? signatures.at(-1);
  }

  // Callbacks the caller passes (`onProgress`, `fetch`): their arguments are
  // values the package produces, checked as the declared parameters.
  function wrapCallback(signatures, callback, label) {
    const [{ params }] = signatures;
    return function checkedCallback(...args) {
      args.forEach((arg, index) => params[index] && assertType(params[index].type, arg, `${label} argument ${params[index].name}`));
      try {
        return callback.apply(this, args);
      } catch (error) {
        if (isObject(error)) callbackThrows.add(error);
        throw error;
      }
    };
  }

  function functionShapes(type) {
    const shape = decls.resolve(type);
    if (shape.kind === "function") return [shape];
    if (shape.kind === "union") return shape.members.map(decls.resolve).filter((member) => member.kind === "function");
    return [];
  }

  function objectShapes(type) {
    const shape = decls.resolve(type);
    if (shape.kind === "object") return [shape];
    if (shape.kind === "union") return shape.members.flatMap(objectShapes);
    return [];
  }

  function wrapArgument(type, arg, label) {
    if (typeof arg === "function") {
      const [fn] = functionShapes(type);
      return fn ? wrapCallback(fn.signatures, arg, label) : arg;
    }
    if (!isObject(arg) || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) return arg;
    let copy = null;
    for (const shape of objectShapes(type)) {
      for (const [key, prop] of shape.props) {
        if (prop.method || typeof arg[key] !== "function" || (copy && copy[key] !== arg[key])) continue;
        const [fn] = functionShapes(prop.type);
        if (!fn) continue;
        copy ??= { ...arg };
        copy[key] = wrapCallback(fn.signatures, arg[key], `${label} ${key}`);
      }
    }
    return copy ?? arg;
  }

  /** `fn` (one of `signatures`), its results and errors checked. */
  function wrapFunction(signatures, fn, label, thisArg) {
    return function checked(...args) {
      const signature = pickSignature(signatures, args);
      const callArgs = args.map((arg, index) => (signature.params[index] ? wrapArgument(signature.params[index].type, arg, label) : arg));
      let result;
      try {
        result = fn.apply(thisArg ?? this, callArgs);
      } catch (error) {
        throw checkThrown(error, `${label}()`);
      }
      return wrapValue(signature.returns, result, `${label}()`);
    };
  }

  return {
    stats,
    wrapFunction,
    wrapValue,
    checkThrown,
    /** A `declare function` of the .d.ts, checked. */
    wrapDeclared: (name, fn) => wrapFunction(decls.functionSignatures(name), fn, name),
  };
}
