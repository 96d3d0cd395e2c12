import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { getDashboardShop } from "@/lib/dashboard/shop-context";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";

/** Page-level check for a shop's dashboard: sign in first; 404 for anyone not a member of that shop. */
export async function dashboardPage(shopId: string, path: string) {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return { actor, ...(await getDashboardShop(db(), actor, shopId)) };
  } catch (error) {
    if (isDomainError(error)) notFound();
    throw error;
  }
}
