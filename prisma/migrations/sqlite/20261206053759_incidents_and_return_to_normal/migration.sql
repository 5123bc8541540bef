-- AlterTable
ALTER TABLE "Switch" ADD COLUMN "incidentId" TEXT;

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "allAgents" BOOLEAN NOT NULL DEFAULT false,
    "windowStart" DATETIME NOT NULL,
    "windowEnd" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "manualFallback" TEXT NOT NULL DEFAULT '',
    "containment" TEXT NOT NULL DEFAULT '[]',
    "openedById" TEXT,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "closedAt" DATETIME,
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "IncidentAgent" (
    "incidentId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "pausedByIncident" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("incidentId", "agentId"),
    CONSTRAINT "IncidentAgent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncidentNote_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncidentMark" (
    "incidentId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "markedById" TEXT,
    "markedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("incidentId", "actionId"),
    CONSTRAINT "IncidentMark_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnToNormalRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT,
    "switchId" TEXT,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "singleAdmin" BOOLEAN NOT NULL DEFAULT false
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
