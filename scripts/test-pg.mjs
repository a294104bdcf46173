// `npm run test:pg`: the unit and integration suite against a real PostgreSQL at
// DATABASE_URL. Each test file gets its own database on that server. Tests that only
// make sense on PostgreSQL (tests/postgres/) run here too; several drive the production
// server or the Docker image's files, so a build is made first when there is none (CI runs
// this after `npm test`, which builds).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const url = process.env.TESSERA_TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("npm run test:pg needs DATABASE_URL=postgresql://user@host:port/db (a server where it may create and drop databases).");
  process.exit(2);
}
const env = { ...process.env, TESSERA_TEST_DATABASE_URL: url, CHROMIUM_PATH: findChromium() };
delete env.DATABASE_URL;
const run = (cmd, args, runEnv) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: runEnv });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// The image test (tests/postgres/image.test.ts) also needs the standalone output, which
// builds made before it existed lack.
const built = ["BUILD_ID", "standalone/server.js"].every((f) => existsSync(path.join(process.cwd(), ".next", f)));
if (!built) {
  console.log("No production build yet: building it for the tests that run the production server and the image…");
  const buildEnv = { ...process.env };
  delete buildEnv.DATABASE_URL;
  run(path.join(process.cwd(), "node_modules", ".bin", "next"), ["build"], buildEnv);
}
run("npx", ["vitest", "run", ...process.argv.slice(2)], env);
