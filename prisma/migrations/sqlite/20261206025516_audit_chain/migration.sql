-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "chainIndex" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "chainIndex" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "floorSeq" INTEGER NOT NULL,
    "sealedAt" DATETIME NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "chainIndex" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkedAt" DATETIME NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "checkpoints" INTEGER NOT NULL,
    "unsealed" INTEGER NOT NULL,
    "verifiedThroughSeq" INTEGER,
    "firstBadSeq" INTEGER,
    "problem" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainIndex_key" ON "AuditEvent"("chainIndex");
