-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_McpCall" (
    "actionId" TEXT NOT NULL PRIMARY KEY,
    "callHash" TEXT NOT NULL,
    "serverId" TEXT,
    "upstreamName" TEXT,
    "calledAt" DATETIME,
    "answeredAt" DATETIME,
    "asTask" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_McpCall" ("actionId", "answeredAt", "callHash", "calledAt", "createdAt", "serverId", "upstreamName") SELECT "actionId", "answeredAt", "callHash", "calledAt", "createdAt", "serverId", "upstreamName" FROM "McpCall";
DROP TABLE "McpCall";
ALTER TABLE "new_McpCall" RENAME TO "McpCall";
CREATE INDEX "McpCall_callHash_answeredAt_idx" ON "McpCall"("callHash", "answeredAt");
CREATE INDEX "McpCall_serverId_upstreamName_idx" ON "McpCall"("serverId", "upstreamName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
