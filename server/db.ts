import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type DatabaseConfig, databaseConfig } from "./config";
import { pgDriver, pgliteDriver } from "./db/drivers";
import { migrate } from "./db/migrate";
import { processState } from "./process-state";

// The client is created on first use, never at import time: `next build` evaluates
// route modules in several worker processes, and only one process may own a PGlite
// data folder. Opening also applies pending migrations, so a fresh data folder or a
// fresh PostgreSQL is ready on the first request.

export function createClient(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>) {
  // Password hashes are omitted from every query unless a caller asks for them.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
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

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = await PGlite.create(config.dataDir);
    await migrate(pgliteDriver(pglite), { log: console.log });
    const db = createClient(new PrismaPGlite(pglite));
    const sql: Sql = async (text, params) => (await pglite.query(text, params)).rows as never;
    return {
      db,
      sql,
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const { Client, Pool } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const client = new Client({ connectionString: config.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await migrate(pgDriver(client), { advisoryLock: true, log: console.log });
  } finally {
    await client.end();
  }
  const pool = new Pool({ connectionString: config.url, connectionTimeoutMillis: 5000, max: 10 });
  pool.on("error", (error) => console.error("[tessera] idle database connection failed:", error.message));
  const db = createClient(new PrismaPg(pool));
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
