/*
  Warnings:

  - A unique constraint covering the columns `[accessToken]` on the table `Checkout` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `accessToken` to the `Checkout` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "Checkout" ADD COLUMN     "accessToken" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Checkout_accessToken_key" ON "Checkout"("accessToken");
