// The results as markdown: a summary table (one row per measure, the package
// beside its alternative or limit), then one table per section.

import { compact, kb, median, round } from "./stats.mjs";

const table = (header, rows) =>
  [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map((cell) => cell ?? "–").join(" | ")} |`)].join("\n");
const x = (value) => (value === null || value === undefined ? "–" : `${value}×`);
const ms = (value) => (value === null || value === undefined ? "–" : `${value} ms`);
const mb = (bytes) => (bytes === null || bytes === undefined ? "–" : `${(bytes / 2 ** 20).toFixed(2)} MB`);
const short = { sentInvitations: "sent", receivedInvitations: "received", connections: "connections" };

function summary({ payload, parse, criterion, fetchAll, startup, memory }) {
  const rows = [];
  if (payload) {
    const u = payload.unipile;
    rows.push(["Payload, gzip -9 (wasm + JS)", kb(payload.package.total.gzip), u.error ? `unipile: ${u.error}` : `${u.package} ESM build: ${kb(u.esm.gzip)}`, u.error ? "–" : x(round(payload.package.total.gzip / u.esm.gzip))]);
  }
  if (parse) {
    const rate = (key) => median(parse.cases.map((c) => c.itemsPerSecond[key]));
    rows.push([`Parse, items/s (median of ${parse.cases.length} pages)`, compact(rate("wasm")), `JSON.parse+map ${compact(rate("jsonParse"))}; lossless-json+map ${compact(rate("lossless"))}`, `time ${x(round(median(parse.cases.map((c) => c.timeRatio.wasmOverJsonParse))))} JSON.parse, ${x(round(median(parse.cases.map((c) => c.timeRatio.wasmOverLossless))))} lossless`]);
  }
  if (criterion?.cases) {
    const rate = median(criterion.cases.map((c) => c.itemsPerSecond));
    rows.push([`Native core (criterion \`json_api\`, release profile), items/s (median of ${criterion.cases.length} pages)`, compact(rate), "target 300 k", x(round(rate / 300_000))]);
  }
  if (fetchAll) {
    const defaults = fetchAll.rows.filter((r) => r.concurrency === fetchAll.defaultConcurrency);
    rows.push([`Fetch-all at ${fetchAll.latencyMs} ms/request, default concurrency`, `ratio to floor ${round(Math.min(...defaults.map((r) => r.ratioToFloor)))}–${round(Math.max(...defaults.map((r) => r.ratioToFloor)))}×, to the checked floor ${round(Math.min(...defaults.map((r) => r.ratioToCheckedFloor)))}–${round(Math.max(...defaults.map((r) => r.ratioToCheckedFloor)))}×`, "latency floor", `credits ${defaults.every((r) => r.credits === r.creditsFloor) ? "= plan floor everywhere" : "above the floor somewhere"}`]);
  }
  if (startup) {
    rows.push(["Start-up Node, import → ready()", ms(startup.node.importToReadyMs), "Cloudflare limit 1000 ms", x(round(startup.node.importToReadyMs / startup.cloudflareLimitMs, 3))]);
    if (!startup.workerd.error) rows.push(["Start-up workerd, module evaluation (Worker's own clock)", ms(startup.workerd.moduleEvaluationMs), "Cloudflare limit 1000 ms", x(round(startup.workerd.moduleEvaluationMs / startup.cloudflareLimitMs, 3))]);
  }
  if (memory) {
    // The provider with the most requests (ConnectSafely: 10,000 outside QUICK).
    const r = memory.rows.filter((row) => row.mode === "package").sort((a, b) => b.requests - a.requests)[0];
    const control = memory.rows.find((row) => row.mode === "fetch" && row.provider === r.provider);
    rows.push([`Memory kept per request over ${r.requests} requests (${r.provider}; slope over the tenths)`, `wasm ${r.wasmSlopePerRequest} B, JS heap ${r.heapSlopePerRequest} B`, `plain fetch control: JS heap ${control?.heapSlopePerRequest} B`, `wasm ${mb(r.start.wasmMemory)} → ${mb(r.end.wasmMemory)}, heap ${mb(r.start.heapUsed)} → ${mb(r.end.heapUsed)}`]);
  }
  return table(["measure", "linkedin-network", "beside", "ratio"], rows);
}

