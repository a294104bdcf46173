// `npm run db:migrate`: applies pending migrations to the configured database
// (DATABASE_URL, or the embedded one in TESSERA_DATA_DIR) and exits.
import { databaseConfig } from "../server/config";
import { closeDb, getDb } from "../server/db";

async function main() {
  const config = databaseConfig();
  console.log(config.kind === "postgres" ? "Migrating PostgreSQL at DATABASE_URL" : `Migrating the embedded database in ${config.dataDir}`);
  await getDb();
  await closeDb();
  console.log("Database is up to date.");
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
