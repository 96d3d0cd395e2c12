"use client";

import { useEffect } from "react";
import { isOpenAt, type OpeningHours } from "@/lib/catalog/open-now";

/**
 * "Open" / "Closed" on every shop card of the list, computed in the visitor's
 * browser from the cached opening hours (Paris time) so the page can be cached,
 * and written once after the page comes alive by this one component: a client
 * component per card cost the home a tenth of its Lighthouse score in hydration.
 * The cards hold empty <span data-open-hours> slots (nothing in the server's HTML:
 * a cached page must not claim a state that may have changed). Remount it (key)
 * when the list changes.
 */
export function OpenNowMarks() {
  useEffect(() => {
    const now = new Date();
    for (const slot of document.querySelectorAll<HTMLElement>("[data-open-hours]")) {
      const hours = JSON.parse(slot.dataset.openHours ?? "[]") as OpeningHours;
      slot.textContent = ` · ${isOpenAt(hours, now) ? slot.dataset.openLabel : slot.dataset.closedLabel}`;
    }
  }, []);
  return null;
}
