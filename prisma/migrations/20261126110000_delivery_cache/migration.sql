-- Storefront cache invalidation for delivery (issue #15; decisions/0007): a shop's page shows whether it
-- delivers, where and for what fee, so its delivery point and its zones tag that page.

CREATE OR REPLACE FUNCTION comptoir_cache_pickup_point() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE point RECORD;
BEGIN
  FOR point IN SELECT * FROM (SELECT OLD.*) o WHERE TG_OP <> 'INSERT' UNION ALL SELECT * FROM (SELECT NEW.*) n WHERE TG_OP <> 'DELETE' LOOP
    PERFORM comptoir_cache_tag('territory:' || point."territoryId");
    IF point."shopId" IS NOT NULL THEN PERFORM comptoir_cache_tag('shop:' || point."shopId"); END IF;
    IF point."deliveryShopId" IS NOT NULL THEN PERFORM comptoir_cache_tag('shop:' || point."deliveryShopId"); END IF;
    PERFORM comptoir_cache_tag('shop:' || s."shopId") FROM "ShopRelayPoint" s WHERE s."pickupPointId" = point.id;
  END LOOP;
  RETURN NULL;
END $$;

CREATE FUNCTION comptoir_cache_delivery_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('shop:' || OLD."shopId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('shop:' || NEW."shopId"); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "DeliveryZone" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_delivery_zone();
