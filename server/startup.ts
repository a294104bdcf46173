import "server-only";
import { authSecret, ConfigError, databaseConfig } from "./config";
import { getDb } from "./db";
import { MigrationError } from "./db/migrate";
import { bootstrapAdminFromEnv } from "./setup/setup";

export async function startServer(): Promise<void> {
  try {
    databaseConfig();
    authSecret();
    await getDb();
    if (await bootstrapAdminFromEnv()) console.log("[tessera] created the first super admin from TESSERA_ADMIN_EMAIL");
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`\n[tessera] cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
