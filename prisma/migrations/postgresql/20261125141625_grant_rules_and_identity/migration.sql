-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "requesterIssuer" TEXT,
ADD COLUMN     "requesterKey" TEXT;

-- AlterTable
ALTER TABLE "AgentKey" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "sensitiveFields" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "summaryTemplate" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "supportsRollback" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "approvals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "constraints" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "environment" TEXT NOT NULL DEFAULT 'any',
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "loopMaxRepeats" INTEGER,
ADD COLUMN     "loopPauseAgent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "loopWindowSeconds" INTEGER,
ADD COLUMN     "maxCallsPerTrace" INTEGER,
ADD COLUMN     "maxPending" INTEGER,
ADD COLUMN     "rateLimitCount" INTEGER,
ADD COLUMN     "rateLimitWindowSeconds" INTEGER,
ADD COLUMN     "requester" TEXT,
ADD COLUMN     "requireReason" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "approvalsRequired" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "approvedParamsHash" TEXT,
ADD COLUMN     "paramsHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "requesterVerified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ActionApproval" (
    "actionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionApproval_pkey" PRIMARY KEY ("actionId","reviewerId")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "agentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "statusCode" INTEGER,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("agentId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE INDEX "Action_agentId_toolId_createdAt_idx" ON "Action"("agentId", "toolId", "createdAt");

-- CreateIndex
CREATE INDEX "Action_agentId_status_idx" ON "Action"("agentId", "status");

-- CreateIndex
CREATE INDEX "Action_agentId_paramsHash_createdAt_idx" ON "Action"("agentId", "paramsHash", "createdAt");

-- CreateIndex
CREATE INDEX "Action_agentId_traceId_idx" ON "Action"("agentId", "traceId");

-- AddForeignKey
ALTER TABLE "ActionApproval" ADD CONSTRAINT "ActionApproval_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
