"use client";

import { useEffect, useState } from "react";
import { TERRITORY_PARAM } from "@/lib/territory/request-header";

type Availability = { todayHours: string; nextSlot: string | null };

/**
 * Today's hours and the next pickup slot, fetched when the (cached) shop page is
 * shown: both move with the clock and the bookings. Without JavaScript the
 * weekly hours beside it still tell when the shop opens.
 */
type Labels = { todayHours: string; nextSlot: string; closedToday: string; noSlot: string; unavailable: string };

export function ShopAvailability({ slug, territorySlug, locale, labels }: { slug: string; territorySlug: string; locale: string; labels: Labels }) {
  const [state, setState] = useState<Availability | "loading" | "failed">("loading");
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/boutiques/${encodeURIComponent(slug)}/disponibilite?locale=${locale}&${TERRITORY_PARAM}=${encodeURIComponent(territorySlug)}`, { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Availability>) : Promise.reject(new Error(String(response.status)))))
      .then(setState)
      .catch(() => {
        if (!controller.signal.aborted) setState("failed");
      });
    return () => controller.abort();
  }, [slug, territorySlug, locale]);
  const pending = state === "loading" ? "…" : state === "failed" ? labels.unavailable : null;
  return (
    <div aria-busy={state === "loading"}>
      <h2 id="shop-hours" className="font-semibold">{labels.todayHours}</h2>
      <p data-testid="today-hours">{pending ?? (typeof state === "object" && state.todayHours ? state.todayHours : labels.closedToday)}</p>
      <h2 className="mt-3 font-semibold">{labels.nextSlot}</h2>
      <p data-testid="next-slot">{pending ?? (typeof state === "object" && state.nextSlot ? state.nextSlot : labels.noSlot)}</p>
    </div>
  );
}
