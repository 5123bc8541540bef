-- Risk flags stored with the action (written by the gate and by edits; see lib/review/risk-columns.ts).
-- Hand-written as ADD COLUMN: Prisma's diff rebuilds the whole table only to keep the schema's column order, which
-- on a database with millions of actions would copy every row for nothing.
ALTER TABLE "Action" ADD COLUMN "riskFlags" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Action" ADD COLUMN "riskMask" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Action" ADD COLUMN "riskWeight" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Action" ADD COLUMN "riskVersion" INTEGER NOT NULL DEFAULT 0;

-- The review queue's keyset reads (lib/actions/queue-sql.ts).
CREATE INDEX "Action_status_id_idx" ON "Action"("status", "id");
CREATE INDEX "Action_status_riskWeight_id_idx" ON "Action"("status", "riskWeight", "id");
CREATE INDEX "Action_status_agentId_id_idx" ON "Action"("status", "agentId", "id");
CREATE INDEX "Action_status_toolName_id_idx" ON "Action"("status", "toolName", "id");
CREATE INDEX "ActionApproval_reviewerId_idx" ON "ActionApproval"("reviewerId");
CREATE INDEX "ActionApproval_groupId_idx" ON "ActionApproval"("groupId");
CREATE INDEX "Action_queue_facets_idx" ON "Action"("status", "agentId", "riskMask", "expiresAt", "toolName", "toolId", "createdAt");
