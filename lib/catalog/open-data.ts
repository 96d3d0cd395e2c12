import type { PrismaClient } from "@/generated/prisma/client";
import { toCsv } from "./csv-format";
import { readOpeningHours } from "./opening-hours";
import { publishedShop } from "./published";

export type DirectoryEntry = {
  name: string;
  category: string;
  address: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  openingHours: { weekday: number; opens: string; closes: string }[];
  pickupOptions: string[];
  url: string;
};

/** The public directory of a territory's published shops, for open-data reuse. */
export async function publicDirectory(db: PrismaClient, territorySlug: string, baseUrl: string): Promise<DirectoryEntry[]> {
  const shops = await db.shop.findMany({
    where: { territory: { slug: territorySlug }, ...publishedShop },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, addressLine: true, postalCode: true, city: true, latitude: true, longitude: true, openingHours: true, category: { select: { nameFr: true } }, relayPoints: { select: { pickupPoint: { select: { name: true } } } },
      deliveryPoint: { select: { active: true } }, deliveryZones: { select: { commune: { select: { name: true } } }, orderBy: { commune: { name: "asc" } } } },
  });
  return shops.map((shop) => ({
    name: shop.name,
    category: shop.category.nameFr,
    address: shop.addressLine,
    postalCode: shop.postalCode,
    city: shop.city,
    latitude: shop.latitude,
    longitude: shop.longitude,
    openingHours: readOpeningHours(shop.openingHours),
    pickupOptions: [
      "retrait au magasin",
      ...shop.relayPoints.map((r) => `point relais : ${r.pickupPoint.name}`),
      ...(shop.deliveryPoint?.active && shop.deliveryZones.length > 0 ? [`livraison à domicile : ${shop.deliveryZones.map((z) => z.commune.name).join(", ")}`] : []),
    ],
    url: `${baseUrl}/boutiques/${shop.slug}`,
  }));
}

const DAYS = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];

export function directoryCsv(entries: DirectoryEntry[]): string {
  return toCsv([
    ["nom", "categorie", "adresse", "code_postal", "commune", "latitude", "longitude", "horaires", "retraits", "url"],
    ...entries.map((e) => [
      e.name,
      e.category,
      e.address,
      e.postalCode,
      e.city,
      e.latitude,
      e.longitude,
      e.openingHours.map((h) => `${DAYS[h.weekday - 1]} ${h.opens}-${h.closes}`).join(", "),
      e.pickupOptions.join(" | "),
      e.url,
    ]),
  ]);
}
