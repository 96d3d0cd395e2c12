import "server-only";
import { notFound, redirect } from "next/navigation";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";

/** Page-level check for the admin console: sign in first; 404 for anyone who is not a territory admin. */
export async function adminPage(path: string) {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  try {
    return { actor, territory: await requestAdminTerritory(actor) };
  } catch (error) {
    if (isDomainError(error)) notFound();
    throw error;
  }
}
