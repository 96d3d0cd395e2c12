import Link from "next/link";
import type { OpeningHours } from "@/lib/catalog/open-now";
import { territoryHref } from "@/lib/territory/href";

type Shop = { slug: string; name: string; description: string; city: string; openingHours: OpeningHours };

export function ShopCard({ shop, base, categoryName, openLabel, closedLabel, deliveryLabel = null }: { shop: Shop; base: string; categoryName: string; openLabel: string; closedLabel: string; deliveryLabel?: string | null }) {
  return (
    <article className="relative h-full rounded-xl border border-brand-100 bg-white p-4 shadow-sm">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{categoryName}</p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link href={territoryHref(base, `/boutiques/${shop.slug}`)} className="after:absolute after:inset-0 hover:underline">
          {shop.name}
        </Link>
      </h3>
      <p className="text-sm text-muted">
        {shop.city}
        <span data-testid="open-now" data-open-hours={JSON.stringify(shop.openingHours)} data-open-label={openLabel} data-closed-label={closedLabel} />
      </p>
      {deliveryLabel && <p className="mt-1 text-sm font-medium text-brand-700" data-testid="shop-delivers">{deliveryLabel}</p>}
      <p className="mt-2 line-clamp-3 text-sm">{shop.description}</p>
    </article>
  );
}
