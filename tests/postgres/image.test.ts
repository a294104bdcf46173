import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/server/db/migrate";
import { createPGlite } from "@/server/db/pglite";
import { readCompose, readEnvFile } from "@/tests/helpers/compose";
import { assembleImage, type ImagePlan, planFinalStage, ROOT, runHealthcheck, startImage } from "@/tests/helpers/image";
import { type PgCluster, startPgCluster } from "@/tests/helpers/pg-cluster";
import { createToken, freePort, type ProductionServer, signIn, waitForHealth } from "@/tests/helpers/production-server";

// The Docker image without Docker (none runs here): the files its final stage copies,
// assembled in an empty folder exactly as its COPY lines say, started with its CMD, as its
// USER, with its ENV, the way `docker run` would, once on PostgreSQL with the Compose
// file's environment and once on the embedded database in a volume. Each run goes the
// whole way: migrate at start, set up, create a token, use it, SIGTERM, and the usage is in
// the database. Needs a build (npm run test:pg makes one). TESSERA_TEST_HTTP_PORT and
// TESSERA_TEST_PG_PORT pin the ports.

const plan: ImagePlan = planFinalStage();
const ADMIN = { email: "admin@image.test", name: "Image Admin", password: "image-password-123" };
const USES = 7;

let app: string;
let scratch: string;
let port: number;
let cluster: PgCluster;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "tessera-image-"));
  // The image's user must reach the app inside it, as it reaches / in a container.
  chmodSync(scratch, 0o755);
  app = path.join(scratch, "app");
  assembleImage(plan, app);
  port = await freePort(process.env.TESSERA_TEST_HTTP_PORT);
  cluster = startPgCluster(await freePort(process.env.TESSERA_TEST_PG_PORT));
}, 60_000);

