/*
  Warnings:

  - A unique constraint covering the columns `[deliveryShopId]` on the table `PickupPoint` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'OUT_FOR_DELIVERY';

-- AlterEnum
ALTER TYPE "PickupPointKind" ADD VALUE 'DELIVERY';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "deliveryAddress" TEXT,
ADD COLUMN     "deliveryCommuneId" TEXT,
ADD COLUMN     "deliveryFeeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "deliveryInstructions" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "PickupPoint" ADD COLUMN     "deliveryShopId" TEXT;

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "deliveryFreeFromCents" INTEGER,
ADD COLUMN     "deliveryMinimumCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DeliveryZone" (
    "shopId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "feeCents" INTEGER NOT NULL,

    CONSTRAINT "DeliveryZone_pkey" PRIMARY KEY ("shopId","communeId")
);

-- CreateIndex
CREATE INDEX "DeliveryZone_communeId_idx" ON "DeliveryZone"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "PickupPoint_deliveryShopId_key" ON "PickupPoint"("deliveryShopId");

-- AddForeignKey
ALTER TABLE "PickupPoint" ADD CONSTRAINT "PickupPoint_deliveryShopId_fkey" FOREIGN KEY ("deliveryShopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryZone" ADD CONSTRAINT "DeliveryZone_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryZone" ADD CONSTRAINT "DeliveryZone_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_deliveryCommuneId_fkey" FOREIGN KEY ("deliveryCommuneId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A point is a shop's door or its delivery, never both.
ALTER TABLE "PickupPoint" ADD CONSTRAINT "PickupPoint_door_or_delivery" CHECK ("shopId" IS NULL OR "deliveryShopId" IS NULL);
-- Fees and thresholds are amounts in cents, sane ones.
ALTER TABLE "DeliveryZone" ADD CONSTRAINT "DeliveryZone_fee_range" CHECK ("feeCents" BETWEEN 0 AND 10000);
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_delivery_amounts" CHECK ("deliveryMinimumCents" BETWEEN 0 AND 100000 AND ("deliveryFreeFromCents" IS NULL OR "deliveryFreeFromCents" BETWEEN 0 AND 100000));
ALTER TABLE "Order" ADD CONSTRAINT "Order_delivery_fee" CHECK ("deliveryFeeCents" >= 0 AND "deliveryFeeCents" <= "subtotalCents");
