// `npm run bench:list`: the token list at 100,000 tokens (`-- --million`: 1,000,000), in process
// and over HTTP against the production build, on PGlite and (with BENCH_DATABASE_URL) on
// PostgreSQL. Each query prints p50 and p95 next to `SELECT 1` through the same path — Prisma in
// process, GET /api/health (one `SELECT 1` through Prisma) over HTTP — and the ratio of the p95s.
// A benchmark, not a test: it never fails on timing. Figures go in docs/performance.md.
//
//   npm run build && npm run bench:list
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:list -- --million --pg-only
//
// BENCH_DATABASE_URL names a server where it may create (and afterwards drop) a database of its own.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { listTokensQuery } from "../lib/schemas/token";
import { encodeTokenCursor } from "../lib/tokens/list-cursor";
import { closeDb, createClient, type Db, setDatabase } from "../server/db";
import { pgDriver, pgliteDriver } from "../server/db/drivers";
import { migrate } from "../server/db/migrate";
import { createPGlite } from "../server/db/pglite";
import { listTokens } from "../server/tokens/token-list";
import { createBenchToken } from "./bench-token.mjs";

const args = new Set(process.argv.slice(2));
const TOKENS = Number(process.env.BENCH_TOKENS ?? (args.has("--million") ? 1_000_000 : 100_000));
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3201);
const root = process.cwd();

// Names like people give them: team, service, environment and a number; a search for a word
// matches thousands, a search for a name's tail a handful.
const SEED_SQL = (count: number) => `
  SELECT setseed(0.42);
  INSERT INTO "ApiToken" ("name", "secretHash", "preview", "createdBy", "updatedBy", "updatedAt", "createdAt",
                          "lastUsedAt", "expiresAt", "disabledAt", "disabledReason", "deletedAt")
  SELECT (ARRAY['payments','billing','search','infra','data','mobile','web','ops'])[1 + g % 8] || '-' ||
         (ARRAY['api','worker','cron','deploy','ci','sync','export'])[1 + (g / 8) % 7] || '-' ||
         (ARRAY['prod','staging','dev'])[1 + (g / 56) % 3] || '-' || g,
         md5(g::text) || md5('s' || g), 'tsr_abcd…wxyz', 'bench', 'bench', now(),
         now() - random() * interval '730 days',
         CASE WHEN random() < 0.3 THEN NULL ELSE now() - random() * interval '90 days' END,
         CASE WHEN random() < 0.3 THEN NULL ELSE now() + (random() * 425 - 60) * interval '1 day' END,
         CASE WHEN g % 50 = 0 THEN now() ELSE NULL END,
         CASE WHEN g % 50 = 0 THEN 'manual' ELSE NULL END,
         CASE WHEN g % 100 = 7 THEN now() ELSE NULL END
  FROM generate_series(1, ${count}) g;`;

type Sample = { p50: number; p95: number };
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

async function sample(fn: () => Promise<unknown>): Promise<Sample> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** The list queries measured: the default view, every sort, the status filters, searches, deep pages. */
async function queries(db: Db): Promise<[string, string][]> {
  const middle = await db.apiToken.findFirst({ where: { deletedAt: null }, orderBy: { name: "asc" }, skip: Math.floor(TOKENS / 2) });
  const middleByName = encodeTokenCursor({ direction: "after", sort: "name", key: middle!.name, id: middle!.id });
  const end = (sort: string) => encodeTokenCursor({ direction: "end", sort, key: null, id: 0 });
  return [
    ["default (newest first)", ""],
    ...["name", "-name", "createdAt", "lastUsedAt", "-lastUsedAt", "expiresAt", "-expiresAt"].map((s): [string, string] => [
      `sort=${s}`,
      `sort=${s}`,
    ]),
    ...["active", "expiring", "expired", "disabled"].map((s): [string, string] => [`status=${s}`, `status=${s}`]),
    ["q=billing (a word, many matches)", "q=billing"],
    ["q=ci-prod-12 (few matches)", "q=ci-prod-12"],
    ["q=12 (two characters)", "q=12"],
    ["unused for 60 days", "unusedForDays=60"],
    ["last page (lastCursor)", `cursor=${end("-createdAt")}&page=2`],
    ["last page by name (lastCursor)", `sort=name&cursor=${end("name")}&page=2`],
    ["middle by name (cursor)", `sort=name&cursor=${middleByName}&page=2`],
    ["page 250 by name (offset)", "sort=name&page=250"],
  ];
}

const fmt = (ms: number) => ms.toFixed(1).padStart(7);
function printRow(name: string, s: Sample, base: Sample) {
  console.log(`  ${name.padEnd(38)} p50 ${fmt(s.p50)} ms  p95 ${fmt(s.p95)} ms   ×${(s.p95 / base.p95).toFixed(1).padStart(5)} SELECT 1`);
}

