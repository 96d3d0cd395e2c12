-- Issue #12: the pickup hours a town suggests to its new shops.
-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "defaultSchedule" JSONB;
