import type { PrismaClient } from "@/generated/prisma/client";
import type { SeedProduct } from "@/prisma/seed/shop-types";
import { seedShop } from "@/prisma/seed/seed-shop";

export const SHOP200_SLUG = "epicerie-du-grand-marche";
/** One- and two-word French queries, typed without accents as people do. */
export const SEARCHES = ["confiture", "miel fermier", "cafe", "fromage brebis", "pates", "confiture figues", "chocolat", "the bio", "saucisson fume", "brioche"];
const WHOLESALE_SHOPS = 10;

const FOODS = ["Pain", "Fromage", "Confiture", "Miel", "Café", "Thé", "Chocolat", "Biscuit", "Jus", "Cidre", "Pâté", "Terrine", "Huile", "Vinaigre", "Moutarde", "Farine", "Lentilles", "Pâtes", "Riz", "Sirop", "Savon", "Bougie", "Carnet", "Crayon", "Jouet", "Livre", "Tisane", "Galette", "Brioche", "Saucisson"];
const KINDS = ["de campagne", "bio", "fermier", "artisanal", "au lait cru", "aux noix", "à l'ancienne", "de saison", "du Poitou", "des Charentes", "aux herbes", "fumé", "doux", "corsé", "épicé", "nature", "au miel", "aux figues", "de chèvre", "de brebis"];
const SECTIONS = ["Épicerie salée", "Épicerie sucrée", "Boissons", "Crèmerie", "Maison", "Papeterie", "Cadeaux", "Produits locaux"];

/** A product name like "Confiture aux figues 12" from a counter: the vocabulary search will hit. */
function productName(index: number): string {
  return `${FOODS[index % FOODS.length]} ${KINDS[Math.floor(index / FOODS.length) % KINDS.length]} ${Math.floor(index / (FOODS.length * KINDS.length)) + 1}`;
}

function products(count: number, offset: number): SeedProduct[] {
  return Array.from({ length: count }, (_, i) => [productName(offset + i), 150 + ((offset + i) % 40) * 35, 100_000, SECTIONS[(offset + i) % SECTIONS.length] ?? "Divers", "pièce", 550]);
}

/**
 * The benchmark's catalog on top of the demo territory: a 200-product grocery
 * (many slots, unlimited-looking stock) and ten wholesale markets carrying
 * 100,000 products for the search scenario.
 */
export async function seedBenchData(db: PrismaClient, options: { wholesaleShops?: number } = {}): Promise<void> {
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
  const category = await db.category.findFirstOrThrow({ where: { territoryId: territory.id, slug: "alimentation" } });
  const commune = await db.commune.findFirstOrThrow({ where: { territoryId: territory.id, name: "Poitiers" } });
  const place = { id: commune.id, name: commune.name, postalCode: commune.postalCode };
  const base = {
    category: "alimentation" as const, commune: "Poitiers" as const, addressLine: "1 place du Marché", latitude: 46.58, longitude: 0.34,
    phone: "05 49 00 00 00", relays: [], owner: null,
  };
  const shops = [
    { ...base, slug: SHOP200_SLUG, name: "Épicerie du Grand Marché", description: "Deux cents produits du coin.", products: products(200, 0) },
    ...Array.from({ length: options.wholesaleShops ?? WHOLESALE_SHOPS }, (_, n) => ({ ...base, slug: `marche-de-gros-${n + 1}`, name: `Marché de gros ${n + 1}`, description: "Grossiste pour les commerces du territoire.", products: products(10_000, 200 + n * 10_000) })),
  ];
  for (const shop of shops) {
    await db.$transaction((tx) => seedShop(tx, { shop, territoryId: territory.id, categoryId: category.id, commune: place, ownerId: null, relayIds: new Map(), now: new Date() }), { timeout: 120_000 });
  }
  // Orders must never wait for a slot place: stock and slots are not what the benchmark measures.
  const shop200 = await db.shop.findFirstOrThrow({ where: { slug: SHOP200_SLUG } });
  await db.pickupScheduleRule.updateMany({ where: { shopId: shop200.id }, data: { capacityPerSlot: 100_000, leadTimeMinutes: 0, sameDayCutoffMinute: null } });
}
