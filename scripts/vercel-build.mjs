// Vercel's build command (vercel.json): applies the migrations once per deployment, then
// builds. Functions only check that none is pending (server/config.ts migrationMode): a
// function that migrated would do it on a cold start, bounded by the request's time limits,
// and through the provider's pooled URL, where PostgreSQL's session advisory lock (which
// keeps concurrent migrators apart) does not hold. A failed migration fails the deployment,
// and the one serving now keeps serving.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pooled = process.env.DATABASE_URL?.trim();
if (!pooled) {
  console.error(
    "\n[tessera] cannot build for Vercel: DATABASE_URL is not set. Tessera on Vercel keeps its data in PostgreSQL " +
      "(the embedded database needs a lasting disk, which functions do not have). Set DATABASE_URL (the pooled URL) " +
      "and, when your provider gives one, DATABASE_URL_UNPOOLED (the direct URL, used for migrations) in the " +
      "project's Environment Variables, then redeploy.\n",
  );
  process.exit(1);
}

function run(args, env) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Migrations over the direct connection when there is one; a migration may take longer than
// a request's database limit, so the build allows ten minutes unless told otherwise.
run(["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "migrate.ts")], {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL_UNPOOLED?.trim() || pooled,
  TESSERA_DATABASE_TIMEOUT_MS: process.env.TESSERA_DATABASE_TIMEOUT_MS || "600000",
});
run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], process.env);