function payloadSection({ package: p, unipile: u, levers: l }) {
  const rows = [
    ["`.wasm`", kb(p.wasm.raw), kb(p.wasm.gzip)],
    ...p.js.files.map((f) => [`\`${f.file}\``, kb(f.raw), kb(f.gzip)]),
    ["**package, browser (wasm + JS)**", kb(p.total.raw), kb(p.total.gzip)],
    ["package JS bundled + minified (esbuild; wasm apart)", kb(p.bundled?.raw), kb(p.bundled?.gzip)],
  ];

  if (l) {
    rows.push([`lever: wasm-opt -Oz vs -O1 on the unsorted output (shipped: -O1 less five passes, functions sorted: scripts/build-package.sh; none: ${kb(l.wasmOpt.none.gzip)})`, `${kb(l.wasmOpt.Oz.raw)} vs ${kb(l.wasmOpt.O1.raw)}`, `${kb(l.wasmOpt.Oz.gzip)} vs ${kb(l.wasmOpt.O1.gzip)}: -O1 buys ${kb(l.wasmOpt.Oz.gzip - l.wasmOpt.O1.gzip)}`]);
    rows.push([`lever: JS as readable sources (generated glue, pkg/src, pkg/entry/default.js) vs shipped (minified glue + bundled entry)`, `${kb(l.js.sources.raw)} vs ${kb(l.js.shipped.raw)}`, `${kb(l.js.sources.gzip)} vs ${kb(l.js.shipped.gzip)}: buys ${kb(l.js.sources.gzip - l.js.shipped.gzip)}`]);
  }
  if (u.error) rows.push([`${u.package}`, "–", u.error]);
  else {
    rows.push([`**${u.package}** \`${u.esmEntry}\` tree (${u.esm.fileCount} files${u.esmIsCommonJs ? "; CommonJS, not ES modules" : ""})`, kb(u.esm.raw), kb(u.esm.gzip)]);
    rows.push([`${u.package} bundled + minified for Node, with ${u.dependencies.join(", ")}`, kb(u.bundled?.raw), kb(u.bundled?.gzip)]);
  }
  return table(["payload", "raw", "gzip -9"], rows);
}

function parseSection(parse) {
  const rows = parse.cases.map((c) => [
    c.provider, short[c.resource], kb(c.bodyBytes), compact(c.itemsPerSecond.wasm), compact(c.itemsPerSecond.jsonParse), compact(c.itemsPerSecond.lossless),
    x(c.timeRatio.wasmOverJsonParse), x(c.timeRatio.wasmOverLossless), `${c.correctness.jsonParse.bareIdsRounded} / ${c.correctness.jsonParse.wrongIds}`,
  ]);
  const split = parse.cases.map((c) => {
    const b = c.boundaryMicros;
    return [c.provider, short[c.resource], b.total, b.bodyIntoWasm, b.rustInWasm, b.jsonTextOut, b.jsonParseInJs, b.wrapper];
  });
  return [
    table(["provider", "list", "body", "parseResponse items/s", "JSON.parse+map", "lossless-json+map", "time vs JSON.parse", "time vs lossless", "JSON.parse: bare ids rounded / wrong ids out"], rows),
    "",
    `Where one parseResponse call's time goes (µs, medians of ${parse.settings.repetitions}):`,
    "",
    table(["provider", "list", "total", "body into wasm", "Rust in wasm", "JSON text out", "JSON.parse in JS", "JS wrapper"], split),
  ].join("\n");
}

function criterionSection(criterion) {
  if (criterion.skipped || criterion.error) return `Native criterion: ${criterion.skipped ? `skipped (${criterion.skipped})` : criterion.error}`;
  const rows = criterion.cases.map((c) => [c.provider, short[c.resource], c.micros.json, c.micros.normalize, c.micros.writeJson, c.micros.json_api, compact(c.itemsPerSecond)]);
  return table(["provider", "list", "JSON parse µs", "normalize µs", "JSON write µs", "total (json_api) µs", "items/s native"], rows);
}

function fetchAllSection(f) {
  const rows = f.rows.map((r) => [
    r.provider, `${short[r.resource]} (${r.size})`, r.concurrency, ms(r.wallMs), ms(r.zeroLatencyMs), `${r.floorRounds} × ${f.latencyMs} = ${ms(r.floorMs)}`, x(r.ratioToFloor), r.checkedFloorRounds, x(r.ratioToCheckedFloor), `${r.boundedRequests} / ${r.plannedRequests}`, r.requests, `${r.credits} / ${r.creditsFloor}`,
  ]);
  return table(["provider", "list", "concurrency", "wall", "wall at 0 ms", "floor", "wall / floor", "checked floor (rounds)", "wall / checked floor", "requests (maxItems = size) / estimate", "requests (whole list)", "credits (ledger) / plan floor"], rows);
}

