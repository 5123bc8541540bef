-- AlterTable
ALTER TABLE "ActionApproval" ADD COLUMN "groupId" TEXT;

-- CreateTable
CREATE TABLE "ReviewerGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReviewerGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "ReviewerGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewerGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReviewerGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "groupId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    CONSTRAINT "NotificationChannel_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ReviewerGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "actionId" TEXT,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME,
    "lastAttemptAt" DATETIME,
    "lastStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NotificationDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkerCursor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Grant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
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
    "reviewTimeoutMinutes" INTEGER NOT NULL DEFAULT 60,
    "ownerMayApprove" BOOLEAN NOT NULL DEFAULT false,
    "requiredGroups" TEXT NOT NULL DEFAULT '[]',
    "reviewGroupId" TEXT,
    "escalationLadder" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,
    CONSTRAINT "Grant_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Grant_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Grant" ("agentId", "approvals", "constraints", "createdAt", "createdById", "environment", "expiresAt", "id", "loopMaxRepeats", "loopPauseAgent", "loopWindowSeconds", "maxCallsPerTrace", "maxPending", "ownerMayApprove", "rateLimitCount", "rateLimitWindowSeconds", "requester", "requireReason", "reviewTimeoutMinutes", "toolId", "updatedAt", "updatedById", "version") SELECT "agentId", "approvals", "constraints", "createdAt", "createdById", "environment", "expiresAt", "id", "loopMaxRepeats", "loopPauseAgent", "loopWindowSeconds", "maxCallsPerTrace", "maxPending", "ownerMayApprove", "rateLimitCount", "rateLimitWindowSeconds", "requester", "requireReason", "reviewTimeoutMinutes", "toolId", "updatedAt", "updatedById", "version" FROM "Grant";
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
    "requiredGroups" TEXT NOT NULL DEFAULT '[]',
    "assignedGroupId" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "editedParams" TEXT,
    "paramsVersion" INTEGER NOT NULL DEFAULT 1,
    "expiresAt" DATETIME,
    "status" TEXT NOT NULL,
    "gateReasons" TEXT NOT NULL DEFAULT '[]',
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
INSERT INTO "new_Action" ("agentId", "approvalsRequired", "approvedParamsHash", "createdAt", "decidedAt", "decisionReason", "downstreamRef", "expiresAt", "gateReasons", "id", "params", "paramsHash", "reason", "requester", "requesterVerified", "result", "reviewerId", "sources", "status", "toolId", "toolName", "traceId", "updatedAt") SELECT "agentId", "approvalsRequired", "approvedParamsHash", "createdAt", "decidedAt", "decisionReason", "downstreamRef", "expiresAt", "gateReasons", "id", "params", "paramsHash", "reason", "requester", "requesterVerified", "result", "reviewerId", "sources", "status", "toolId", "toolName", "traceId", "updatedAt" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_status_createdAt_idx" ON "Action"("status", "createdAt");
CREATE INDEX "Action_agentId_createdAt_idx" ON "Action"("agentId", "createdAt");
CREATE INDEX "Action_agentId_toolId_createdAt_idx" ON "Action"("agentId", "toolId", "createdAt");
CREATE INDEX "Action_agentId_status_idx" ON "Action"("agentId", "status");
CREATE INDEX "Action_agentId_paramsHash_createdAt_idx" ON "Action"("agentId", "paramsHash", "createdAt");
CREATE INDEX "Action_agentId_traceId_idx" ON "Action"("agentId", "traceId");
CREATE INDEX "Action_status_expiresAt_idx" ON "Action"("status", "expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReviewerGroup_name_key" ON "ReviewerGroup"("name");

-- CreateIndex
CREATE INDEX "ReviewerGroupMember_userId_idx" ON "ReviewerGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationChannel_name_key" ON "NotificationChannel"("name");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_actionId_idx" ON "NotificationDelivery"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_channelId_eventSeq_key" ON "NotificationDelivery"("channelId", "eventSeq");
