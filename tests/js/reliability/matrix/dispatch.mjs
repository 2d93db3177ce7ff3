// Runs every cell of the matrix in one runtime through its runner, a bounded
// number at a time (the 17 MiB cells one at a time beside the others), each
// with fresh canary credentials. A runner that throws for a cell gives a
// failed cell, never a missing one.

import { cellsOf } from "./rows.mjs";

let counter = 0;

function tagFor(runtime, cell) {
  counter += 1;
  const row = cell.row.replace(/[^a-z0-9]+/gi, "").slice(0, 12).toLowerCase();
  return `${runtime.slice(0, 4)}-${row}-${cell.provider.slice(-2)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** `runner`: { runtime, run(spec) }; resolves to one result per cell. */
export async function runMatrix(runner, { emulatorUrl, elsewhereUrl, cells = cellsOf(), concurrency = 8 }) {
  const results = [];
  const runOne = async (cell) => {
    const spec = { row: cell.row, provider: cell.provider, tag: tagFor(runner.runtime, cell), emulatorUrl, elsewhereUrl };
    try {
      results.push(await runner.run(spec));
    } catch (error) {
      results.push({ row: cell.row, provider: cell.provider, runtime: runner.runtime, ok: false, outcome: "ERROR", expected: "?", detail: String(error?.stack ?? error) });
    }
  };
  const pool = async (list, width) => {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(width, list.length) }, async () => {
      while (next < list.length) await runOne(list[next++]);
    }));
  };
  await Promise.all([pool(cells.filter((cell) => !cell.heavy), concurrency), pool(cells.filter((cell) => cell.heavy), 1)]);
  return results;
}
