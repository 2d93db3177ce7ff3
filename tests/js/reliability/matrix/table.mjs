// The matrix as a table: rows are faults, columns provider × runtime; a cell
// shows the outcome (recovered, tolerated, or the error's code, status and
// attempts), "✗" marks a cell off its expected outcome (details below the
// table), "–" a fault that cannot happen to that provider, "·" a cell that
// did not run.

import { PROVIDERS, ROWS } from "./rows.mjs";

const SHORT_PROVIDER = { "linkup-v2": "v2", "linkup-v1": "v1", connectsafely: "cs", unipile: "up" };

export function formatTable(results, runtimes) {
  const columns = PROVIDERS.flatMap((provider) => runtimes.map((runtime) => ({ provider, runtime, title: `${SHORT_PROVIDER[provider]} ${runtime}` })));
  const failures = [];
  const lines = ROWS.map((row) => [row.name, ...columns.map(({ provider, runtime }) => {
    const found = results.find((r) => r.row === row.name && r.provider === provider && r.runtime === runtime);
    if (!found) {
      const runtimeRan = results.some((r) => r.runtime === runtime);
      const applicable = results.some((r) => r.row === row.name && r.provider === provider);
      return runtimeRan && !applicable ? "–" : "·";
    }
    if (found.ok) return found.outcome;
    failures.push(found);
    return `✗${failures.length} ${found.outcome}`;
  })]);
  const header = ["fault / provider, runtime", ...columns.map((column) => column.title)];
  const widths = header.map((_, index) => Math.max(...[header, ...lines].map((line) => line[index].length)));
  const format = (line) => line.map((text, index) => text.padEnd(widths[index])).join(" | ").trimEnd();
  const out = [format(header), widths.map((width) => "-".repeat(width)).join("-+-"), ...lines.map(format)];
  const cells = results.length;
  const passed = results.filter((r) => r.ok).length;
  out.push("", `${ROWS.length} faults × ${PROVIDERS.length} providers × ${runtimes.length} runtimes: ${cells} cells ran (the rest cannot happen to that provider), ${passed} as expected, ${cells - passed} not.`);
  failures.forEach((r, index) => {
    out.push(`✗${index + 1} ${r.row} [${r.provider}, ${r.runtime}]: expected ${r.expected}, got ${r.outcome}: ${r.detail}`);
  });
  return out.join("\n");
}
