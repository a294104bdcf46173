// `npm run test:e2e`: a production build, then Playwright in real Chromium against
// the production server (scripts/serve.mjs) on a fresh data folder (playwright.config.ts starts the server).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const env = { ...process.env, CHROMIUM_PATH: findChromium() };
const bin = (name) => path.join(process.cwd(), "node_modules", ".bin", name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.env.E2E_SKIP_BUILD) run(bin("next"), ["build"]);
run(bin("playwright"), ["test", ...process.argv.slice(2)]);
