// `wrangler deploy --dry-run`: wrangler resolves and bundles a Worker exactly
// as it would deploy it, and writes the upload into a directory.

import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WRANGLER = fileURLToPath(new URL("../../../../node_modules/wrangler/bin/wrangler.js", import.meta.url));

/** Runs the dry run in `appDir` with `config`; resolves to wrangler's output text. */
export function wranglerDryRun(appDir, config, outDir, { timeoutMs = 60000 } = {}) {
  const args = [WRANGLER, "deploy", "--dry-run", "--config", config, "--outdir", outDir];
  // Logs and user config stay in the temp app dir.
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: join(appDir, ".wrangler", "logs"), XDG_CONFIG_HOME: join(appDir, ".config"), CI: "1" };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: appDir, env, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrangler ${config} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(`${stdout}${stderr}`);
    });
  });
}
