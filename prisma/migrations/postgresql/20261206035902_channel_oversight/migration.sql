-- AlterTable
ALTER TABLE "NotificationChannel" ADD COLUMN     "oversight" TEXT NOT NULL DEFAULT '[]';
