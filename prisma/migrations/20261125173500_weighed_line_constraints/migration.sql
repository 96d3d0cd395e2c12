-- Hand-written: a line sold by weight costs its price per kg times its weight (the
-- estimate until the shop enters the real weight), not its price times the quantity.
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_total_matches";
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_total_matches" CHECK (
  "unitPriceCents" >= 0 AND (
    (NOT "soldByWeight" AND "lineTotalCents" = "unitPriceCents" * "quantity")
    OR ("soldByWeight" AND "lineTotalCents" = round("unitPriceCents"::numeric * coalesce("actualGrams", "estimatedGrams") / 1000))
  )
);

-- A release of an authorization moves 0 €: amounts are non-negative (checked since the online_payment migration).
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_amount_positive";
