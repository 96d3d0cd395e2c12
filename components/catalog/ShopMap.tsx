"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { territoryHref } from "@/lib/territory/href";

type Marker = { slug: string; name: string; latitude: number; longitude: number };
type Labels = { label: string; fallback: string; show: string; hide: string };
/** The town's tiles, served by Comptoir (/api/tuiles), and their attribution (already escaped HTML) */
type Tiles = { url: string; attribution: string };

/**
 * Map of the shops (Leaflet, on the town's tiles), drawn only when the visitor asks for it:
 * the library, its styles and the tiles cost a phone more than the whole list,
 * which already holds everything the map shows.
 */
export function ShopMap({ shops, labels, base, tiles }: { shops: Marker[]; labels: Labels; base: string; tiles: Tiles }) {
  const [shown, setShown] = useState(false);
  // Without JavaScript the button could do nothing: it appears once the page is live.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!interactive) return null;
  return (
    <div className="space-y-3">
      <button
        type="button"
        aria-expanded={shown}
        aria-controls="shop-map"
        onClick={() => setShown((value) => !value)}
        className="min-h-11 rounded-lg border border-brand-600 px-4 font-medium text-brand-800 hover:bg-brand-50"
      >
        {shown ? labels.hide : labels.show}
      </button>
      <div id="shop-map">{shown && <LeafletMap shops={shops} base={base} tiles={tiles} label={labels.label} fallback={labels.fallback} />}</div>
    </div>
  );
}

const noSubscription = () => () => {};

function LeafletMap({ shops, base, tiles, label, fallback }: { shops: Marker[]; base: string; tiles: Tiles; label: string; fallback: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: import("leaflet").Map | null = null;
    let cancelled = false;
    Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")])
      .then(([L]) => {
        if (cancelled || !container.current || shops.length === 0) return;
        map = L.map(container.current, { scrollWheelZoom: false });
        L.tileLayer(tiles.url, { maxZoom: 19, attribution: tiles.attribution }).addTo(map);
        const bounds = L.latLngBounds(shops.map((s) => [s.latitude, s.longitude] as [number, number]));
        for (const shop of shops) {
          const link = document.createElement("a");
          link.href = territoryHref(base, `/boutiques/${shop.slug}`);
          link.textContent = shop.name;
          L.circleMarker([shop.latitude, shop.longitude], { radius: 8, color: "#175531", fillColor: "#1d6b3c", fillOpacity: 0.9 }).bindPopup(link).addTo(map);
        }
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [shops, base, tiles]);
  if (failed) return <p className="rounded-lg bg-white p-4 text-muted">{fallback}</p>;
  return <div ref={container} role="region" aria-label={label} className="z-0 h-72 w-full rounded-xl border border-brand-100 bg-brand-50 sm:h-96" data-testid="shop-map" />;
}
