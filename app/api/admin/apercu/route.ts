import { z } from "zod";
import { listAdministeredTerritories } from "@/lib/admin/admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { signPreviewPass } from "@/lib/territory/preview";
import { territorySite } from "@/lib/territory/site";

/**
 * "Preview the town": gives the town's admin a preview pass and sends them to
 * the town's own address, where /api/apercu sets it as a cookie of that host
 * (a town with its own domain does not see the platform's cookies).
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const slug = z.string().regex(/^[a-z0-9-]{1,40}$/).safeParse(form?.get("territoire"));
  if (!slug.success) return new Response("Requête invalide / Bad request", { status: 400 });
  const allowed = (await listAdministeredTerritories(db(), await getActor())).some((t) => t.slug === slug.data);
  const site = allowed ? await territorySite(slug.data) : null;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!site || !secret) return new Response("Introuvable / Not found", { status: 404 });
  const origin = new URL(site.publicUrl).origin;
  const location = `${origin}/api/apercu?jeton=${encodeURIComponent(signPreviewPass(site.slug, secret))}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
