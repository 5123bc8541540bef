-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "riskFlags" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "riskMask" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "riskVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "riskWeight" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Action_status_id_idx" ON "Action"("status", "id");

-- CreateIndex
CREATE INDEX "Action_status_riskWeight_id_idx" ON "Action"("status", "riskWeight", "id");

-- CreateIndex
CREATE INDEX "Action_status_agentId_id_idx" ON "Action"("status", "agentId", "id");

-- CreateIndex
CREATE INDEX "Action_status_toolName_id_idx" ON "Action"("status", "toolName", "id");

-- CreateIndex
CREATE INDEX "Action_queue_facets_idx" ON "Action"("status", "agentId", "riskMask", "expiresAt", "toolName", "toolId", "createdAt");

-- CreateIndex
CREATE INDEX "ActionApproval_reviewerId_idx" ON "ActionApproval"("reviewerId");

-- CreateIndex
CREATE INDEX "ActionApproval_groupId_idx" ON "ActionApproval"("groupId");
