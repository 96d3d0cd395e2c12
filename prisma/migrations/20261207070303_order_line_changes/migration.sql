-- CreateEnum
CREATE TYPE "OrderChange" AS ENUM ('WEIGHED', 'LINE_SHORT', 'LINE_MISSING');

-- AlterTable
ALTER TABLE "OrderEvent" ADD COLUMN     "change" "OrderChange",
ADD COLUMN     "details" JSONB;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "deliveredQuantity" INTEGER,
ADD COLUMN     "shortReason" TEXT;

-- A line is handed over with fewer than ordered, never more, never fewer than nothing.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_deliveredQuantity_check" CHECK ("deliveredQuantity" IS NULL OR ("deliveredQuantity" >= 0 AND "deliveredQuantity" < "quantity"));

-- A line costs what is handed over: nothing when missing, the price times the quantity handed over, or its weight.
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_total_matches";
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_total_matches" CHECK (
  "unitPriceCents" >= 0 AND (
    ("deliveredQuantity" = 0 AND "lineTotalCents" = 0)
    OR (NOT "soldByWeight" AND "lineTotalCents" = "unitPriceCents" * coalesce("deliveredQuantity", "quantity"))
    OR ("soldByWeight" AND "deliveredQuantity" IS NULL AND "lineTotalCents" = round("unitPriceCents"::numeric * coalesce("actualGrams", "estimatedGrams") / 1000))
  )
);
