-- AlterTable
ALTER TABLE "Switch" ADD COLUMN     "agentId" TEXT,
ADD COLUMN     "effect" TEXT NOT NULL DEFAULT 'block',
ADD COLUMN     "engagedAt" TIMESTAMP(3),
ADD COLUMN     "engagedById" TEXT,
ADD COLUMN     "engagedKey" TEXT,
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "releaseReason" TEXT,
ADD COLUMN     "releasedAt" TIMESTAMP(3),
ADD COLUMN     "releasedById" TEXT,
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'global',
ADD COLUMN     "toolName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Switch_engagedKey_key" ON "Switch"("engagedKey");

-- CreateIndex
CREATE INDEX "Switch_engaged_idx" ON "Switch"("engaged");
