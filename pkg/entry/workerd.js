// Cloudflare Workers: the .wasm is imported as a compiled module (Workers
// forbid compiling WebAssembly from bytes at run time) and instantiated at once.
import wasmModule from "../dist/linkedin_network_bg.wasm";
import * as wasm from "../dist/linkedin_network.js";
import { createApi } from "../src/api.js";

wasm.initSync({ module: wasmModule });
const api = createApi(wasm, null);

export const { createClient, ready, buildRequest, parseResponse, planRequests, estimateCredits, LinkedInNetworkError } = api;
export const { diffSnapshots } = api;
