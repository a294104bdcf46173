import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { pgDriver } from "@/server/db/drivers";
import { migrate, readMigrations } from "@/server/db/migrate";
import { withDatabase } from "@/tests/helpers/global-setup";

// Runs under `npm run test:pg` only (vitest.config.mts), against its PostgreSQL.

describe("migrate on PostgreSQL", () => {
  it("migrates once when two instances start together (advisory lock)", async () => {
    const url = process.env.TESSERA_TEST_DATABASE_URL!;
    const name = `tessera_test_race_${Date.now()}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const clients = [new Client({ connectionString: withDatabase(url, name) }), new Client({ connectionString: withDatabase(url, name) })];
    try {
      await Promise.all(clients.map((c) => c.connect()));
      const results = await Promise.all(clients.map((c) => migrate(pgDriver(c), { advisoryLock: true })));
      const local = await readMigrations();
      expect(results.flat().sort()).toEqual(local.map((m) => m.name).sort());
      const rows = await clients[0]!.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`);
      expect(rows.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      expect(rows.rows).toHaveLength(local.length);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
