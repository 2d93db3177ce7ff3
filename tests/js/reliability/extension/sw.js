// The fault matrix's service worker. It imports the package STATICALLY, with
// no top-level await, and watches unhandled rejections and the console from
// its first line. Messages: "run-cell" runs one matrix cell and answers its
// result; "probe" checks the watch sees a deliberate rejection; "finish"
// answers every rejection and console line seen.

import * as api from "./linkedin-network/dist/default.js";
import { runCell } from "./js/reliability/matrix/cell.mjs";
import { createWatch, probeWatch } from "./js/reliability/matrix/watch.mjs";

const watch = createWatch();

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === "run-cell") {
    api.ready().then(() => runCell(api, message.spec, watch)).then(
      (result) => sendResponse({ result }),
      (error) => sendResponse({ error: String(error?.stack ?? error) }),
    );
    return true;
  }
  if (message?.type === "probe") {
    probeWatch(watch).then(sendResponse);
    return true;
  }
  if (message?.type === "finish") {
    sendResponse({ rejections: watch.allRejections(), output: watch.allOutput() });
    return false;
  }
  return false;
});
