// Rewrites a .wasm's function names (its `name` section) into the keys the
// build sorts functions by (wasm-opt --reorder-functions-by-name, which then
// strips the names): a trait method's impls side by side, whatever the type
// (`<X as core::iter::Iterator>::next` as `core::iter::Iterator::next X`),
// everything else by its path. Similar code within gzip's 32 KB window
// compresses better: -0.6 KB gzipped against sorting by the names as they
// are, -1.0 KB against no sorting (bench/FINDINGS.md). Only the names change;
// the code, its order of definition and every index stay as they were.
//
// node scripts/wasm-sort-names.mjs <in.wasm> <out.wasm>

import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
const bytes = readFileSync(input);

/** An unsigned LEB128 at `view.at`, which it moves past. */
function readLeb(view) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[view.at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** The sort key of one function name (Rust's v0 or legacy demangled form). */
function sortKey(name) {
  const clean = name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
  const impl = /^<(.+?) as (.+?)>::(.*)$/.exec(clean);
  return impl ? `${impl[2]}::${impl[3]} ${impl[1]}` : clean;
}

/** The `name` section with its function names (subsection 1) replaced by keys. */
function rewriteNames(content) {
  const view = { at: content.start };
  const parts = [];
  const titleLength = readLeb(view);
  view.at += titleLength;
  parts.push(bytes.subarray(content.start, view.at));
  while (view.at < content.end) {
    const subStart = view.at;
    const id = bytes[view.at++];
    const length = readLeb(view);
    const end = view.at + length;
    if (id !== 1) {
      parts.push(bytes.subarray(subStart, end));
      view.at = end;
      continue;
    }
    const count = readLeb(view);
    const entries = [leb(count)];
    for (let i = 0; i < count; i += 1) {
      const index = readLeb(view);
      const nameLength = readLeb(view);
      const name = bytes.subarray(view.at, view.at + nameLength).toString("utf8");
      view.at += nameLength;
      const key = Buffer.from(sortKey(name), "utf8");
      entries.push(leb(index), leb(key.length), key);
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([1]), leb(body.length), body);
    view.at = end;
  }
  return Buffer.concat(parts);
}

const out = [bytes.subarray(0, 8)];
const cursor = { at: 8 };
let renamed = false;
while (cursor.at < bytes.length) {
  const start = cursor.at;
  const id = bytes[cursor.at++];
  const length = readLeb(cursor);
  const end = cursor.at + length;
  const probe = { at: cursor.at };
  const titleLength = id === 0 ? readLeb(probe) : 0;
  const title = id === 0 ? bytes.subarray(probe.at, probe.at + titleLength).toString("utf8") : "";
  if (title === "name") {
    const content = rewriteNames({ start: cursor.at, end });
    out.push(Buffer.from([0]), leb(content.length), content);
    renamed = true;
  } else {
    out.push(bytes.subarray(start, end));
  }
  cursor.at = end;
}
if (!renamed) throw new Error(`${input} has no name section: run wasm-bindgen with --keep-debug`);
writeFileSync(output, Buffer.concat(out));
