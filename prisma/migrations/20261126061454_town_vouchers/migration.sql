-- CreateEnum
CREATE TYPE "VoucherCampaignKind" AS ENUM ('CODES', 'TOP_UP');

-- CreateEnum
CREATE TYPE "VoucherShopScope" AS ENUM ('ALL', 'CATEGORIES', 'COMMUNES', 'SHOPS');

-- CreateEnum
CREATE TYPE "VoucherUseStatus" AS ENUM ('COMMITTED', 'SPENT', 'RELEASED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "voucherCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "VoucherCampaign" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VoucherCampaignKind" NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "committedCents" INTEGER NOT NULL DEFAULT 0,
    "spentCents" INTEGER NOT NULL DEFAULT 0,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "shopScope" "VoucherShopScope" NOT NULL DEFAULT 'ALL',
    "scopeIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "voucherValueCents" INTEGER,
    "topUpBp" INTEGER,
    "topUpCapCents" INTEGER,
    "minBasketCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VoucherCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoucherCampaignDecline" (
    "campaignId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "declinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoucherCampaignDecline_pkey" PRIMARY KEY ("campaignId","shopId")
);

-- CreateTable
CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "valueCents" INTEGER NOT NULL,
    "balanceCents" INTEGER NOT NULL,
    "recipientEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Voucher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoucherUse" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "voucherId" TEXT,
    "emailKey" TEXT,
    "phoneKey" TEXT,
    "amountCents" INTEGER NOT NULL,
    "status" "VoucherUseStatus" NOT NULL DEFAULT 'COMMITTED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "VoucherUse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VoucherCampaign_territoryId_startsAt_idx" ON "VoucherCampaign"("territoryId", "startsAt");

-- CreateIndex
CREATE INDEX "VoucherCampaignDecline_shopId_idx" ON "VoucherCampaignDecline"("shopId");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_code_key" ON "Voucher"("code");

-- CreateIndex
CREATE INDEX "Voucher_campaignId_idx" ON "Voucher"("campaignId");

-- CreateIndex
CREATE INDEX "VoucherUse_campaignId_status_settledAt_idx" ON "VoucherUse"("campaignId", "status", "settledAt");

-- CreateIndex
CREATE INDEX "VoucherUse_campaignId_emailKey_idx" ON "VoucherUse"("campaignId", "emailKey");

-- CreateIndex
CREATE INDEX "VoucherUse_campaignId_phoneKey_idx" ON "VoucherUse"("campaignId", "phoneKey");

-- CreateIndex
CREATE INDEX "VoucherUse_shopId_status_settledAt_idx" ON "VoucherUse"("shopId", "status", "settledAt");

-- CreateIndex
CREATE INDEX "VoucherUse_voucherId_idx" ON "VoucherUse"("voucherId");

-- CreateIndex
CREATE UNIQUE INDEX "VoucherUse_orderId_campaignId_key" ON "VoucherUse"("orderId", "campaignId");

-- AddForeignKey
ALTER TABLE "VoucherCampaign" ADD CONSTRAINT "VoucherCampaign_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherCampaignDecline" ADD CONSTRAINT "VoucherCampaignDecline_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "VoucherCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherCampaignDecline" ADD CONSTRAINT "VoucherCampaignDecline_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "VoucherCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherUse" ADD CONSTRAINT "VoucherUse_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "VoucherCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherUse" ADD CONSTRAINT "VoucherUse_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherUse" ADD CONSTRAINT "VoucherUse_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherUse" ADD CONSTRAINT "VoucherUse_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The budget can never be overspent, whatever the code does (issue #14).
ALTER TABLE "VoucherCampaign" ADD CONSTRAINT "VoucherCampaign_budget" CHECK ("committedCents" >= 0 AND "spentCents" >= 0 AND "committedCents" + "spentCents" <= "budgetCents");
ALTER TABLE "VoucherCampaign" ADD CONSTRAINT "VoucherCampaign_dates" CHECK ("startsAt" < "endsAt");
ALTER TABLE "VoucherCampaign" ADD CONSTRAINT "VoucherCampaign_kind_fields" CHECK (
  ("kind" = 'CODES' AND "voucherValueCents" > 0) OR
  ("kind" = 'TOP_UP' AND "topUpBp" BETWEEN 1 AND 10000 AND "topUpCapCents" > 0)
);
ALTER TABLE "VoucherCampaign" ADD CONSTRAINT "VoucherCampaign_min_basket" CHECK ("minBasketCents" >= 0);
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_balance" CHECK ("balanceCents" >= 0 AND "balanceCents" <= "valueCents");
ALTER TABLE "VoucherUse" ADD CONSTRAINT "VoucherUse_amount" CHECK ("amountCents" > 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_voucher" CHECK ("voucherCents" >= 0);
