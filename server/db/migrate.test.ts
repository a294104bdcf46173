import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { pgliteDriver } from "./drivers";
import { checkMigrations, MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "./migrate";
import { createPGlite } from "./pglite";

const open: PGlite[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function fresh(): Promise<PGlite> {
  const db = await createPGlite();
  open.push(db);
  return db;
}

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tessera-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migrate", () => {
  it("applies every migration once, recording Prisma's columns and SHA-256 checksums", async () => {
    const db = await fresh();
    const local = await readMigrations();
    expect(local.length).toBeGreaterThan(0);
    expect(await migrate(pgliteDriver(db))).toEqual(local.map((m) => m.name));
    const rows = (await db.query<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
    expect(Object.keys(rows[0]!).sort()).toEqual([
      "applied_steps_count",
      "checksum",
      "finished_at",
      "id",
      "logs",
      "migration_name",
      "rolled_back_at",
      "started_at",
    ]);
    for (const [i, row] of rows.entries()) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, local[i]!.name, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: local[i]!.name,
        checksum: createHash("sha256").update(file).digest("hex"),
        applied_steps_count: 1,
        rolled_back_at: null,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    expect(await migrate(pgliteDriver(db))).toEqual([]);
  });

  it("refuses to go on when an applied migration's file has changed", async () => {
    const db = await fresh();
    const dir = copyMigrations();
    await migrate(pgliteDriver(db), { dir });
    const [first] = await readMigrations(dir);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(migrate(pgliteDriver(db), { dir })).rejects.toThrow(
      new RegExp(`prisma/migrations/${first!.name}/migration.sql was changed after it was applied`),
    );
  });

  it("refuses a database that has a migration this version does not know", async () => {
    const db = await fresh();
    const dir = copyMigrations();
    mkdirSync(path.join(dir, "99990101000000_from_the_future"));
    writeFileSync(path.join(dir, "99990101000000_from_the_future", "migration.sql"), "CREATE TABLE future (id int);");
    await migrate(pgliteDriver(db), { dir });
    await expect(migrate(pgliteDriver(db))).rejects.toThrow(/has migration 99990101000000_from_the_future, which this version/);
  });

  it("rolls a failing migration back whole: no table, no bookkeeping row", async () => {
    const db = await fresh();
    const dir = copyMigrations();
    mkdirSync(path.join(dir, "99990101000000_broken"));
    writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), "CREATE TABLE half (id int);\nSELECT nonsense FROM nowhere;");
    const error = await migrate(pgliteDriver(db), { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/Migration 99990101000000_broken failed and was rolled back/);
    const half = await db.query(`SELECT to_regclass('half') AS t`);
    expect(half.rows).toEqual([{ t: null }]);
    const names = await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.rows.map((r) => r.migration_name)).not.toContain("99990101000000_broken");
  });
});

describe("checkMigrations (TESSERA_SKIP_MIGRATIONS=1, Vercel functions)", () => {
  const how = "TESSERA_SKIP_MIGRATIONS=1 tells this server not to apply them";

  it("refuses an empty database, naming every migration and what to run, and creates nothing", async () => {
    const db = await fresh();
    const local = await readMigrations();
    const error = await checkMigrations(pgliteDriver(db), { how }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(String(error)).toContain(`lacks ${local.length} of this version's migrations`);
    expect(String(error)).toContain(local.at(-1)!.name);
    expect(String(error)).toContain(how);
    expect(String(error)).toContain("npm run db:migrate");
    expect((await db.query(`SELECT to_regclass('"_prisma_migrations"') AS t`)).rows).toEqual([{ t: null }]);
  });

  it("refuses a database one migration behind, and passes one that is up to date", async () => {
    const db = await fresh();
    const dir = copyMigrations();
    const newest = (await readMigrations()).at(-1)!.name;
    await migrate(pgliteDriver(db), { dir });
    mkdirSync(path.join(dir, "29990101000000_later"));
    writeFileSync(path.join(dir, "29990101000000_later", "migration.sql"), `CREATE TABLE "Later" (id int);`);
    await expect(checkMigrations(pgliteDriver(db), { dir, how })).rejects.toThrow(
      /lacks 1 of this version's migrations \(29990101000000_later\)/,
    );
    await expect(checkMigrations(pgliteDriver(db), { how })).resolves.toBeUndefined();
    expect(newest).not.toBe("29990101000000_later");
  });
});
