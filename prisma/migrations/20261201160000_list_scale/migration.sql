-- The token list at a million tokens (docs/design.md, "List paging"). Hand-written, like the
-- partial indexes of 20261128090000_api_tokens: a later `migration-sql` diff will propose
-- dropping these — delete those lines from the generated migration.

-- Substring search (name ILIKE '%q%') reads a trigram index instead of every row. pg_trgm is a
-- trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
-- PGlite ships it as a contrib extension, loaded where PGlite is opened (server/db/pglite.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "ApiToken_live_name_trgm_idx" ON "ApiToken" USING gin ("name" gin_trgm_ops) WHERE "deletedAt" IS NULL;

-- Sort by name with the id as tiebreaker, read in order from one index (both directions).
CREATE INDEX "ApiToken_live_name_id_idx" ON "ApiToken"("name", "id") WHERE "deletedAt" IS NULL;

-- The disabled filter: usually few rows, found without walking the whole list.
CREATE INDEX "ApiToken_live_disabled_idx" ON "ApiToken"("disabledAt") WHERE "deletedAt" IS NULL AND "disabledAt" IS NOT NULL;
