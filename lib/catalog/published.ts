import type { Prisma } from "@/generated/prisma/client";

/** Shops the storefront shows: active and published. */
export const publishedShop = { status: "ACTIVE", publishedAt: { not: null } } satisfies Prisma.ShopWhereInput;
