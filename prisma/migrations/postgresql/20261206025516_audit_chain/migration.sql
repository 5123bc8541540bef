-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainIndex" INTEGER,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" TEXT NOT NULL,
    "chainIndex" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "floorSeq" INTEGER NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "chainIndex" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("chainIndex")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "checkpoints" INTEGER NOT NULL,
    "unsealed" INTEGER NOT NULL,
    "verifiedThroughSeq" INTEGER,
    "firstBadSeq" INTEGER,
    "problem" TEXT,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainIndex_key" ON "AuditEvent"("chainIndex");
