-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'production',
    "status" TEXT NOT NULL DEFAULT 'active',
    "mode" TEXT NOT NULL DEFAULT 'live',
    "requesterKey" TEXT,
    "requesterIssuer" TEXT,
    "monitoringNote" TEXT NOT NULL DEFAULT '',
    "shutoffContact" TEXT NOT NULL DEFAULT '',
    "manualFallback" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agent_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Agent" ("archivedAt", "createdAt", "environment", "id", "mode", "monitoringNote", "name", "ownerId", "purpose", "requesterIssuer", "requesterKey", "shutoffContact", "status", "updatedAt", "version") SELECT "archivedAt", "createdAt", "environment", "id", "mode", "monitoringNote", "name", "ownerId", "purpose", "requesterIssuer", "requesterKey", "shutoffContact", "status", "updatedAt", "version" FROM "Agent";
DROP TABLE "Agent";
ALTER TABLE "new_Agent" RENAME TO "Agent";
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
