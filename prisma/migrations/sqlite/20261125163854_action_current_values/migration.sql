-- AlterTable
ALTER TABLE "Action" ADD COLUMN "currentValues" TEXT;
