-- CreateTable
CREATE TABLE "McpServer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "credentials" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "lastError" TEXT,
    "lastRefreshAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "McpServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpTool" (
    "id" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "upstreamName" TEXT NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "McpTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpToolChange" (
    "id" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "upstreamName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "definitionHash" TEXT NOT NULL,
    "suggestedLevel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "McpToolChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpCall" (
    "actionId" TEXT NOT NULL,
    "callHash" TEXT NOT NULL,
    "serverId" TEXT,
    "upstreamName" TEXT,
    "calledAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "McpCall_pkey" PRIMARY KEY ("actionId")
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

-- AddForeignKey
ALTER TABLE "McpTool" ADD CONSTRAINT "McpTool_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "McpToolChange" ADD CONSTRAINT "McpToolChange_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
