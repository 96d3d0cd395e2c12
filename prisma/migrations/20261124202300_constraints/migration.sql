-- Invariants Prisma's schema language cannot express. They are the last line of
-- defence behind the conditional updates in lib/: stock never negative, a slot
-- never booked beyond its capacity, amounts never negative.

ALTER TABLE "Product"
  ADD CONSTRAINT "Product_stock_not_negative" CHECK ("stock" IS NULL OR "stock" >= 0),
  ADD CONSTRAINT "Product_price_not_negative" CHECK ("priceCents" >= 0),
  ADD CONSTRAINT "Product_vat_rate_range" CHECK ("vatRateBp" BETWEEN 0 AND 10000),
  ADD CONSTRAINT "Product_low_stock_alert_not_negative" CHECK ("lowStockAlert" >= 0);

ALTER TABLE "CartLine"
  ADD CONSTRAINT "CartLine_quantity_range" CHECK ("quantity" BETWEEN 1 AND 999);

ALTER TABLE "SlotCounter"
  ADD CONSTRAINT "SlotCounter_capacity_not_negative" CHECK ("capacity" >= 0),
  ADD CONSTRAINT "SlotCounter_booked_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity"),
  ADD CONSTRAINT "SlotCounter_ends_after_start" CHECK ("endsAt" > "startsAt");

ALTER TABLE "RelayPointSlotCounter"
  ADD CONSTRAINT "RelayPointSlotCounter_capacity_not_negative" CHECK ("capacity" >= 0),
  ADD CONSTRAINT "RelayPointSlotCounter_booked_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity"),
  ADD CONSTRAINT "RelayPointSlotCounter_ends_after_start" CHECK ("endsAt" > "startsAt");

ALTER TABLE "PickupScheduleRule"
  ADD CONSTRAINT "PickupScheduleRule_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7),
  ADD CONSTRAINT "PickupScheduleRule_hours_order" CHECK ("opensAtMinute" >= 0 AND "opensAtMinute" < "closesAtMinute" AND "closesAtMinute" <= 1440),
  ADD CONSTRAINT "PickupScheduleRule_slot_length" CHECK ("slotMinutes" BETWEEN 5 AND 720),
  ADD CONSTRAINT "PickupScheduleRule_capacity_positive" CHECK ("capacityPerSlot" >= 1),
  ADD CONSTRAINT "PickupScheduleRule_lead_time_not_negative" CHECK ("leadTimeMinutes" >= 0),
  ADD CONSTRAINT "PickupScheduleRule_cutoff_range" CHECK ("sameDayCutoffMinute" IS NULL OR "sameDayCutoffMinute" BETWEEN 0 AND 1440),
  ADD CONSTRAINT "PickupScheduleRule_horizon_range" CHECK ("horizonDays" BETWEEN 1 AND 365);

ALTER TABLE "PickupClosure"
  ADD CONSTRAINT "PickupClosure_dates_order" CHECK ("endsOn" >= "startsOn"),
  ADD CONSTRAINT "PickupClosure_has_target" CHECK ("shopId" IS NOT NULL OR "pickupPointId" IS NOT NULL),
  ADD CONSTRAINT "PickupClosure_special_hours" CHECK (
    "kind" = 'CLOSED' OR ("opensAtMinute" IS NOT NULL AND "closesAtMinute" IS NOT NULL AND "opensAtMinute" < "closesAtMinute")
  );

ALTER TABLE "PickupPoint"
  ADD CONSTRAINT "PickupPoint_door_has_shop" CHECK (("kind" = 'SHOP_DOOR') = ("shopId" IS NOT NULL));

ALTER TABLE "Shop"
  ADD CONSTRAINT "Shop_position_range" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);

ALTER TABLE "Order"
  ADD CONSTRAINT "Order_amounts_not_negative" CHECK ("subtotalCents" >= 0 AND "vatCents" >= 0 AND "totalCents" >= 0),
  ADD CONSTRAINT "Order_slot_order" CHECK ("slotEndsAt" > "slotStartsAt");

ALTER TABLE "OrderLine"
  ADD CONSTRAINT "OrderLine_quantity_positive" CHECK ("quantity" >= 1),
  ADD CONSTRAINT "OrderLine_total_matches" CHECK ("unitPriceCents" >= 0 AND "lineTotalCents" = "unitPriceCents" * "quantity");

ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0);

ALTER TABLE "RoleGrant"
  ADD CONSTRAINT "RoleGrant_scope" CHECK (("role" = 'SUPER_ADMIN') = ("territoryId" IS NULL));

-- Extensions the storefront search builds on (French full-text, accent-insensitive, fuzzy).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
