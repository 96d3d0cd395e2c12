-- Issue #24, item 2: a substitute dearer than the card's authorization is accepted through a new authorization.
ALTER TABLE "Substitution" ADD COLUMN "reauthorizeCents" INTEGER,
ADD COLUMN "stripeSessionId" TEXT,
ADD COLUMN "stripeSessionUrl" TEXT,
ADD COLUMN "paymentIntentId" TEXT;

CREATE UNIQUE INDEX "Substitution_stripeSessionId_key" ON "Substitution"("stripeSessionId");

ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_reauthorize_check" CHECK ("reauthorizeCents" IS NULL OR "reauthorizeCents" > 0);
-- Only a proposal that needs the new authorization has a payment page, and one paid that way was accepted.
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_payment_check" CHECK (
  ("stripeSessionId" IS NULL OR "reauthorizeCents" IS NOT NULL) AND ("paymentIntentId" IS NULL OR "status" = 'ACCEPTED')
);
