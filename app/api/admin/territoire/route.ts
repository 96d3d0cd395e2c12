import { z } from "zod";
import { listAdministeredTerritories } from "@/lib/admin/admin-territory";
import { ADMIN_TERRITORY_COOKIE } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

const switchInput = z.object({
  territoire: z.string().regex(/^[a-z0-9-]{1,40}$/),
  // Back to an admin page only (never another site)
  suite: z.string().regex(/^\/admin(\/[a-z0-9/-]*)?$/).catch("/admin"),
});

/**
 * The console's territory switch (a plain form): remembers the chosen territory
 * for the admin's session and goes back to the admin page. A territory the
 * actor does not administer is refused like an unknown one.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const parsed = switchInput.safeParse({ territoire: form?.get("territoire"), suite: form?.get("suite") ?? "/admin" });
  if (!parsed.success) return new Response("Requête invalide / Bad request", { status: 400 });
  const territories = await listAdministeredTerritories(db(), await getActor());
  if (!territories.some((t) => t.slug === parsed.data.territoire)) return new Response("Introuvable / Not found", { status: 404 });
  const headers = new Headers({ Location: parsed.data.suite, "Cache-Control": "no-store" });
  headers.append("Set-Cookie", `${ADMIN_TERRITORY_COOKIE}=${parsed.data.territoire}; Path=/; HttpOnly; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
}
