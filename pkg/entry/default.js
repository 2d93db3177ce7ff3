// Browsers, extension service workers, bundlers: the .wasm is fetched from
// next to this module. No top-level await (an MV3 service worker that awaits
// at the top level dies at once): loading starts here, calls await it.
import init, * as wasm from "../dist/linkedin_network.js";
import { createApi } from "../src/api.js";

const api = createApi(wasm, init({ module_or_path: new URL("../dist/linkedin_network_bg.wasm", import.meta.url) }));

export const { createClient, ready, buildRequest, parseResponse, planRequests, estimateCredits, LinkedInNetworkError } = api;
export const { diffSnapshots } = api;
