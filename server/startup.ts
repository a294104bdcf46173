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
    // Most likely the database is not reachable yet: requests retry it and answer 503
    // (API) or the friendly error page (dashboard) until it is.
    console.error(`[tessera] start-up could not finish: ${(error as Error)?.message}. Will retry on the next request.`);
  }
}
