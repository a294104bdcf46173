import { Client } from "pg";

// With TESSERA_TEST_DATABASE_URL (npm run test:pg) every test file gets its own database
// on that server, cloned from a migrated template made once here. Without it, tests use
// in-memory PGlite and there is nothing to prepare.

export const TEMPLATE_DB = "tessera_test_template";

export default async function setup() {
  const url = process.env.TESSERA_TEST_DATABASE_URL;
  if (!url) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tessera_test_%'`);
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const { migrateUrl } = await import("./pg");
  await migrateUrl(withDatabase(url, TEMPLATE_DB));
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
