-- CreateTable
CREATE TABLE "ApprovalFloor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionLevel" TEXT,
    "toolId" TEXT,
    "minApprovals" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT
);

-- CreateTable
CREATE TABLE "GrantChangeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "grantId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "rules" TEXT NOT NULL,
    "loosened" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "note" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalFloor_actionLevel_key" ON "ApprovalFloor"("actionLevel");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalFloor_toolId_key" ON "ApprovalFloor"("toolId");

-- CreateIndex
CREATE INDEX "GrantChangeRequest_grantId_status_idx" ON "GrantChangeRequest"("grantId", "status");

-- CreateIndex
CREATE INDEX "GrantChangeRequest_status_requestedAt_idx" ON "GrantChangeRequest"("status", "requestedAt");
