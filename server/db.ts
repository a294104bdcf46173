import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type DatabaseConfig, databaseConfig, databaseTimeoutMs } from "./config";
import { lockDataDir } from "./db/data-dir-lock";
import { pgliteDriver } from "./db/drivers";
import { migrate } from "./db/migrate";
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

/**
 * Opens the configured database and applies pending migrations. The embedded one is
 * locked first (server/db/data-dir-lock.ts): a second process on the same folder fails
 * here with DataDirLockError before PGlite touches a file.
 */
export async function openDatabase(config: DatabaseConfig, options: { timeoutMs?: number } = {}): Promise<Database> {
  if (config.kind === "pglite") return openPGlite(config.dataDir);
  const timeoutMs = options.timeoutMs ?? databaseTimeoutMs();
  const { createPool, migratePostgres } = await import("./db/postgres");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  await migratePostgres(config.url, timeoutMs, console.log);
  const pool = createPool(config.url, timeoutMs);
  // Starting a transaction waits as long as any other call; a whole one may take twice that.
  const db = createClient(new PrismaPg(pool), { maxWait: timeoutMs, timeout: 2 * timeoutMs });
  const sql: Sql = async (text, params) => (await pool.query(text, params)).rows as never;
  return {
    db,
    sql,
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

async function openPGlite(dataDir: string): Promise<Database> {
  const lock = await lockDataDir(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let pglite: InstanceType<typeof PGlite> | undefined;
  try {
    pglite = await PGlite.create(dataDir);
    await migrate(pgliteDriver(pglite), { log: console.log });
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
