-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "superAdmin" BOOLEAN NOT NULL DEFAULT false,
    "grants" JSONB NOT NULL DEFAULT '[]',
    "expiresAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "secretHash" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "previousHash" TEXT,
    "previousValidUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedIp" TEXT,
    "recentIps" JSONB NOT NULL DEFAULT '[]',
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiTokenUsage" (
    "tokenId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiTokenUsage_pkey" PRIMARY KEY ("tokenId","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_previousHash_key" ON "ApiToken"("previousHash");

-- CreateIndex
CREATE INDEX "ApiToken_deletedAt_createdAt_idx" ON "ApiToken"("deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "ApiToken_deletedAt_expiresAt_idx" ON "ApiToken"("deletedAt", "expiresAt");

-- CreateIndex
CREATE INDEX "ApiToken_deletedAt_lastUsedAt_idx" ON "ApiToken"("deletedAt", "lastUsedAt");

-- AddForeignKey
ALTER TABLE "ApiTokenUsage" ADD CONSTRAINT "ApiTokenUsage_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Names are unique among tokens that are not deleted; a deleted token's name can be used again.
-- Prisma's schema language cannot express a partial index: a later `migration-sql` diff will
-- propose dropping this index — delete that line from the generated migration.
CREATE UNIQUE INDEX "ApiToken_name_active_key" ON "ApiToken"("name") WHERE "deletedAt" IS NULL;

-- The token list reads only live tokens, sorted by one of these with the id as tiebreaker.
-- Partial indexes (hand-written, like the one above) let it read a page straight from an
-- index instead of sorting every row; the @@index lines in schema.prisma stay for Prisma.
CREATE INDEX "ApiToken_live_createdAt_idx" ON "ApiToken"("createdAt", "id") WHERE "deletedAt" IS NULL;
CREATE INDEX "ApiToken_live_expiresAt_idx" ON "ApiToken"("expiresAt", "id") WHERE "deletedAt" IS NULL;
CREATE INDEX "ApiToken_live_lastUsedAt_idx" ON "ApiToken"("lastUsedAt", "id") WHERE "deletedAt" IS NULL;
