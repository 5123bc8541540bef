-- Risk flags stored with the action (written by the gate and by edits; see lib/review/assess-risk.ts).
-- Hand-written as ADD COLUMN: Prisma's diff rebuilds the whole table only to keep the schema's column order, which
-- on a database with millions of actions would copy every row for nothing.
ALTER TABLE "Action" ADD COLUMN "riskFlags" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Action" ADD COLUMN "riskMask" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Action" ADD COLUMN "riskWeight" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Action" ADD COLUMN "riskVersion" INTEGER NOT NULL DEFAULT 0;

-- The review queue's keyset reads (lib/review/queue-sql.ts), over pending actions only: small however long the
-- history grows. Partial indexes are not expressible in schema.prisma; the queries name the status as a literal so
-- both planners can use them.
CREATE INDEX "Action_pending_id_idx" ON "Action"("id") WHERE "status" = 'pending_review';
CREATE INDEX "Action_pending_risk_idx" ON "Action"("riskWeight", "id") WHERE "status" = 'pending_review';
CREATE INDEX "Action_pending_agent_idx" ON "Action"("agentId", "id") WHERE "status" = 'pending_review';
CREATE INDEX "Action_pending_tool_idx" ON "Action"("toolName", "id") WHERE "status" = 'pending_review';
