-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "anonymizedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "guestRetentionMonths" INTEGER NOT NULL DEFAULT 12;

-- CreateIndex
CREATE INDEX "Order_territoryId_anonymizedAt_updatedAt_idx" ON "Order"("territoryId", "anonymizedAt", "updatedAt");

-- A retention the law can defend: at least a month (a dispute over a collected order), at most ten years.
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_guestRetentionMonths_range" CHECK ("guestRetentionMonths" BETWEEN 1 AND 120);
