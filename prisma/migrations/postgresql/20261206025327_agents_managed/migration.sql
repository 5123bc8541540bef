-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "monitoringNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shutoffContact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
