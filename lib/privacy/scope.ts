import type { Prisma } from "@/generated/prisma/client";

/**
 * The orders that are a customer's own: placed signed in, and — once the address
 * is proven theirs (verified) — placed as a guest with that address.
 */
export function ownOrders(user: { id: string; email: string; emailVerified: Date | null }): Prisma.OrderWhereInput {
  return {
    OR: [{ customerId: user.id }, ...(user.emailVerified ? [{ customerId: null, contactEmail: { equals: user.email, mode: "insensitive" as const } }] : [])],
  };
}

/** What replaces the name on an order whose customer is erased: shops and admins read it. */
export const ERASED_CUSTOMER = { deletedAccount: "Client supprimé", expiredGuest: "Client anonymisé" } as const;
