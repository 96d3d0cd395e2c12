-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);
