-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "draftFate" TEXT,
ADD COLUMN     "draftFateAt" TIMESTAMP(3),
ADD COLUMN     "draftFateById" TEXT,
ADD COLUMN     "promotedActionId" TEXT,
ADD COLUMN     "promotedFromId" TEXT;

-- CreateIndex
CREATE INDEX "Action_promotedFromId_idx" ON "Action"("promotedFromId");
