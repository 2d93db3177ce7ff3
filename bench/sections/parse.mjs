// Parse: parseResponse on each 100-item fixture beside two hand-written JS
// baselines (JSON.parse + map, lossless-json + map), side by side, and the
// boundary split of one parseResponse call: the body into wasm memory, the
// Rust work, the JSON text out, JSON.parse of it, the wrapper around it.

import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { idStats, jsonParseBaseline, losslessBaseline } from "../baseline/index.mjs";
import { generateBodies } from "../lib/bodies.mjs";
import { DATE_HEADER, FIXTURE_DIR, PROVIDERS, QUICK, RESOURCES, fixtureName } from "../lib/common.mjs";
import { median, medianRatio, round, sideBySide } from "../lib/stats.mjs";

const SETTINGS = QUICK ? { repetitions: 3, warmupMs: 20, batchMs: 10 } : { repetitions: 11, warmupMs: 400, batchMs: 60 };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * How the baselines' items compare with parseResponse's, and how many bare
 * ids JSON.parse rounded. A baseline whose items differ in anything but an
 * id it rounded does other work than parseResponse: its timing would compare
 * nothing, so the section stops.
 */
function correctness(truth, provider, resource, body) {
  const result = {};
  for (const [name, baseline] of [["jsonParse", jsonParseBaseline], ["lossless", losslessBaseline]]) {
    idStats.rounded = 0;
    const page = baseline(provider, resource, body, DATE_HEADER);
    const sameApartFromId = (item, index) => isDeepStrictEqual("id" in item ? { ...item, id: truth.items[index]?.id } : item, truth.items[index]);
    const apartFromIds = page.items.filter((item, index) => !sameApartFromId(item, index)).length;
    if (page.items.length !== truth.items.length || apartFromIds > 0) {
      throw new Error(`${provider} ${resource}: the ${name} baseline's items differ from parseResponse's in ${apartFromIds} item(s) apart from ids (${page.items.length} vs ${truth.items.length} items)`);
    }
    result[name] = {
      itemsDiffering: page.items.filter((item, index) => !isDeepStrictEqual(item, truth.items[index])).length,
      wrongIds: page.items.filter((item, index) => item.id !== truth.items[index].id).length,
      bareIdsRounded: idStats.rounded,
      extraWarnings: page.warnings.length - truth.warnings.length,
    };
  }
  return result;
}

function parseCase({ api, glue }, provider, resource, body) {
  const headers = { date: DATE_HEADER };
  const options = { provider, resource, status: 200, headers };
  const truth = api.parseResponse({ ...options, body });
  const items = truth.items.length;
  const optionsJson = JSON.stringify(options);
  const outputJson = glue.parseResponse(optionsJson, body);
  const outputBytes = encoder.encode(outputJson);
  const failFast = (text) => () => {
    try {
      glue.parseResponse("{}", text);
    } catch {
      // Refused after the body was copied in: what is left is the copy.
    }
  };
  const samples = sideBySide(
    {
      wasm: () => api.parseResponse({ ...options, body }),
      jsonParse: () => jsonParseBaseline(provider, resource, body, DATE_HEADER),
      lossless: () => losslessBaseline(provider, resource, body, DATE_HEADER),
      glueCall: () => glue.parseResponse(optionsJson, body),
      refusedWithBody: failFast(body),
      refusedEmpty: failFast(""),
      decodeOut: () => decoder.decode(outputBytes),
      jsonParseOut: () => JSON.parse(outputJson),
    },
    SETTINGS,
  );
  const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const perSecond = (name) => round((items / ms[name]) * 1000, 0);
  const bodyIn = Math.max(0, ms.refusedWithBody - ms.refusedEmpty);
  const rustInWasm = Math.max(0, ms.glueCall - bodyIn - ms.decodeOut);
  const us = (value) => round(value * 1000, 1);
  return {
    provider,
    resource,
    items,
    bodyBytes: Buffer.byteLength(body),
    outputBytes: outputBytes.length,
    itemsPerSecond: { wasm: perSecond("wasm"), jsonParse: perSecond("jsonParse"), lossless: perSecond("lossless") },
    microsPerCall: { wasm: us(ms.wasm), jsonParse: us(ms.jsonParse), lossless: us(ms.lossless) },
    // Time ratios (> 1: parseResponse is slower), median of per-repetition ratios.
    timeRatio: { wasmOverJsonParse: round(medianRatio(samples.wasm, samples.jsonParse)), wasmOverLossless: round(medianRatio(samples.wasm, samples.lossless)) },
    boundaryMicros: {
      total: us(ms.wasm),
      bodyIntoWasm: us(bodyIn),
      rustInWasm: us(rustInWasm),
      jsonTextOut: us(ms.decodeOut),
      jsonParseInJs: us(ms.jsonParseOut),
      wrapper: us(Math.max(0, ms.wasm - ms.glueCall - ms.jsonParseOut)),
    },
    correctness: correctness(truth, provider, resource, body),
    repetitions: SETTINGS.repetitions,
  };
}

export async function runParse(pkg) {
  const fresh = await generateBodies(pkg.api);
  const cases = [];
  let staleFixtures = 0;
  for (const provider of PROVIDERS) {
    for (const resource of RESOURCES) {
      const body = readFileSync(`${FIXTURE_DIR}${fixtureName(provider, resource)}`, "utf8");
      if (fresh[`${provider}.${resource}`] !== body) staleFixtures += 1;
      cases.push(parseCase(pkg, provider, resource, body));
    }
  }
  return { settings: SETTINGS, staleFixtures, cases };
}
