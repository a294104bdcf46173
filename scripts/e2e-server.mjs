// Playwright's web server: the production server (scripts/serve.mjs) on a fresh, empty
// data folder, so every e2e run begins at first-run setup, like a new user's machine.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = mkdtempSync(path.join(tmpdir(), "tessera-e2e-"));
const port = process.env.E2E_PORT || "3100";
// Only E2E_DATABASE_URL picks a PostgreSQL: a DATABASE_URL left in the shell must not leak in.
const env = { ...process.env, PORT: port, NODE_ENV: "production", TESSERA_DATA_DIR: dataDir, NEXTAUTH_URL: `http://localhost:${port}` };
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
const child = spawn(process.execPath, [path.join(process.cwd(), "scripts", "serve.mjs")], { stdio: "inherit", env });
const stop = () => {
  child.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
