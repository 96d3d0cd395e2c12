-- French full-text search, accent-insensitive ("cafe" finds "café").
-- unaccent() is only STABLE, so it is wrapped in IMMUTABLE functions that can be indexed.
-- Names are schema-qualified: index builds run with a restricted search_path.

CREATE OR REPLACE FUNCTION comptoir_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

CREATE OR REPLACE FUNCTION comptoir_product_search(name text, section text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('french'::regconfig, public.comptoir_unaccent(coalesce(name, ''))), 'A')
        || setweight(to_tsvector('french'::regconfig, public.comptoir_unaccent(coalesce(section, ''))), 'B')
        || setweight(to_tsvector('french'::regconfig, public.comptoir_unaccent(coalesce(description, ''))), 'C')
  $$;

CREATE OR REPLACE FUNCTION comptoir_shop_search(name text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('french'::regconfig, public.comptoir_unaccent(coalesce(name, ''))), 'A')
        || setweight(to_tsvector('french'::regconfig, public.comptoir_unaccent(coalesce(description, ''))), 'C')
  $$;

CREATE INDEX "Product_search_idx" ON "Product" USING GIN (public.comptoir_product_search("name", "section", "description"));
CREATE INDEX "Shop_search_idx" ON "Shop" USING GIN (public.comptoir_shop_search("name", "description"));
