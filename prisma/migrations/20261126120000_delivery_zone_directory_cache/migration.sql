-- The town's directory (its home) filters shops by the commune they deliver to and marks those that
-- deliver: a delivery zone's change tags the town as well as the shop's page (decisions/0007).
CREATE OR REPLACE FUNCTION comptoir_cache_delivery_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM comptoir_cache_tag('shop:' || OLD."shopId");
    PERFORM comptoir_cache_tag('territory:' || s."territoryId") FROM "Shop" s WHERE s.id = OLD."shopId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM comptoir_cache_tag('shop:' || NEW."shopId");
    PERFORM comptoir_cache_tag('territory:' || s."territoryId") FROM "Shop" s WHERE s.id = NEW."shopId";
  END IF;
  RETURN NULL;
END $$;
