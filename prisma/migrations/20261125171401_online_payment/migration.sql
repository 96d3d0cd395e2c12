/*
  Warnings:

  - You are about to drop the column `provider` on the `Payment` table. All the data in the column will be lost.
  - You are about to drop the column `providerPaymentId` on the `Payment` table. All the data in the column will be lost.
  - The `status` column on the `Payment` table would be dropped and recreated. This will lead to data loss if there is data in the column.
  - A unique constraint covering the columns `[stripeSessionId]` on the table `Checkout` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[stripePaymentIntentId]` on the table `Checkout` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[idempotencyKey]` on the table `Payment` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[stripeAccountId]` on the table `Shop` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `checkoutId` to the `Payment` table without a default value. This is not possible if the table is not empty.
  - Added the required column `idempotencyKey` to the `Payment` table without a default value. This is not possible if the table is not empty.
  - Added the required column `kind` to the `Payment` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "StripeAccountStatus" AS ENUM ('NOT_CONNECTED', 'DETAILS_MISSING', 'PENDING', 'ACTIVE');

-- CreateEnum
CREATE TYPE "CheckoutPaymentStatus" AS ENUM ('NONE', 'PENDING', 'AUTHORIZED', 'CAPTURED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('AUTHORIZATION', 'CAPTURE', 'RELEASE', 'REFUND', 'TRANSFER', 'TRANSFER_REVERSAL');

-- CreateEnum
CREATE TYPE "PaymentMovementStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- DropForeignKey
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_orderId_fkey";

-- DropIndex
DROP INDEX "Payment_providerPaymentId_key";

-- AlterTable
ALTER TABLE "Checkout" ADD COLUMN     "authorizedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "captureBefore" TIMESTAMPTZ(3),
ADD COLUMN     "capturedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paymentStatus" "CheckoutPaymentStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "stripeChargeId" TEXT,
ADD COLUMN     "stripePaymentIntentId" TEXT,
ADD COLUMN     "stripeSessionId" TEXT,
ADD COLUMN     "stripeSessionUrl" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "maxTotalCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "actualGrams" INTEGER,
ADD COLUMN     "estimatedGrams" INTEGER,
ADD COLUMN     "maxLineTotalCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "soldByWeight" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Payment" DROP COLUMN "provider",
DROP COLUMN "providerPaymentId",
ADD COLUMN     "checkoutId" TEXT NOT NULL,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "idempotencyKey" TEXT NOT NULL,
ADD COLUMN     "kind" "PaymentKind" NOT NULL,
ADD COLUMN     "providerId" TEXT,
ALTER COLUMN "orderId" DROP NOT NULL,
DROP COLUMN "status",
ADD COLUMN     "status" "PaymentMovementStatus" NOT NULL DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "pieceGrams" INTEGER,
ADD COLUMN     "soldByWeight" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "weightToleranceBp" INTEGER NOT NULL DEFAULT 1500;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "noShowFeeCents" INTEGER,
ADD COLUMN     "stripeAccountId" TEXT,
ADD COLUMN     "stripeStatus" "StripeAccountStatus" NOT NULL DEFAULT 'NOT_CONNECTED';

-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "commissionBp" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Checkout_stripeSessionId_key" ON "Checkout"("stripeSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Checkout_stripePaymentIntentId_key" ON "Checkout"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "Checkout_paymentStatus_idx" ON "Checkout"("paymentStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Payment_checkoutId_idx" ON "Payment"("checkoutId");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_stripeAccountId_key" ON "Shop"("stripeAccountId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: existing orders were priced exactly, so their maximum is their total.
UPDATE "Order" SET "maxTotalCents" = "totalCents";
UPDATE "OrderLine" SET "maxLineTotalCents" = "lineTotalCents";

-- Hand-written invariants of online payment.
ALTER TABLE "Checkout" ADD CONSTRAINT "Checkout_captured_within_authorized" CHECK ("capturedCents" >= 0 AND "authorizedCents" >= 0 AND "capturedCents" <= "authorizedCents");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_nonnegative" CHECK ("amountCents" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_weight_fields" CHECK ("weightToleranceBp" BETWEEN 0 AND 10000 AND ("pieceGrams" IS NULL OR "pieceGrams" > 0) AND (NOT "soldByWeight" OR "pieceGrams" IS NOT NULL));
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_grams_positive" CHECK (("estimatedGrams" IS NULL OR "estimatedGrams" > 0) AND ("actualGrams" IS NULL OR "actualGrams" > 0));
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_noShowFee_nonnegative" CHECK ("noShowFeeCents" IS NULL OR "noShowFeeCents" >= 0);
ALTER TABLE "Territory" ADD CONSTRAINT "Territory_commission_range" CHECK ("commissionBp" BETWEEN 0 AND 5000);
