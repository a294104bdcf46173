import { randomBytes } from "node:crypto";
import { PGlite, type PGliteInterface } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closeDb, setDb, type Db } from "@/server/db";
import { pgliteDriver } from "@/server/db/drivers";
import { migrate } from "@/server/db/migrate";
import { TEMPLATE_DB, withDatabase } from "./global-setup";

// Each test file gets a database of its own, already migrated: a clone of one
// migrated in-memory PGlite per worker (fast), or, under `npm run test:pg`, a new
// PostgreSQL database created from a migrated template database.

const g = globalThis as { __pgliteTemplate?: Promise<PGliteInterface> };

function template(): Promise<PGliteInterface> {
  g.__pgliteTemplate ??= (async () => {
    const db = await PGlite.create();
    await migrate(pgliteDriver(db));
    return db;
  })();
  return g.__pgliteTemplate;
}

function client(adapter: ConstructorParameters<typeof PrismaClient>[0]["adapter"]): Db {
  return new PrismaClient({ adapter: adapter!, omit: { user: { passwordHash: true } } });
}

export const usingPostgres = Boolean(process.env.TESSERA_TEST_DATABASE_URL);

/** Opens a fresh migrated database and makes it the one `getDb()` answers. */
export async function useFreshDatabase(): Promise<Db> {
  await closeDb();
  const url = process.env.TESSERA_TEST_DATABASE_URL;
  if (url) {
    const name = `tessera_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`).finally(() => admin.end());
    const db = client(new PrismaPg({ connectionString: withDatabase(url, name) }));
    setDb(Promise.resolve(db), async () => {
      const drop = new Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => drop.end());
    });
    return db;
  }
  const pglite = await (await template()).clone();
  const db = client(new PrismaPGlite(pglite as PGlite));
  setDb(Promise.resolve(db), () => pglite.close());
  return db;
}
