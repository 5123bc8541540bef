-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "rollbackInstructions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "rollbackKind" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "rollbackMapping" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "rollbackToolName" TEXT;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "rollbackOfId" TEXT;

-- CreateIndex
CREATE INDEX "Action_rollbackOfId_idx" ON "Action"("rollbackOfId");
