// `npm run test:pg`: the unit and integration suite against a real PostgreSQL at
// DATABASE_URL. Each test file gets its own database on that server.
import { spawnSync } from "node:child_process";

const url = process.env.TESSERA_TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("npm run test:pg needs DATABASE_URL=postgresql://user@host:port/db (a server where it may create and drop databases).");
  process.exit(2);
}
const env = { ...process.env, TESSERA_TEST_DATABASE_URL: url };
delete env.DATABASE_URL;
const r = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(r.status ?? 1);
