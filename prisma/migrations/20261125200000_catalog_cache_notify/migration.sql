-- Storefront cache invalidation (docs/decisions/0007). Every change of a row the
-- cached storefront pages show sends that page's tag on the `comptoir_cache`
-- channel. NOTIFY is transactional: the tag is delivered when (and only if) the
-- writer commits, whoever the writer is. Identical tags within one transaction are
-- delivered once. Tag names: lib/catalog/cache-tags.ts.

CREATE FUNCTION comptoir_cache_tag(tag text) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify('comptoir_cache', tag)
$$;

-- Products: the shop's page and its product pages.
CREATE FUNCTION comptoir_cache_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('shop:' || OLD."shopId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('shop:' || NEW."shopId"); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "Product" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_product();

-- Shops: their page, their slug, and the territory's directory.
CREATE FUNCTION comptoir_cache_shop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM comptoir_cache_tag('shop:' || OLD.id);
    PERFORM comptoir_cache_tag('shop-slug:' || OLD."territoryId" || ':' || OLD.slug);
    PERFORM comptoir_cache_tag('territory:' || OLD."territoryId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM comptoir_cache_tag('shop:' || NEW.id);
    PERFORM comptoir_cache_tag('shop-slug:' || NEW."territoryId" || ':' || NEW.slug);
    PERFORM comptoir_cache_tag('territory:' || NEW."territoryId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "Shop" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_shop();

-- Pickup points: the directory's relay points, the door point's shop, the shops a relay point serves.
CREATE FUNCTION comptoir_cache_pickup_point() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE point RECORD;
BEGIN
  FOR point IN SELECT * FROM (SELECT OLD.*) o WHERE TG_OP <> 'INSERT' UNION ALL SELECT * FROM (SELECT NEW.*) n WHERE TG_OP <> 'DELETE' LOOP
    PERFORM comptoir_cache_tag('territory:' || point."territoryId");
    IF point."shopId" IS NOT NULL THEN PERFORM comptoir_cache_tag('shop:' || point."shopId"); END IF;
    PERFORM comptoir_cache_tag('shop:' || s."shopId") FROM "ShopRelayPoint" s WHERE s."pickupPointId" = point.id;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "PickupPoint" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_pickup_point();

-- Which relay points a shop serves.
CREATE FUNCTION comptoir_cache_shop_relay_point() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('shop:' || OLD."shopId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('shop:' || NEW."shopId"); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "ShopRelayPoint" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_shop_relay_point();

-- Categories: the directory, and the category name on each of their shops' pages.
CREATE FUNCTION comptoir_cache_category() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE category RECORD;
BEGIN
  FOR category IN SELECT * FROM (SELECT OLD.*) o WHERE TG_OP <> 'INSERT' UNION ALL SELECT * FROM (SELECT NEW.*) n WHERE TG_OP <> 'DELETE' LOOP
    PERFORM comptoir_cache_tag('territory:' || category."territoryId");
    PERFORM comptoir_cache_tag('shop:' || s.id) FROM "Shop" s WHERE s."categoryId" = category.id;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "Category" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_category();

-- Communes: the directory's filters.
CREATE FUNCTION comptoir_cache_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('territory:' || OLD."territoryId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('territory:' || NEW."territoryId"); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "Commune" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_commune();

-- Territories: name and status appear on every page.
CREATE FUNCTION comptoir_cache_territory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM comptoir_cache_tag('territories');
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('territory:' || OLD.id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('territory:' || NEW.id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "Territory" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_territory();
