-- AlterTable
ALTER TABLE "PickupPoint" ADD COLUMN     "capacityPerSlot" INTEGER;