afterAll(() => {
  cluster?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A folder for a VOLUME, owned by the image's user, as the Dockerfile's RUN makes /data. */
function volume(name: string): string {
  const dir = path.join(scratch, name);
  execFileSync("mkdir", ["-p", dir]);
  if (plan.user && process.getuid?.() === 0) chownSync(dir, plan.user.uid, plan.user.gid);
  return dir;
}

function run(env: Record<string, string>, volumes: Record<string, string> = {}): ProductionServer {
  return startImage(plan, app, { env: { PORT: String(port), ...env }, volumes, url: `http://localhost:${port}` });
}

/** Setup on a fresh server as /setup's form sends it, then a token used USES times; answers the token's name. */
async function setupAndUse(server: ProductionServer): Promise<string> {
  expect((await fetch(`${server.url}/`, { redirect: "manual" })).headers.get("location")).toMatch(/\/setup$/);
  const setup = await fetch(`${server.url}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...ADMIN, confirmPassword: ADMIN.password }),
  });
  expect(setup.status).toBe(201);
  const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
  const name = `image-${Date.now()}`;
  const secret = await createToken(server.url, cookie, name);
  for (let i = 0; i < USES; i++) {
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
  }
  return name;
}

/** The process's exit code; fails with what it printed if it is still running after a minute. */
async function exitOf(server: ProductionServer): Promise<number | null> {
  const late = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`Still running after 60 s:\n${server.output()}`)), 60_000);
    void server.exited.then(() => clearTimeout(timer));
  });
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    await server.stop();
  }
}

/** SIGTERM, as `docker stop` sends it: the process writes what it holds and exits 0. */
async function stopLikeDocker(server: ProductionServer): Promise<void> {
  server.child.kill("SIGTERM");
  expect(await exitOf(server)).toBe(0);
}

const USAGE = `SELECT t.name, t."lastUsedAt" IS NOT NULL AS used, coalesce(sum(u.requests), 0)::int AS requests
  FROM "ApiToken" t LEFT JOIN "ApiTokenUsage" u ON u."tokenId" = t.id WHERE t.name = $1 GROUP BY t.id`;

describe("the final stage's files", () => {
  it("exist after a build, for every COPY source", () => {
    for (const copy of plan.copies) expect(existsSync(copy.source), `${copy.line}: ${path.relative(ROOT, copy.source)}`).toBe(true);
  });

  it("hold the server, its migrations and PGlite's WebAssembly, and no sources or development packages", () => {
    const has = (p: string) => existsSync(path.join(app, p));
    for (const p of ["scripts/serve.mjs", ".next/BUILD_ID", ".next/static", "node_modules/next/package.json"]) expect(has(p), p).toBe(true);
    for (const p of ["pglite.wasm", "pglite.data", "initdb.wasm"]) expect(has(`node_modules/@electric-sql/pglite/dist/${p}`), p).toBe(true);
    expect(readdirSync(path.join(app, "prisma", "migrations")).filter((d) => !d.endsWith(".toml"))).toHaveLength(
      readdirSync(path.join(ROOT, "prisma", "migrations")).filter((d) => !d.endsWith(".toml")).length,
    );
    for (const p of ["app", "server", "lib", "components", "tests", "next.config.mjs", "tsconfig.json", ".env"])
      expect(has(p), p).toBe(false);
    for (const dev of ["typescript", "vitest", "@playwright/test", "prisma", "tsx", "@biomejs/biome", "tailwindcss", "yaml"]) {
      expect(has(`node_modules/${dev}`), dev).toBe(false);
    }
  });
});

describe("the image on PostgreSQL, with the Compose file's environment", () => {
  it("refuses to start on an empty database with TESSERA_SKIP_MIGRATIONS=1, then migrates, serves, and writes usage on SIGTERM", async () => {
    const vars = {
      ...readEnvFile(path.join(ROOT, ".env.example")),
      POSTGRES_PASSWORD: "compose0pw",
      NEXTAUTH_SECRET: "image-test-secret-0123456789abcdef0123",
    };
    const compose = readCompose(vars);
    const db = compose.services.db!.environment!;
    // What the postgres image does with these on its first start.
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE ROLE "${db.POSTGRES_USER}" LOGIN PASSWORD '${db.POSTGRES_PASSWORD}'`);
    await admin.query(`CREATE DATABASE "${db.POSTGRES_DB}" OWNER "${db.POSTGRES_USER}"`);
    await admin.end();
    const { hostname, port: pgPort } = new URL(cluster.url);
    // As Compose passes them: an empty value is an empty variable; `db` is this test's cluster.
    const env = Object.fromEntries(
      Object.entries(compose.services.tessera!.environment!).map(([k, v]) => [
        k,
        String(v ?? "").replace("@db:5432/", `@${hostname}:${pgPort}/`),
      ]),
    );
    env.NEXTAUTH_URL = `http://localhost:${port}`;
    const databaseUrl = env.DATABASE_URL!;

    const skipping = run({ ...env, TESSERA_SKIP_MIGRATIONS: "1" });
    expect(await exitOf(skipping)).toBe(1);
    expect(skipping.output()).toMatch(
      /cannot start: The database lacks \d+ of this version's migrations .*TESSERA_SKIP_MIGRATIONS=1.*npm run db:migrate/s,
    );

    const server = run(env);
    try {
      await waitForHealth(server);
      expect(await runHealthcheck(plan, app, { PORT: String(port) })).toBe(0);
      const name = await setupAndUse(server);
      await stopLikeDocker(server);
      expect(await runHealthcheck(plan, app, { PORT: String(port) })).toBe(1);

      const check = new Client({ connectionString: databaseUrl });
      await check.connect();
      try {
        const migrations = await check.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
        expect(migrations.rows.map((r) => r.migration_name)).toEqual((await readMigrations()).map((m) => m.name));
        expect((await check.query(USAGE, [name])).rows).toEqual([{ name, used: true, requests: USES }]);
      } finally {
        await check.end();
      }
    } finally {
      await server.stop();
    }
  }, 180_000);
});

describe("the image on the embedded database, in a volume", () => {
  it("migrates the empty folder at start, serves, writes usage on SIGTERM, and the data is the image user's", async () => {
    const data = volume("data");
    const env = { NEXTAUTH_URL: `http://localhost:${port}` };
    const server = run(env, { [plan.env.TESSERA_DATA_DIR!]: data });
    let name: string;
    try {
      await waitForHealth(server);
      expect(server.output()).toMatch(/Applied migration/);
      name = await setupAndUse(server);
      await stopLikeDocker(server);
    } finally {
      await server.stop();
    }
    if (plan.user && process.getuid?.() === 0) {
      for (const entry of ["PG_VERSION", "nextauth-secret"]) expect(statSync(path.join(data, entry)).uid, entry).toBe(plan.user.uid);
    }
    const pglite = await createPGlite(data);
    try {
      expect((await pglite.query(USAGE, [name])).rows).toEqual([{ name, used: true, requests: USES }]);
    } finally {
      await pglite.close();
    }
  }, 180_000);
});
