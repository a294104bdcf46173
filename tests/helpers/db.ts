import { randomBytes } from "node:crypto";
import { PGlite, type PGliteInterface } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { closeDb, createClient, type Db, getSql, type Sql, setDatabase } from "@/server/db";
import { pgliteDriver } from "@/server/db/drivers";
import { migrate } from "@/server/db/migrate";
import { createPGlite } from "@/server/db/pglite";
import { MemoryCounterStore, PostgresCounterStore } from "@/server/limits/counter-store";
import { useCounterStore } from "@/server/limits/rate-limit";
import { TEMPLATE_DB, withDatabase } from "./global-setup";

// Each test file gets a database of its own, already migrated: a clone of one
// migrated in-memory PGlite per worker (fast), or, under `npm run test:pg`, a new
// PostgreSQL database created from a migrated template database. The rate limiters
// start over with it, counting where the server would: in that PostgreSQL database, or
// in memory on PGlite.

const g = globalThis as { __pgliteTemplate?: Promise<PGliteInterface> };

function template(): Promise<PGliteInterface> {
  g.__pgliteTemplate ??= (async () => {
    const db = await createPGlite();
    await migrate(pgliteDriver(db));
    return db;
  })();
  return g.__pgliteTemplate;
}

export const usingPostgres = Boolean(process.env.TESSERA_TEST_DATABASE_URL);

/** The rate limiters count from zero, where a server on this driver would: the database's table, or memory. */
export function useFreshCounterStore(): void {
  useCounterStore(usingPostgres ? new PostgresCounterStore(getSql) : new MemoryCounterStore());
}

/** A counter store over a real database that has no RateLimitCounter table: every call fails. */
export async function brokenCounterStore(): Promise<{ store: PostgresCounterStore; close: () => Promise<void> }> {
  const unmigrated = await PGlite.create();
  const sql: Sql = async (text, params) => (await unmigrated.query(text, params)).rows as never;
  return { store: new PostgresCounterStore(async () => sql), close: () => unmigrated.close() };
}

/** Opens a fresh migrated database and makes it the one `getDb()` answers. */
export async function useFreshDatabase(): Promise<Db> {
  await closeDb();
  const url = process.env.TESSERA_TEST_DATABASE_URL;
  useFreshCounterStore();
  if (url) {
    const name = `tessera_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`).finally(() => admin.end());
    const pool = new Pool({ connectionString: withDatabase(url, name) });
    // DROP DATABASE … WITH (FORCE) below may still catch a connection that is closing and
    // terminate it (57P01); that is the point of the drop, not a test failure.
    pool.on("error", () => {});
    const db = createClient(new PrismaPg(pool));
    const sql: Sql = async (text, params) => (await pool.query(text, params)).rows as never;
    const close = async () => {
      await db.$disconnect();
      await pool.end();
      const drop = new Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => drop.end());
    };
    setDatabase(Promise.resolve({ db, sql, close }));
    return db;
  }
  const pglite = await (await template()).clone();
  const db = createClient(new PrismaPGlite(pglite as PGlite));
  const sql: Sql = async (text, params) => (await pglite.query(text, params)).rows as never;
  setDatabase(
    Promise.resolve({
      db,
      sql,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    }),
  );
  return db;
}
