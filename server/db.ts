import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type DatabaseConfig, databaseConfig, databasePoolMax, databaseTimeoutMs, migrationMode, onVercel } from "./config";
import { lockDataDir } from "./db/data-dir-lock";
import { pgliteDriver } from "./db/drivers";
import { checkMigrations, migrate } from "./db/migrate";
import { processState } from "./process-state";

// The client is created on first use, never at import time: `next build` evaluates
// route modules in several worker processes, and only one process may own a PGlite
// data folder. Opening also applies pending migrations, so a fresh data folder or a
// fresh PostgreSQL is ready on the first request.

/** Bounds for Prisma's interactive transactions (`db.$transaction(async (tx) => …)`). */
export type TransactionLimits = { maxWait: number; timeout: number };

export function createClient(
  adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>,
  transactionOptions?: TransactionLimits,
) {
  // Password hashes are omitted from every query unless a caller asks for them.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`; `db` itself fits too, for reads outside a transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
/**
 * A plain parameterised query on the same connection pool, for the one hot path that
 * should not pay Prisma's per-query overhead: the token check on every API call.
 */
export type Sql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
export type Database = { db: Db; sql: Sql; close: () => Promise<void> };

type Holder = { open?: Promise<Database> };
const holder = processState<Holder>("__tesseraDb", () => ({}));

function current(): Promise<Database> {
  holder.open ??= openDatabase(databaseConfig()).catch((error: unknown) => {
    holder.open = undefined;
    throw error;
  });
  return holder.open;
}

export async function getDb(): Promise<Db> {
  return (await current()).db;
}

export async function getSql(): Promise<Sql> {
  return (await current()).sql;
}

export type OpenOptions = {
  timeoutMs?: number;
  /** Apply pending migrations, or only check that none is pending; see migrationMode() in ./config. */
  migrations?: "apply" | "check";
};

/**
 * Opens the configured database and applies pending migrations (or checks them). The
 * embedded one is locked first (server/db/data-dir-lock.ts): a second process on the same
 * folder fails here with DataDirLockError before PGlite touches a file.
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const migrations = options.migrations ?? migrationMode();
  if (config.kind === "pglite") return openPGlite(config.dataDir, migrations);
  const timeoutMs = options.timeoutMs ?? databaseTimeoutMs();
  const { createPool, migratePostgres } = await import("./db/postgres");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  if (migrations === "apply") await migratePostgres(config.url, timeoutMs, console.log);
  const pool = createPool(config.url, timeoutMs, databasePoolMax());
  const sql: Sql = async (text, params) => (await pool.query(text, params)).rows as never;
  if (migrations === "check")
    await checkMigrations({ query: sql }, { how: whyNotApplied() }).catch(async (error: unknown) => {
      await pool.end().catch(() => undefined);
      throw error;
    });
  // Starting a transaction waits as long as any other call; a whole one may take twice that.
  const db = createClient(new PrismaPg(pool), { maxWait: timeoutMs, timeout: 2 * timeoutMs });
  return {
    db,
    sql,
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

function whyNotApplied(): string {
  return process.env.TESSERA_SKIP_MIGRATIONS?.trim() === "1" || !onVercel()
    ? "TESSERA_SKIP_MIGRATIONS=1 tells this server not to apply them"
    : "on Vercel the build applies them, not the functions (vercel.json runs scripts/vercel-build.mjs; check its log)";
}

async function openPGlite(dataDir: string, migrations: "apply" | "check"): Promise<Database> {
  const lock = await lockDataDir(dataDir);
  const { createPGlite } = await import("./db/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let pglite: Awaited<ReturnType<typeof createPGlite>> | undefined;
  try {
    pglite = await createPGlite(dataDir);
    if (migrations === "apply") await migrate(pgliteDriver(pglite), { log: console.log });
    else await checkMigrations(pgliteDriver(pglite), { how: whyNotApplied() });
    // PGlite runs no autovacuum, so without this its planner would never have statistics and
    // could pick a scan over the list's indexes (docs/performance.md, "The token list at
    // 100,000 and 1,000,000 tokens"). Once per start: well under a second at 100,000 tokens.
    await pglite.exec("ANALYZE");
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
  const open = pglite;
  const db = createClient(new PrismaPGlite(open));
  const sql: Sql = async (text, params) => (await open.query(text, params)).rows as never;
  return {
    db,
    sql,
    close: async () => {
      await db.$disconnect();
      await open.close();
      await lock.release();
    },
  };
}

/** Tests and scripts: use this database from now on (a cloned in-memory PGlite, say). */
export function setDatabase(database: Promise<Database>): void {
  holder.open = database;
}

export async function closeDb(): Promise<void> {
  const open = holder.open;
  holder.open = undefined;
  const database = await open?.catch(() => undefined);
  await database?.close();
}
