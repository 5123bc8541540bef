-- CreateTable
CREATE TABLE "ApprovalFloor" (
    "id" TEXT NOT NULL,
    "actionLevel" TEXT,
    "toolId" TEXT,
    "minApprovals" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,

    CONSTRAINT "ApprovalFloor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantChangeRequest" (
    "id" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "rules" TEXT NOT NULL,
    "loosened" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "GrantChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalFloor_actionLevel_key" ON "ApprovalFloor"("actionLevel");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalFloor_toolId_key" ON "ApprovalFloor"("toolId");

-- CreateIndex
CREATE INDEX "GrantChangeRequest_grantId_status_idx" ON "GrantChangeRequest"("grantId", "status");

-- CreateIndex
CREATE INDEX "GrantChangeRequest_status_requestedAt_idx" ON "GrantChangeRequest"("status", "requestedAt");
