-- Host names a territory is served at (issue #12: a town per address).
CREATE TABLE "TerritoryDomain" (
    "host" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TerritoryDomain_pkey" PRIMARY KEY ("host"),
    -- Stored as the request compares it: lower case, no port, no scheme.
    CONSTRAINT "TerritoryDomain_host_check" CHECK ("host" ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$' AND length("host") <= 253)
);
CREATE INDEX "TerritoryDomain_territoryId_idx" ON "TerritoryDomain"("territoryId");
ALTER TABLE "TerritoryDomain" ADD CONSTRAINT "TerritoryDomain_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every page's links depend on where its territory is served: a domain change
-- invalidates the territory's pages and the request router's directory.
CREATE FUNCTION comptoir_cache_territory_domain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM comptoir_cache_tag('territories');
  IF TG_OP <> 'INSERT' THEN PERFORM comptoir_cache_tag('territory:' || OLD."territoryId"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM comptoir_cache_tag('territory:' || NEW."territoryId"); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comptoir_cache AFTER INSERT OR UPDATE OR DELETE ON "TerritoryDomain" FOR EACH ROW EXECUTE FUNCTION comptoir_cache_territory_domain();
