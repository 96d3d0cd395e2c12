-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "holdExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "reminderSentAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OutgoingEmail" ADD COLUMN     "attachments" JSONB,
ADD COLUMN     "lockedAt" TIMESTAMPTZ(3),
ADD COLUMN     "territoryId" TEXT;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "morningDigest" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "noShowGraceHours" INTEGER,
ADD COLUMN     "noShowRestock" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ShopDigestLog" (
    "shopId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopDigestLog_pkey" PRIMARY KEY ("shopId","day")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_lastSeenAt_idx" ON "WorkerHeartbeat"("lastSeenAt");

-- CreateIndex
CREATE INDEX "Order_status_holdExpiresAt_idx" ON "Order"("status", "holdExpiresAt");

-- CreateIndex
CREATE INDEX "Order_status_slotEndsAt_idx" ON "Order"("status", "slotEndsAt");

-- CreateIndex
CREATE INDEX "OutgoingEmail_territoryId_createdAt_idx" ON "OutgoingEmail"("territoryId", "createdAt");

-- CreateIndex
CREATE INDEX "OutgoingEmail_orderId_idx" ON "OutgoingEmail"("orderId");

-- AddForeignKey
ALTER TABLE "ShopDigestLog" ADD CONSTRAINT "ShopDigestLog_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a no-show grace is between 1 hour and two weeks.
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_noShowGraceHours_check" CHECK ("noShowGraceHours" IS NULL OR ("noShowGraceHours" BETWEEN 1 AND 336));
