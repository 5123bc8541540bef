-- CreateIndex
CREATE INDEX "AuditEvent_agentId_at_idx" ON "AuditEvent"("agentId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_type_seq_idx" ON "AuditEvent"("type", "seq");
