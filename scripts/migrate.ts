// `npm run db:migrate`: applies pending migrations to the configured database
// (DATABASE_URL, or the embedded one in TESSERA_DATA_DIR) and exits. It applies them even
// where the server only checks them (TESSERA_SKIP_MIGRATIONS=1, a Vercel build): this is
// the step those setups run instead.
import { databaseConfig } from "../server/config";
import { openDatabase } from "../server/db";

async function main() {
  const config = databaseConfig();
  console.log(config.kind === "postgres" ? "Migrating PostgreSQL at DATABASE_URL" : `Migrating the embedded database in ${config.dataDir}`);
  const database = await openDatabase(config, { migrations: "apply" });
  await database.close();
  console.log("Database is up to date.");
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
