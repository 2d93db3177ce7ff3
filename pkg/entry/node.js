// Node: the .wasm is read from disk and instantiated before the first call.
import { readFileSync } from "node:fs";
import * as wasm from "../dist/linkedin_network.js";
import { createApi } from "../src/api.js";

wasm.initSync({ module: readFileSync(new URL("../dist/linkedin_network_bg.wasm", import.meta.url)) });
const api = createApi(wasm, null);

export const { createClient, ready, buildRequest, parseResponse, planRequests, estimateCredits, LinkedInNetworkError } = api;
export const { diffSnapshots } = api;
