// The app's entry: a bare `linkedin-network` import that Vite resolves
// (the `default` condition) and bundles, .wasm included.
import * as api from "linkedin-network";
import { runSuite } from "./suite/suite.mjs";

window.runRuntimeSuite = (emulatorUrl) => runSuite(api, { emulatorUrl, runtime: "vite", cases: ["list sentInvitations"] });
api.ready().then(
  () => (document.title = "ready"),
  (error) => (document.title = `failed: ${error.message}`),
);
