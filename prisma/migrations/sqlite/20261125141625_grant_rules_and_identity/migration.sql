-- AlterTable
ALTER TABLE "Agent" ADD COLUMN "requesterIssuer" TEXT;
ALTER TABLE "Agent" ADD COLUMN "requesterKey" TEXT;

-- CreateTable
CREATE TABLE "ActionApproval" (
    "actionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("actionId", "reviewerId"),
    CONSTRAINT "ActionApproval_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "agentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "statusCode" INTEGER,
    "responseBody" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("agentId", "key")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgentKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AgentKey_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AgentKey" ("agentId", "createdAt", "hash", "id", "lastUsedAt", "prefix", "revokedAt") SELECT "agentId", "createdAt", "hash", "id", "lastUsedAt", "prefix", "revokedAt" FROM "AgentKey";
DROP TABLE "AgentKey";
ALTER TABLE "new_AgentKey" RENAME TO "AgentKey";
CREATE UNIQUE INDEX "AgentKey_hash_key" ON "AgentKey"("hash");
CREATE INDEX "AgentKey_agentId_idx" ON "AgentKey"("agentId");
CREATE TABLE "new_Tool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "actionLevel" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "sensitiveFields" TEXT NOT NULL DEFAULT '[]',
    "summaryTemplate" TEXT NOT NULL DEFAULT '',
    "supportsRollback" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Tool" ("actionLevel", "createdAt", "description", "enabled", "id", "name", "parameters") SELECT "actionLevel", "createdAt", "description", "enabled", "id", "name", "parameters" FROM "Tool";
DROP TABLE "Tool";
ALTER TABLE "new_Tool" RENAME TO "Tool";
CREATE UNIQUE INDEX "Tool_name_key" ON "Tool"("name");
CREATE TABLE "new_Grant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "approvalRequired" BOOLEAN NOT NULL DEFAULT true,
    "approvals" INTEGER NOT NULL DEFAULT 1,
    "constraints" TEXT NOT NULL DEFAULT '[]',
    "rateLimitCount" INTEGER,
    "rateLimitWindowSeconds" INTEGER,
    "maxCallsPerTrace" INTEGER,
    "maxPending" INTEGER,
    "expiresAt" DATETIME,
    "environment" TEXT NOT NULL DEFAULT 'any',
    "requireReason" BOOLEAN NOT NULL DEFAULT false,
    "requester" TEXT,
    "loopMaxRepeats" INTEGER,
    "loopWindowSeconds" INTEGER,
    "loopPauseAgent" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,
    CONSTRAINT "Grant_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Grant_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Grant" ("agentId", "approvalRequired", "createdAt", "createdById", "id", "toolId") SELECT "agentId", "approvalRequired", "createdAt", "createdById", "id", "toolId" FROM "Grant";
DROP TABLE "Grant";
ALTER TABLE "new_Grant" RENAME TO "Grant";
CREATE UNIQUE INDEX "Grant_agentId_toolId_key" ON "Grant"("agentId", "toolId");
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "toolId" TEXT,
    "toolName" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "reason" TEXT,
    "sources" TEXT NOT NULL DEFAULT '[]',
    "requester" TEXT,
    "requesterVerified" BOOLEAN NOT NULL DEFAULT false,
    "traceId" TEXT NOT NULL,
    "paramsHash" TEXT NOT NULL DEFAULT '',
    "approvedParamsHash" TEXT,
    "approvalsRequired" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "decisionReason" TEXT,
    "reviewerId" TEXT,
    "decidedAt" DATETIME,
    "result" TEXT,
    "downstreamRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("agentId", "createdAt", "decidedAt", "decisionReason", "downstreamRef", "id", "params", "reason", "requester", "result", "reviewerId", "sources", "status", "toolId", "toolName", "traceId", "updatedAt") SELECT "agentId", "createdAt", "decidedAt", "decisionReason", "downstreamRef", "id", "params", "reason", "requester", "result", "reviewerId", "sources", "status", "toolId", "toolName", "traceId", "updatedAt" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_status_createdAt_idx" ON "Action"("status", "createdAt");
CREATE INDEX "Action_agentId_createdAt_idx" ON "Action"("agentId", "createdAt");
CREATE INDEX "Action_agentId_toolId_createdAt_idx" ON "Action"("agentId", "toolId", "createdAt");
CREATE INDEX "Action_agentId_status_idx" ON "Action"("agentId", "status");
CREATE INDEX "Action_agentId_paramsHash_createdAt_idx" ON "Action"("agentId", "paramsHash", "createdAt");
CREATE INDEX "Action_agentId_traceId_idx" ON "Action"("agentId", "traceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");
