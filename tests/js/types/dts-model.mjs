// The declarations of a .d.ts, read with the TypeScript parser into shapes a
// run-time check can walk (runtime-check.mjs): type aliases, interfaces and
// classes (all `extends`, generic parameters bound to their arguments,
// defaults or constraints), unions (flattened), intersections (distributed
// over unions, object members merged), arrays, `Record<string, V>`,
// `Promise<T>`, `AsyncGenerator<T, R, N>`, `Error`, a few DOM globals, and
// function and method signatures. Anything else throws "unsupported".

import ts from "typescript";

// Globals the .d.ts may name without declaring them: checked by instance
// where the runtime has the constructor, else as any non-null object.
const OPAQUE_GLOBALS = new Set(["AbortSignal", "Headers", "Response", "Request", "RequestInit", "URL"]);

const KEYWORDS = {
  [ts.SyntaxKind.StringKeyword]: "string",
  [ts.SyntaxKind.NumberKeyword]: "number",
  [ts.SyntaxKind.BooleanKeyword]: "boolean",
  [ts.SyntaxKind.BigIntKeyword]: "bigint",
  [ts.SyntaxKind.SymbolKeyword]: "symbol",
  [ts.SyntaxKind.UndefinedKeyword]: "undefined",
  [ts.SyntaxKind.VoidKeyword]: "undefined",
  [ts.SyntaxKind.UnknownKeyword]: "unknown",
  [ts.SyntaxKind.AnyKeyword]: "unknown",
  [ts.SyntaxKind.NeverKeyword]: "never",
  [ts.SyntaxKind.ObjectKeyword]: "object",
};

/**
 * The declarations of one .d.ts text: `type(text)` parses TypeScript type
 * text against them into a handle, `resolve(handle)` gives its shape.
 */
