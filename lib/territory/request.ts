import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { findTerritoryBySlug } from "./current";
import { TERRITORY_HEADER } from "./request-header";

/**
 * The town of the request being served, as proxy.ts resolved it from the address
 * (host name, /<slug> prefix, or ?territoire= for API calls); the root town when
 * the proxy did not run. For server actions and route handlers: pages get it
 * from their [territory] segment instead, so that they stay cacheable.
 */
export async function requestTerritorySlug(): Promise<string> {
  return (await headers()).get(TERRITORY_HEADER) ?? env().DEFAULT_TERRITORY;
}

export const requestTerritory = cache(async () => findTerritoryBySlug(db(), await requestTerritorySlug()));
