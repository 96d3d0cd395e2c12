-- CreateEnum
CREATE TYPE "SubstitutionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REFUSED', 'EXPIRED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderChange" ADD VALUE 'SUBSTITUTE_PROPOSED';
ALTER TYPE "OrderChange" ADD VALUE 'SUBSTITUTED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "acceptSubstitutes" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Substitution" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "originalQuantity" INTEGER NOT NULL,
    "originalTotalCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "soldByWeight" BOOLEAN NOT NULL DEFAULT false,
    "estimatedGrams" INTEGER,
    "lineTotalCents" INTEGER NOT NULL,
    "maxLineTotalCents" INTEGER NOT NULL,
    "status" "SubstitutionStatus" NOT NULL DEFAULT 'PROPOSED',
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "proposedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Substitution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Substitution_tokenHash_key" ON "Substitution"("tokenHash");

-- CreateIndex
CREATE INDEX "Substitution_orderId_idx" ON "Substitution"("orderId");

-- CreateIndex
CREATE INDEX "Substitution_lineId_idx" ON "Substitution"("lineId");

-- CreateIndex
CREATE INDEX "Substitution_productId_idx" ON "Substitution"("productId");

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a substitute is at least one piece, priced like a line (at most its maximum), and decided once.
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_amounts_check" CHECK (
  "quantity" > 0 AND "originalQuantity" > 0 AND "unitPriceCents" >= 0 AND "lineTotalCents" >= 0
  AND "maxLineTotalCents" >= "lineTotalCents" AND "originalTotalCents" >= 0
);
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_decided_check" CHECK (("status" = 'PROPOSED') = ("decidedAt" IS NULL));
