-- AlterTable
ALTER TABLE "Switch" ADD COLUMN     "incidentId" TEXT;

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "allAgents" BOOLEAN NOT NULL DEFAULT false,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "manualFallback" TEXT NOT NULL DEFAULT '',
    "containment" TEXT NOT NULL DEFAULT '[]',
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentAgent" (
    "incidentId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "pausedByIncident" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "IncidentAgent_pkey" PRIMARY KEY ("incidentId","agentId")
);

-- CreateTable
CREATE TABLE "IncidentNote" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentMark" (
    "incidentId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "markedById" TEXT,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentMark_pkey" PRIMARY KEY ("incidentId","actionId")
);

-- CreateTable
CREATE TABLE "ReturnToNormalRequest" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "switchId" TEXT,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "singleAdmin" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReturnToNormalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_status_openedAt_idx" ON "Incident"("status", "openedAt");

-- CreateIndex
CREATE INDEX "IncidentAgent_agentId_idx" ON "IncidentAgent"("agentId");

-- CreateIndex
CREATE INDEX "IncidentNote_incidentId_createdAt_idx" ON "IncidentNote"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "ReturnToNormalRequest_incidentId_status_idx" ON "ReturnToNormalRequest"("incidentId", "status");

-- CreateIndex
CREATE INDEX "ReturnToNormalRequest_switchId_status_idx" ON "ReturnToNormalRequest"("switchId", "status");

-- CreateIndex
CREATE INDEX "Switch_incidentId_idx" ON "Switch"("incidentId");

-- AddForeignKey
ALTER TABLE "IncidentAgent" ADD CONSTRAINT "IncidentAgent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentNote" ADD CONSTRAINT "IncidentNote_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentMark" ADD CONSTRAINT "IncidentMark_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
