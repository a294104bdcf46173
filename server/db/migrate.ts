import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own
// `_prisma_migrations` table so `prisma migrate status` agrees on machines that have
// Prisma's engine. Each migration runs in one transaction with its bookkeeping row,
// so a failure leaves nothing half-applied and nothing to mark as rolled back.

export interface SqlDriver {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Prisma Migrate's own advisory lock key, so our migrator and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type LocalMigration = { name: string; sql: string; checksum: string };

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  // Traced explicitly through outputFileTracingIncludes (next.config.mjs), not from here.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Checks what is recorded against what is on disk; answers the migrations still to apply. */
export function planMigrations(local: LocalMigration[], applied: AppliedRow[]): LocalMigration[] {
  const byName = new Map(local.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    const file = byName.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed in an earlier run and is recorded as unfinished. ` +
          `Repair the database, then mark it rolled back in "_prisma_migrations" before starting Tessera again.`,
      );
    }
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this version of Tessera does not have. ` +
          `Run the Tessera version that created it, or a newer one.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `prisma/migrations/${row.migration_name}/migration.sql was changed after it was applied ` +
          `(checksum ${file.checksum.slice(0, 12)}… on disk, ${row.checksum.slice(0, 12)}… in the database). ` +
          `Restore the original file and put the change in a new migration.`,
      );
    }
    done.add(row.migration_name);
  }
  return local.filter((m) => !done.has(m.name));
}

export type MigrateOptions = { dir?: string; advisoryLock?: boolean; log?: (line: string) => void };

/** Applies pending migrations; answers the names applied by this call. */
export async function migrate(db: SqlDriver, options: MigrateOptions = {}): Promise<string[]> {
  const local = await readMigrations(options.dir);
  if (options.advisoryLock) await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    await db.exec(CREATE_TABLE);
    const applied = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const pending = planMigrations(local, applied);
    for (const m of pending) {
      await applyOne(db, m);
      options.log?.(`Applied migration ${m.name}`);
    }
    return pending.map((m) => m.name);
  } finally {
    // After a lost connection the unlock fails too, and the lock went with the session:
    // the error that matters is the one that got us here.
    if (options.advisoryLock) await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => undefined);
  }
}

/**
 * Applies nothing; throws MigrationError unless every local migration is recorded as
 * applied (and nothing recorded is unknown or changed). One read, no lock: it also works
 * through a transaction-mode pooler, where a session's advisory lock does not hold.
 */
export async function checkMigrations(db: Pick<SqlDriver, "query">, options: { dir?: string; how: string }): Promise<void> {
  const local = await readMigrations(options.dir);
  const [{ present } = { present: false }] = await db.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  const applied = present
    ? await db.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      )
    : [];
  const pending = planMigrations(local, applied);
  if (pending.length === 0) return;
  throw new MigrationError(
    `The database lacks ${pending.length} of this version's migrations (${pending.map((m) => m.name).join(", ")}), ` +
      `and ${options.how}. Apply them with \`npm run db:migrate\` against the same database, then start Tessera again.`,
  );
}

async function applyOne(db: SqlDriver, m: LocalMigration): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      await tx.exec(m.sql);
      await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint =
      (error as { name?: unknown })?.name === "DatabaseTimeoutError"
        ? " If the database is up and this migration needs longer, apply it once with a larger limit: " +
          "TESSERA_DATABASE_TIMEOUT_MS=600000 npm run db:migrate."
        : "";
    throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${reason}${hint}`);
  }
}
