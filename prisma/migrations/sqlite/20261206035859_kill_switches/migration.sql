-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Switch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "engaged" BOOLEAN NOT NULL DEFAULT false,
    "changedById" TEXT,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope" TEXT NOT NULL DEFAULT 'global',
    "agentId" TEXT,
    "toolName" TEXT,
    "effect" TEXT NOT NULL DEFAULT 'block',
    "engagedKey" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "engagedById" TEXT,
    "engagedAt" DATETIME,
    "releasedById" TEXT,
    "releasedAt" DATETIME,
    "releaseReason" TEXT
);
INSERT INTO "new_Switch" ("changedAt", "changedById", "engaged", "id") SELECT "changedAt", "changedById", "engaged", "id" FROM "Switch";
DROP TABLE "Switch";
ALTER TABLE "new_Switch" RENAME TO "Switch";
CREATE UNIQUE INDEX "Switch_engagedKey_key" ON "Switch"("engagedKey");
CREATE INDEX "Switch_engaged_idx" ON "Switch"("engaged");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
