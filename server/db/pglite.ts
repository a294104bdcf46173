import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

// Every PGlite that opens Tessera's schema loads the extensions its migrations create: a data
// folder whose trigram index (prisma/migrations/20261201160000_list_scale) cannot find
// pg_trgm's operators fails every write to ApiToken.

export const PGLITE_EXTENSIONS = { pg_trgm };

/** A PGlite (in memory, or on `dataDir`) with the extensions the migrations need. */
export function createPGlite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
}
