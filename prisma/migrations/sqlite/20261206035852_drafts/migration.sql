-- AlterTable
ALTER TABLE "Action" ADD COLUMN "draftFate" TEXT;
ALTER TABLE "Action" ADD COLUMN "draftFateAt" DATETIME;
ALTER TABLE "Action" ADD COLUMN "draftFateById" TEXT;
ALTER TABLE "Action" ADD COLUMN "promotedActionId" TEXT;
ALTER TABLE "Action" ADD COLUMN "promotedFromId" TEXT;

-- CreateIndex
CREATE INDEX "Action_promotedFromId_idx" ON "Action"("promotedFromId");
