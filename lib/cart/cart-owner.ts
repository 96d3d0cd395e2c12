/** Whose cart: a signed-in user's, or a guest's identified by the random token in their cookie. */
export type CartOwner = { userId: string; guestToken?: string | null } | { userId?: null; guestToken: string | null };

export function cartWhere(owner: CartOwner, territoryId: string) {
  return owner.userId ? { territoryId, userId: owner.userId } : { territoryId, guestToken: owner.guestToken ?? "!none" };
}
