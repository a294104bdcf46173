// `npm start`: builds Tessera when there is no build or the sources are newer than it,
// then serves the production build (scripts/serve.mjs). Migrations are applied by the server itself on
// start (instrumentation.ts), so a fresh data folder needs nothing else.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "server", "prisma", "package.json", "next.config.mjs", "instrumentation.ts"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p)) if (e !== "generated") newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function run(args, env = process.env) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), ...args], {
    stdio: "inherit",
    env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (!built || SOURCES.some((s) => newestMtime(path.join(root, s)) > built)) {
  console.log(built ? "Sources changed since the last build; rebuilding…" : "No production build yet; building…");
  run(["build"]);
}

const port = process.env.PORT || "3000";
const env = { ...process.env, PORT: port, NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}` };
console.log(`Starting Tessera on ${env.NEXTAUTH_URL}`);
const served = spawnSync(process.execPath, [path.join(root, "scripts", "serve.mjs")], { stdio: "inherit", env });
process.exit(served.status ?? 1);
