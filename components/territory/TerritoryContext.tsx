"use client";

import { createContext, useContext, type ReactNode } from "react";
import { territoryHref } from "@/lib/territory/href";

type TerritoryLink = { slug: string | null; base: string };

const TerritoryContext = createContext<TerritoryLink>({ slug: null, base: "" });

/** Which town the page belongs to, for client components' links and API calls. */
export function TerritoryProvider({ slug, base, children }: TerritoryLink & { children: ReactNode }) {
  return <TerritoryContext.Provider value={{ slug, base }}>{children}</TerritoryContext.Provider>;
}

export function useTerritory(): TerritoryLink {
  return useContext(TerritoryContext);
}

/** path → the same path on the page's town ("/panier" → "/saintes/panier"). */
export function useTerritoryHref(): (path: string) => string {
  const { base } = useContext(TerritoryContext);
  return (path) => territoryHref(base, path);
}