async function inProcess(db: Db, list: [string, string][]) {
  const base = await sample(() => db.$queryRaw`SELECT 1`);
  console.log(`  in process (listTokens):`);
  console.log(`  ${"SELECT 1 through Prisma".padEnd(38)} p50 ${fmt(base.p50)} ms  p95 ${fmt(base.p95)} ms`);
  for (const [name, qs] of list) {
    const query = listTokensQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
    printRow(name, await sample(() => listTokens(query)), base);
  }
}

function get(url: string, headers: Record<string, string>, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

async function overHttp(url: string, token: string, list: [string, string][]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { authorization: `Bearer ${token}` };
  // The server's start-up work (the idle policy, expiry notices) shares the database: let it finish.
  for (const stop = performance.now() + 5000; performance.now() < stop; ) await get(`${url}/api/v1/tokens`, auth, agent);
  const base = await sample(() => get(`${url}/api/health`, {}, agent));
  console.log(`  over HTTP (GET /api/v1/tokens, one request at a time):`);
  console.log(`  ${"GET /api/health (SELECT 1)".padEnd(38)} p50 ${fmt(base.p50)} ms  p95 ${fmt(base.p95)} ms`);
  for (const [name, qs] of list) printRow(name, await sample(() => get(`${url}/api/v1/tokens?${qs}`, auth, agent)), base);
  agent.destroy();
}

async function startServer(env: Record<string, string>) {
  const admin = { email: "bench@tessera.test", password: "bench-password-123" };
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    env: {
      ...process.env,
      ...env,
      PORT: String(PORT),
      NODE_ENV: "production",
      // The notifier would spend the first minutes sending expiry notices for the seeded tokens.
      TESSERA_SCHEDULER: "off",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      TESSERA_ADMIN_EMAIL: admin.email,
      TESSERA_ADMIN_PASSWORD: admin.password,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://localhost:${PORT}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {}
      if (i > 240) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    return { url, stop, token: await createBenchToken(url, admin) };
  } catch (error) {
    stop();
    throw error;
  }
}

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function benchPGlite() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tessera-bench-list-"));
  try {
    const pglite = await createPGlite(dataDir);
    await migrate(pgliteDriver(pglite));
    const t0 = performance.now();
    // PGlite runs no autovacuum; the server analyzes when it opens the folder (server/db.ts).
    await pglite.exec(SEED_SQL(TOKENS));
    await pglite.exec("ANALYZE");
    console.log(`\nPGlite (data folder), ${TOKENS.toLocaleString("en")} tokens (seeded in ${seconds(t0)}):`);
    const db = createClient(new PrismaPGlite(pglite));
    setDatabase(Promise.resolve({ db, sql: async (t, p) => (await pglite.query(t, p)).rows as never, close: async () => {} }));
    const list = await queries(db);
    await inProcess(db, list);
    await db.$disconnect();
    await closeDb();
    await pglite.close();
    const server = await startServer({ TESSERA_DATA_DIR: dataDir });
    try {
      await overHttp(server.url, server.token, list);
    } finally {
      server.stop();
    }
  } finally {
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(serverUrl: string) {
  const name = `tessera_bench_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString() });
  try {
    const client = await pool.connect();
    await migrate(pgDriver(client));
    const t0 = performance.now();
    await client.query(SEED_SQL(TOKENS));
    // What autovacuum does soon after a bulk insert: statistics, and the visibility map that lets
    // a count read an index alone.
    await client.query(`VACUUM ANALYZE "ApiToken"`);
    client.release();
    console.log(`\nPostgreSQL, ${TOKENS.toLocaleString("en")} tokens (seeded in ${seconds(t0)}):`);
    const db = createClient(new PrismaPg(pool));
    setDatabase(Promise.resolve({ db, sql: async (t, p) => (await pool.query(t, p)).rows as never, close: async () => {} }));
    const list = await queries(db);
    await inProcess(db, list);
    await db.$disconnect();
    const server = await startServer({ DATABASE_URL: url.toString() });
    try {
      await overHttp(server.url, server.token, list);
    } finally {
      server.stop();
    }
  } finally {
    await pool.end();
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(2);
  }
  console.log(`The token list, ${SAMPLES} sequential requests per query after 3 warm-ups; pages of 20.`);
  if (!args.has("--pg-only")) await benchPGlite();
  const pg = process.env.BENCH_DATABASE_URL;
  if (pg) await benchPostgres(pg);
  else console.log("\n(PostgreSQL skipped: set BENCH_DATABASE_URL to a server where a database may be created.)");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