function startupSection(s) {
  const rows = [
    ["Node: import → ready() (in process)", ms(s.node.importToReadyMs), `${s.node.samples} fresh processes`],
    ["Node: spawn → exit, with the package", ms(s.node.processSpawnToExitMs), `empty node: ${ms(s.node.emptyNodeProcessMs)}`],
  ];
  if (s.workerd.error) rows.push(["workerd", "–", s.workerd.error]);
  else {
    rows.push(["workerd: module evaluation incl. instantiate (Worker's clock)", ms(s.workerd.moduleEvaluationMs), `empty Worker: ${ms(s.workerd.emptyWorkerEvaluationMs)}; ${s.workerd.samples} boots`]);
    rows.push(["Miniflare: new → first response", ms(s.workerd.miniflareFirstResponseMs), `empty Worker: ${ms(s.workerd.emptyWorkerFirstResponseMs)}; the package adds ${ms(s.workerd.packageAddsMs)}`]);
  }
  rows.push(["Cloudflare start-up limit", ms(s.cloudflareLimitMs), ""]);
  return table(["start-up", "median", "beside"], rows);
}

function memorySection(m) {
  const rows = m.rows.map((r) => [
    r.provider, r.mode === "fetch" ? "plain fetch + JSON.parse (control)" : "package `iterate`", compact(r.items), r.requests, `${round(r.seconds, 1)} s`,
    `${mb(r.start.wasmMemory)} → ${mb(r.end.wasmMemory)}`, `${mb(r.start.heapUsed)} → ${mb(r.end.heapUsed)}`, mb(r.peakHeapUsedSampled), r.heapBytesPerRequest, r.heapSlopePerRequest, r.wasmBytesPerRequest, r.wasmSlopePerRequest, mb(r.end.rss),
  ]);
  return table(["provider", "reader", "items", "requests", "time", "wasm memory start → after", "JS heap start → after (gc)", "heap peak (sampled)", "heap B / request (tenth → end)", "heap B / request (slope)", "wasm B / request (tenth → end)", "wasm B / request (slope)", "RSS after"], rows);
}

function syncDaySection(day) {
  const head = "| provider | sync credits | full-read credits | ratio | sync requests | full-read requests | ratio | acceptances seen | state bytes per known item |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  const lines = day.rows.map((r) => `| ${r.provider} | ${r.syncCredits} | ${r.fullCredits} | ${r.creditRatio ?? "–"} | ${r.syncRequests} | ${r.fullRequests} | ${r.requestRatio} | ${r.accepted} | ${r.stateBytesPerKnownItem} (${r.stateBytes} B, ${r.knownItems} items) |`);
  return `Each hour: ${JSON.stringify(day.hour)}. Target: sync ≤ 1/10 of the full read's credits on linkup-v2 and linkup-v1.\n\n${head}\n${lines.join("\n")}`;
}

export function renderMarkdown(results) {
  const { machine, sections } = results;
  const parts = [
    `# linkedin-network benchmarks${results.quick ? " (QUICK: proves the harness runs; numbers not meaningful)" : ""}`,
    "",
    `${machine.date} · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGiB} GiB · load ${machine.loadAverage.join(" ")} · Node ${machine.node} · ${machine.rustc} · commit ${machine.commit}${machine.dirty ? " (+ uncommitted changes)" : ""}`,
    "",
    summary(sections),
  ];
  const add = (title, body) => parts.push("", `## ${title}`, "", body);
  if (sections.payload) add("Payload", payloadSection(sections.payload));
  if (sections.parse) add(`Parse (100-item pages; ${sections.parse.settings.repetitions} side-by-side repetitions, medians)`, parseSection(sections.parse));
  if (sections.criterion) add("Parse, native Rust (criterion medians, µs per 100-item page)", criterionSection(sections.criterion));
  if (sections.fetchAll) add(`Fetch-all (${sections.fetchAll.latencyMs} ms per request, median of ${sections.fetchAll.repetitions})`, fetchAllSection(sections.fetchAll));
  if (sections.startup) add("Start-up", startupSection(sections.startup));
  if (sections.memory) add("Memory", memorySection(sections.memory));
  if (sections.syncDay) add(`A simulated day: ${sections.syncDay.hours} hourly syncs beside a full read of every list each hour`, syncDaySection(sections.syncDay));
  for (const [name, error] of Object.entries(results.errors ?? {})) parts.push("", `**${name} failed:** ${error}`);
  return parts.join("\n");
}
