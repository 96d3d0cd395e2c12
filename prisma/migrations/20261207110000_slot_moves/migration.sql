-- CreateEnum
CREATE TYPE "SlotMoveStatus" AS ENUM ('PROPOSED', 'MOVED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "OrderChange" ADD VALUE 'SLOT_MOVE_PROPOSED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SlotMove" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "SlotMoveStatus" NOT NULL DEFAULT 'PROPOSED',
    "answered" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlotMove_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlotMove_tokenHash_key" ON "SlotMove"("tokenHash");

-- CreateIndex
CREATE INDEX "SlotMove_orderId_idx" ON "SlotMove"("orderId");

-- AddForeignKey
ALTER TABLE "SlotMove" ADD CONSTRAINT "SlotMove_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the calendar's SEQUENCE so far is the customer's reschedules; decided once.
UPDATE "Order" SET "calendarSequence" = "rescheduleCount";
ALTER TABLE "Order" ADD CONSTRAINT "Order_calendarSequence_check" CHECK ("calendarSequence" >= "rescheduleCount");
ALTER TABLE "SlotMove" ADD CONSTRAINT "SlotMove_decided_check" CHECK (("status" = 'PROPOSED') = ("decidedAt" IS NULL));
