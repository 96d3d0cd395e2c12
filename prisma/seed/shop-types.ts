import type { CategorySlug, CommuneName, RelayKey } from "./territory-data";

/**
 * [name, price in cents, stock (null = unlimited), in-shop section, unit, VAT in basis points,
 *  grams of a piece when sold by weight (the price is then per kg)]
 */
export type SeedProduct = [string, number, number | null, string, string, number] | [string, number, number | null, string, string, number, number];

export type SeedShop = {
  slug: string;
  name: string;
  category: CategorySlug;
  commune: CommuneName;
  addressLine: string;
  latitude: number;
  longitude: number;
  phone: string;
  description: string;
  relays: RelayKey[];
  /** Key of a demo shopkeeper account, or null */
  owner: string | null;
  products: SeedProduct[];
  /** Delivers (issue #15): [commune, fee in cents] per commune, the minimum basket and the free-delivery threshold */
  delivery?: { zones: [CommuneName, number][]; minimumCents: number; freeFromCents: number | null };
  /** Takes online payment (in the demo, through a payments account already onboarded on the Stripe double) */
  acceptsOnline?: boolean;
};
