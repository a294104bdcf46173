// `npm run db:seed`: loads the demo catalog into the configured database. Safe to run twice.
import { SYSTEM_ACTOR } from "../server/auth/principal";
import { seedDemoData } from "../server/catalog/seed";
import { closeDb } from "../server/db";

seedDemoData(SYSTEM_ACTOR)
  .then(async (r) => {
    console.log(
      `Demo data: added ${r.projects} projects, ${r.environments} environments, ${r.apps} apps, ${r.deployments} deployments, ${r.helmApps} Helm apps, ${r.chartGroups} chart groups.`,
    );
    await closeDb();
  })
  .catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
