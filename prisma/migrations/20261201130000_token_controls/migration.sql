-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "allowedIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "renewedAt" TIMESTAMP(3),
-- A disabled token always says why, and only the reasons the code knows (Prisma's schema language cannot say so).
ADD CONSTRAINT "ApiToken_disabled_reason" CHECK (("disabledAt" IS NULL) = ("disabledReason" IS NULL) AND ("disabledReason" IS NULL OR "disabledReason" IN ('manual', 'idle')));

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "idleDisableDays" INTEGER,
ADD COLUMN     "maxLifetimeDays" INTEGER,
ADD CONSTRAINT "Settings_positive_days" CHECK (("maxLifetimeDays" IS NULL OR "maxLifetimeDays" >= 1) AND ("idleDisableDays" IS NULL OR "idleDisableDays" >= 1));

-- CreateTable
CREATE TABLE "ApiTokenRefusal" (
    "tokenId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "ip" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiTokenRefusal_pkey" PRIMARY KEY ("tokenId","day","ip")
);

-- CreateIndex
CREATE INDEX "ApiTokenRefusal_day_idx" ON "ApiTokenRefusal"("day");

-- AddForeignKey
ALTER TABLE "ApiTokenRefusal" ADD CONSTRAINT "ApiTokenRefusal_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

