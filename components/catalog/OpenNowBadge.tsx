"use client";

import { useSyncExternalStore } from "react";
import { isOpenAt, type OpeningHours } from "@/lib/catalog/open-now";

const noSubscription = () => () => {};

/**
 * "Open" / "Closed" computed in the visitor's browser from the cached opening
 * hours (Paris time), so the page that shows it can be cached. Nothing is shown
 * in the server's HTML: a cached page must not claim a state that may have changed.
 */
export function OpenNowBadge({ hours, openLabel, closedLabel }: { hours: OpeningHours; openLabel: string; closedLabel: string }) {
  const open = useSyncExternalStore(noSubscription, () => isOpenAt(hours, new Date()), () => null);
  if (open === null) return null;
  return <span data-testid="open-now"> · {open ? openLabel : closedLabel}</span>;
}
