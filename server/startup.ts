import "server-only";
import { checkSignInConfig } from "./auth/sso-config";
import { authSecret, ConfigError, databaseConfig } from "./config";
import { getDb } from "./db";
import { DataDirLockError } from "./db/data-dir-lock";
import { MigrationError } from "./db/migrate";
import { smtpConfig } from "./notifications/config";
import { startSchedulerIfEnabled } from "./notifications/scheduler";
import { bootstrapAdminFromEnv } from "./setup/setup";

export async function startServer(): Promise<void> {
  try {
    const config = databaseConfig();
    // The embedded data folder is locked before anything reads or writes it (the
    // generated session secret lives there too); PostgreSQL's settings are checked
    // first, so a wrong one stops start-up even while the database is down.
    if (config.kind === "pglite") await getDb();
    authSecret();
    smtpConfig();
    checkSignInConfig();
    await getDb();
    if (await bootstrapAdminFromEnv()) console.log("[tessera] created the first super admin from TESSERA_ADMIN_EMAIL");
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DataDirLockError) {
      console.error(`\n[tessera] cannot start: ${error.message}\n`);
      process.exit(1);
    }
    // Most likely the database is not reachable yet (every wait on it is bounded, so this
    // comes in seconds): requests retry it and answer 503 (API) or the friendly error
    // page (dashboard) until it is.
    console.error(`[tessera] start-up could not finish: ${(error as Error)?.message}. Will retry on the next request.`);
  }
  // Reminders, webhooks and email (server/notifications/scheduler.ts); its runs retry a
  // database that is not reachable yet. Stopped by the shutdown tasks.
  startSchedulerIfEnabled();
}