export function readDeclarations(text, { fileName = "index.d.ts" } = {}) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const named = new Map(); // name -> declaration nodes (interfaces merge)
  const functions = new Map(); // name -> overloads
  for (const statement of source.statements) {
    const name = statement.name?.text;
    if (!name) continue;
    if (ts.isFunctionDeclaration(statement)) {
      if (!functions.has(name)) functions.set(name, []);
      functions.get(name).push(statement);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (!named.has(name)) named.set(name, []);
      named.get(name).push(statement);
    }
  }
  const memo = new WeakMap();
  let probes = 0;

  const unsupported = (node, what = ts.SyntaxKind[node.kind]) => {
    const where = node.getSourceFile?.() ? ` (${node.getSourceFile().fileName}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1})` : "";
    return new Error(`runtime-check: unsupported ${what}: ${node.getText?.() ?? ""}${where}`);
  };

  // A type is a node in an environment of bound type parameters, or an
  // already resolved shape (`{ shape }`, built for distributions).
  const handle = (node, env = new Map()) => ({ node, env });
  const resolved = (shape) => ({ shape });

  /** Binds a declaration's type parameters to `args` (handles), defaults, then constraints. */
  function bind(parameters, args, callerEnv) {
    const env = new Map();
    (parameters ?? []).forEach((parameter, index) => {
      const given = args?.[index];
      const fallback = parameter.default ?? parameter.constraint;
      env.set(parameter.name.text, given ? handle(given, callerEnv) : fallback ? handle(fallback, env) : resolved({ kind: "prim", name: "unknown" }));
    });
    return env;
  }

  function resolve(type) {
    if (type.shape) return type.shape;
    let byEnv = memo.get(type.node);
    if (!byEnv) memo.set(type.node, (byEnv = new Map()));
    if (byEnv.has(type.env)) return byEnv.get(type.env);
    const shape = resolveNode(type.node, type.env);
    byEnv.set(type.env, shape);
    return shape;
  }

  function resolveNode(node, env) {
    const label = () => display(handle(node, env));
    if (KEYWORDS[node.kind]) return { kind: "prim", name: KEYWORDS[node.kind] };
    if (ts.isParenthesizedTypeNode(node)) return resolve(handle(node.type, env));
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return resolve(handle(node.type, env));
    if (ts.isLiteralTypeNode(node)) {
      const literal = node.literal;
      if (literal.kind === ts.SyntaxKind.NullKeyword) return { kind: "prim", name: "null" };
      if (literal.kind === ts.SyntaxKind.TrueKeyword) return { kind: "literal", value: true };
      if (literal.kind === ts.SyntaxKind.FalseKeyword) return { kind: "literal", value: false };
      if (ts.isStringLiteral(literal)) return { kind: "literal", value: literal.text };
      if (ts.isNumericLiteral(literal)) return { kind: "literal", value: Number(literal.text) };
      throw unsupported(node, "literal");
    }
    if (ts.isUnionTypeNode(node)) return union(node.types.map((member) => handle(member, env)), label());
    if (ts.isIntersectionTypeNode(node)) return intersection(node.types.map((member) => handle(member, env)), label());
    if (ts.isArrayTypeNode(node)) return { kind: "array", element: handle(node.elementType, env) };
    if (ts.isTypeLiteralNode(node)) {
      if (node.members.length === 0) return { kind: "prim", name: "nonNullish" };
      return objectShape([{ members: node.members, env }], label());
    }
    if (ts.isFunctionTypeNode(node)) return { kind: "function", signatures: [signature(node, env)] };
    if (ts.isTypeReferenceNode(node)) return reference(node, env);
    throw unsupported(node);
  }

  function union(members, label) {
    const flat = [];
    for (const member of members) {
      const shape = resolve(member);
      if (shape.kind === "union") flat.push(...shape.members);
      else flat.push(member);
    }
    return { kind: "union", members: flat, label };
  }

  // An intersection distributes over its union members; object members merge
  // into one object (a key in both must satisfy both); other members stay a
  // list of checks (`string & {}`).
  function intersection(members, label) {
    const shapes = members.map(resolve);
    const unionAt = shapes.findIndex((shape) => shape.kind === "union");
    if (unionAt >= 0) {
      const alternatives = shapes[unionAt].members.map((alternative) =>
        resolved(intersection(members.map((member, index) => (index === unionAt ? alternative : member)), label)));
      return union(alternatives, label);
    }
    const objects = shapes.filter((shape) => shape.kind === "object");
    const others = members.filter((_member, index) => shapes[index].kind !== "object");
    if (objects.length === 0) return { kind: "all", members: others, label };
    const props = new Map();
    for (const object of objects) {
      for (const [key, prop] of object.props) {
        const previous = props.get(key);
        props.set(key, previous ? { ...prop, optional: previous.optional && prop.optional, type: resolved({ kind: "all", members: [previous.type, prop.type], label: key }) } : prop);
      }
    }
    const merged = { kind: "object", props, index: objects.find((object) => object.index)?.index ?? null, label, instanceOf: objects.find((object) => object.instanceOf)?.instanceOf ?? null, yields: null };
    return others.length === 0 ? merged : { kind: "all", members: [...others, resolved(merged)], label };
  }

  function reference(node, env) {
    if (!ts.isIdentifier(node.typeName)) throw unsupported(node, "qualified name");
    const name = node.typeName.text;
    const args = node.typeArguments ?? [];
    if (env.has(name)) return resolve(env.get(name));
    const declarations = named.get(name);
    if (declarations) {
      const [first] = declarations;
      if (ts.isTypeAliasDeclaration(first)) return resolve(handle(first.type, bind(first.typeParameters, args, env)));
      return declaredObject(declarations, bind(first.typeParameters, args, env), display(handle(node, env)));
    }
    const arg = (index) => (args[index] ? handle(args[index], env) : resolved({ kind: "prim", name: "unknown" }));
    switch (name) {
      case "Array":
      case "ReadonlyArray":
        return { kind: "array", element: arg(0) };
      case "Promise":
      case "PromiseLike":
        return { kind: "promise", inner: arg(0) };
      case "Record": {
        const key = resolve(arg(0));
        if (key.kind !== "prim" || key.name !== "string") throw unsupported(node, "Record key");
        return { kind: "object", props: new Map(), index: arg(1), label: display(handle(node, env)), instanceOf: null, yields: null };
      }
      case "AsyncGenerator":
      case "AsyncIterableIterator": {
        const props = new Map(["next", "return", "throw"].map((key) => [key, { method: true, optional: false, signatures: [] }]));
        return { kind: "object", props, index: null, label: name, instanceOf: null, yields: { value: arg(0), result: arg(1) } };
      }
      case "Error": {
        const props = new Map([
          ["name", { method: false, optional: false, type: resolved({ kind: "prim", name: "string" }) }],
          ["message", { method: false, optional: false, type: resolved({ kind: "prim", name: "string" }) }],
          ["stack", { method: false, optional: true, type: resolved({ kind: "prim", name: "string" }) }],
          ["cause", { method: false, optional: true, type: resolved({ kind: "prim", name: "unknown" }) }],
        ]);
        return { kind: "object", props, index: null, label: name, instanceOf: Error, yields: null };
      }
      default:
        if (OPAQUE_GLOBALS.has(name)) return { kind: "opaque", name };
        throw unsupported(node, `type reference ${name}`);
    }
  }

  function signature(node, env) {
    return {
      params: node.parameters.map((parameter) => ({
        name: parameter.name.getText(),
        optional: Boolean(parameter.questionToken || parameter.initializer),
        rest: Boolean(parameter.dotDotDotToken),
        type: parameter.type ? handle(parameter.type, env) : resolved({ kind: "prim", name: "unknown" }),
      })),
      returns: node.type ? handle(node.type, env) : resolved({ kind: "prim", name: "unknown" }),
    };
  }

  // Interfaces (all merged declarations) and classes: own members, then
  // every `extends` evaluated in this declaration's environment.
  function declaredObject(declarations, env, label) {
    const parts = [];
    let base = null;
    for (const declaration of declarations) {
      const members = declaration.members.filter((member) => !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword));
      parts.push({ members, env });
      for (const clause of declaration.heritageClauses ?? []) {
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        for (const heritage of clause.types) {
          if (!ts.isIdentifier(heritage.expression)) throw unsupported(heritage, "heritage");
          const synthetic = ts.factory.createTypeReferenceNode(heritage.expression.text, heritage.typeArguments);
          ts.setTextRange(synthetic, heritage);
          Object.defineProperty(synthetic, "parent", { value: heritage });
          const shape = resolve(handle(synthetic, env));
          if (shape.kind !== "object") throw unsupported(heritage, "non-object heritage");
          base = base ? intersection([resolved(base), resolved(shape)], label) : shape;
        }
      }
    }
    const own = objectShape(parts, label);
    if (!base) return own;
    const props = new Map([...base.props, ...own.props]);
    return { ...own, props, index: own.index ?? base.index, instanceOf: own.instanceOf ?? base.instanceOf, yields: own.yields ?? base.yields };
  }

  function objectShape(parts, label) {
    const props = new Map();
    let index = null;
    for (const { members, env } of parts) {
      for (const member of members) {
        if (ts.isConstructorDeclaration(member)) continue;
        if (ts.isIndexSignatureDeclaration(member)) {
          index = handle(member.type, env);
          continue;
        }
        if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) throw unsupported(member, "member");
        const key = member.name.text;
        const optional = Boolean(member.questionToken);
        if (ts.isMethodSignature(member) || ts.isMethodDeclaration(member)) {
          const previous = props.get(key);
          const signatures = [...(previous?.method ? previous.signatures : []), signature(member, env)];
          props.set(key, { method: true, optional, signatures });
        } else if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
          if (!member.type) throw unsupported(member, "untyped property");
          props.set(key, { method: false, optional, type: handle(member.type, env) });
        } else {
          throw unsupported(member, "member");
        }
      }
    }
    return { kind: "object", props, index, label, instanceOf: null, yields: null };
  }

  /** The type as written, type parameters replaced by what they are bound to. */
  function display(type) {
    if (type.shape) return type.shape.label ?? type.shape.name ?? type.shape.kind;
    const { node, env } = type;
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      if (env.has(node.typeName.text)) return display(env.get(node.typeName.text));
      const args = node.typeArguments?.map((arg) => display(handle(arg, env)));
      return args ? `${node.typeName.text}<${args.join(", ")}>` : node.typeName.text;
    }
    if (ts.isUnionTypeNode(node)) return node.types.map((member) => display(handle(member, env))).join(" | ");
    if (ts.isArrayTypeNode(node)) {
      const element = display(handle(node.elementType, env));
      return ts.isUnionTypeNode(node.elementType) ? `(${element})[]` : `${element}[]`;
    }
    if (ts.isParenthesizedTypeNode(node)) return `(${display(handle(node.type, env))})`;
    return node.getText();
  }

  /** A handle for TypeScript type text, resolved against these declarations. */
  function type(textOrHandle) {
    if (typeof textOrHandle !== "string") return textOrHandle;
    probes += 1;
    const probe = ts.createSourceFile(`probe-${probes}.ts`, `type __Probe = ${textOrHandle};`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const [statement] = probe.statements;
    if (!statement || !ts.isTypeAliasDeclaration(statement) || probe.parseDiagnostics?.length) throw new Error(`runtime-check: cannot parse type ${textOrHandle}`);
    return handle(statement.type);
  }

  return {
    source,
    type,
    resolve,
    /** The type as written (`Page<Invitation>`), for messages. */
    display: (t) => display(type(t)),
    /** The overloads of a `declare function`. */
    functionSignatures(name) {
      const overloads = functions.get(name);
      if (!overloads) throw new Error(`runtime-check: no function ${name} in ${fileName}`);
      return overloads.map((overload) => signature(overload, new Map()));
    },
    /** Names of the classes that extend `Error` (what the package throws). */
    errorClasses() {
      return [...named].filter(([, [first]]) => ts.isClassDeclaration(first) && resolve(type(first.name.text)).instanceOf === Error).map(([name]) => name);
    },
  };
}
