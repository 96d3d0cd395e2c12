-- AlterEnum
ALTER TYPE "OrderChange" ADD VALUE 'RESCHEDULED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "rescheduleCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "maxReschedules" INTEGER NOT NULL DEFAULT 2;

-- Hand-written: a shop allows 0 to 10 reschedules per order; an order never counts below zero.
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_maxReschedules_range" CHECK ("maxReschedules" BETWEEN 0 AND 10);
ALTER TABLE "Order" ADD CONSTRAINT "Order_rescheduleCount_nonnegative" CHECK ("rescheduleCount" >= 0);
