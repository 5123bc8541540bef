-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "manualFallback" TEXT NOT NULL DEFAULT '';
