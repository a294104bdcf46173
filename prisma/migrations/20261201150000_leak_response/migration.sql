-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "graceQuietSeconds" INTEGER;

-- CreateTable
CREATE TABLE "ApiTokenSecretUse" (
    "tokenId" INTEGER NOT NULL,
    "secretVersion" INTEGER NOT NULL,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiTokenSecretUse_pkey" PRIMARY KEY ("tokenId","secretVersion","ip","userAgent")
);

-- AddForeignKey
ALTER TABLE "ApiTokenSecretUse" ADD CONSTRAINT "ApiTokenSecretUse_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

