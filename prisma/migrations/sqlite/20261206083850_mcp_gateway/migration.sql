-- CreateTable
CREATE TABLE "McpServer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "credentials" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "lastError" TEXT,
    "lastRefreshAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "McpTool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "upstreamName" TEXT NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "McpTool_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "McpToolChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverId" TEXT NOT NULL,
    "upstreamName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "suggestedLevel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "detectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    CONSTRAINT "McpToolChange_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "McpCall" (
    "actionId" TEXT NOT NULL PRIMARY KEY,
    "callHash" TEXT NOT NULL,
    "serverId" TEXT,
    "upstreamName" TEXT,
    "calledAt" DATETIME,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "McpServer_name_key" ON "McpServer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "McpTool_toolId_key" ON "McpTool"("toolId");

-- CreateIndex
CREATE UNIQUE INDEX "McpTool_serverId_upstreamName_key" ON "McpTool"("serverId", "upstreamName");

-- CreateIndex
CREATE INDEX "McpToolChange_serverId_status_idx" ON "McpToolChange"("serverId", "status");

-- CreateIndex
CREATE INDEX "McpCall_callHash_answeredAt_idx" ON "McpCall"("callHash", "answeredAt");

-- CreateIndex
CREATE INDEX "McpCall_serverId_upstreamName_idx" ON "McpCall"("serverId", "upstreamName");
