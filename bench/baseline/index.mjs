// The two JS baselines the parse benchmark sets beside parseResponse:
// JSON.parse + map (fast; rounds bare ids above 2^53) and lossless-json +
// map (exact: integers above 2^53 become BigInt, as its README suggests).

import { isInteger, isSafeNumber, parse as losslessParse } from "lossless-json";
import { makeBaseline } from "./providers.mjs";

export { idStats } from "./ids.mjs";

const parseNumber = (value) => (isInteger(value) && !isSafeNumber(value) ? BigInt(value) : parseFloat(value));

export const jsonParseBaseline = makeBaseline((body) => JSON.parse(body));
export const losslessBaseline = makeBaseline((body) => losslessParse(body, null, parseNumber));
