import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { findTerritoryBySlug } from "./current";

/** The deployment's default territory (DEFAULT_TERRITORY), once per request. */
export const getDefaultTerritory = cache(async () => findTerritoryBySlug(db(), env().DEFAULT_TERRITORY));
