"use client";

import { useEffect, useRef, useState } from "react";
import "leaflet/dist/leaflet.css";

type Marker = { slug: string; name: string; latitude: number; longitude: number };

/**
 * OpenStreetMap of the shops (Leaflet). Purely an extra: when the library or the
 * tiles cannot load, the page's list still has everything.
 */
export function ShopMap({ shops, label, fallback }: { shops: Marker[]; label: string; fallback: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: import("leaflet").Map | null = null;
    let cancelled = false;
    import("leaflet")
      .then((L) => {
        if (cancelled || !container.current || shops.length === 0) return;
        map = L.map(container.current, { scrollWheelZoom: false });
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
          maxZoom: 19,
          attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        }).addTo(map);
        const bounds = L.latLngBounds(shops.map((s) => [s.latitude, s.longitude] as [number, number]));
        for (const shop of shops) {
          const link = document.createElement("a");
          link.href = `/boutiques/${shop.slug}`;
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
  }, [shops]);
  if (failed) return <p className="rounded-lg bg-white p-4 text-muted">{fallback}</p>;
  return <div ref={container} role="region" aria-label={label} className="z-0 h-72 w-full rounded-xl border border-brand-100 bg-brand-50 sm:h-96" data-testid="shop-map" />;
}
