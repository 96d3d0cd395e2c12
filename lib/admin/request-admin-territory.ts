import "server-only";
import { cookies } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { resolveAdminTerritory } from "./admin-territory";

/** Remembers which territory the console shows, for admins of several (and the super-admin). */
export const ADMIN_TERRITORY_COOKIE = "comptoir_admin_territoire";

/** The territory this request's admin works on (the one they switched to, else the deployment's default, else theirs). */
export async function requestAdminTerritory(actor: Actor) {
  const chosen = (await cookies()).get(ADMIN_TERRITORY_COOKIE)?.value;
  return resolveAdminTerritory(db(), actor, chosen || env().DEFAULT_TERRITORY);
}
