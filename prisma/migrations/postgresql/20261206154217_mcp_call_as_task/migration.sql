-- AlterTable
ALTER TABLE "McpCall" ADD COLUMN     "asTask" BOOLEAN NOT NULL DEFAULT false;
