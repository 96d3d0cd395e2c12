-- Issue #12: one code at a relay point for a checkout's orders from several shops.
-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "relayBasketId" TEXT;

-- CreateTable
CREATE TABLE "RelayBasket" (
    "id" TEXT NOT NULL,
    "checkoutId" TEXT NOT NULL,
    "pickupPointId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayBasket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RelayBasket_pickupPointId_idx" ON "RelayBasket"("pickupPointId");

-- CreateIndex
CREATE UNIQUE INDEX "RelayBasket_checkoutId_pickupPointId_key" ON "RelayBasket"("checkoutId", "pickupPointId");

-- CreateIndex
CREATE UNIQUE INDEX "RelayBasket_id_checkoutId_pickupPointId_key" ON "RelayBasket"("id", "checkoutId", "pickupPointId");

-- CreateIndex
CREATE INDEX "Order_relayBasketId_idx" ON "Order"("relayBasketId");

-- AddForeignKey: an order's basket is one of its own checkout's, at its own pickup point (the database refuses anything else)
ALTER TABLE "Order" ADD CONSTRAINT "Order_relayBasketId_checkoutId_pickupPointId_fkey" FOREIGN KEY ("relayBasketId", "checkoutId", "pickupPointId") REFERENCES "RelayBasket"("id", "checkoutId", "pickupPointId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayBasket" ADD CONSTRAINT "RelayBasket_checkoutId_fkey" FOREIGN KEY ("checkoutId") REFERENCES "Checkout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayBasket" ADD CONSTRAINT "RelayBasket_pickupPointId_fkey" FOREIGN KEY ("pickupPointId") REFERENCES "PickupPoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Codes as the other pickup codes: six characters of the unambiguous alphabet.
ALTER TABLE "RelayBasket" ADD CONSTRAINT "RelayBasket_code_check" CHECK ("code" ~ '^[A-Z0-9]{6}$');
