/** Every territory with its host names: what lib/territory/directory.ts builds the router's directory from. */
export const DIRECTORY_SQL = `
  SELECT t.id, t.slug, t.status::text AS status, COALESCE(array_agg(d.host ORDER BY d.host) FILTER (WHERE d.host IS NOT NULL), '{}') AS hosts
  FROM "Territory" t LEFT JOIN "TerritoryDomain" d ON d."territoryId" = t.id
  GROUP BY t.id`;
