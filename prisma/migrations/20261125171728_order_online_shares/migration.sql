-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "capturedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refundedCents" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: a refund never exceeds what was captured for the order.
ALTER TABLE "Order" ADD CONSTRAINT "Order_refund_within_capture" CHECK ("capturedCents" >= 0 AND "refundedCents" >= 0 AND "refundedCents" <= "capturedCents");
