-- Issue #12: each town chooses its map tile server (served through /api/tuiles).
-- AlterTable
ALTER TABLE "Territory" ADD COLUMN     "mapAttribution" TEXT,
ADD COLUMN     "mapTileUrl" TEXT;
