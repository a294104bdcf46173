import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "./config";
import { pgDriver, pgliteDriver } from "./db/drivers";
import { migrate } from "./db/migrate";

// The client is created on first use, never at import time: `next build` evaluates
// route modules in several worker processes, and only one process may own a PGlite
// data folder. Opening also applies pending migrations, so a fresh data folder or a
// fresh PostgreSQL is ready on the first request.

function createClient(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>) {
  // Password hashes are omitted from every query unless a caller asks for them.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`; `db` itself fits too, for reads outside a transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Holder = { db?: Promise<Db>; close?: () => Promise<void> };
const holder = ((globalThis as { __tesseraDb?: Holder }).__tesseraDb ??= {});

export function getDb(): Promise<Db> {
  holder.db ??= openDb(databaseConfig()).catch((error: unknown) => {
    holder.db = undefined;
    throw error;
  });
  return holder.db;
}

export async function openDb(config: DatabaseConfig): Promise<Db> {
  if (config.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = await PGlite.create(config.dataDir);
    await migrate(pgliteDriver(pglite), { log: console.log });
    holder.close = () => pglite.close();
    return createClient(new PrismaPGlite(pglite));
  }
  const { Client } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const client = new Client({ connectionString: config.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await migrate(pgDriver(client), { advisoryLock: true, log: console.log });
  } finally {
    await client.end();
  }
  return createClient(new PrismaPg({ connectionString: config.url, connectionTimeoutMillis: 5000 }));
}

/** Tests and scripts: use this client from now on (a cloned in-memory PGlite, say). */
export function setDb(db: Promise<Db>, close?: () => Promise<void>): void {
  holder.db = db;
  holder.close = close;
}

export async function closeDb(): Promise<void> {
  const db = holder.db;
  holder.db = undefined;
  if (db) await (await db.catch(() => undefined))?.$disconnect();
  await holder.close?.();
  holder.close = undefined;
}
