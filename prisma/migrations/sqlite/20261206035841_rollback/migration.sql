-- AlterTable
ALTER TABLE "Action" ADD COLUMN "rollbackOfId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "actionLevel" TEXT NOT NULL,
    "parameters" TEXT NOT NULL,
    "sensitiveFields" TEXT NOT NULL DEFAULT '[]',
    "summaryTemplate" TEXT NOT NULL DEFAULT '',
    "supportsRollback" BOOLEAN NOT NULL DEFAULT false,
    "rollbackKind" TEXT NOT NULL DEFAULT 'none',
    "rollbackInstructions" TEXT NOT NULL DEFAULT '',
    "rollbackToolName" TEXT,
    "rollbackMapping" TEXT NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Tool" ("actionLevel", "createdAt", "description", "enabled", "id", "name", "parameters", "sensitiveFields", "summaryTemplate", "supportsRollback", "updatedAt") SELECT "actionLevel", "createdAt", "description", "enabled", "id", "name", "parameters", "sensitiveFields", "summaryTemplate", "supportsRollback", "updatedAt" FROM "Tool";
DROP TABLE "Tool";
ALTER TABLE "new_Tool" RENAME TO "Tool";
CREATE UNIQUE INDEX "Tool_name_key" ON "Tool"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Action_rollbackOfId_idx" ON "Action"("rollbackOfId");
