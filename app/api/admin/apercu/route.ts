import { z } from "zod";
import { listAdministeredTerritories } from "@/lib/admin/admin-territory";
import { getActor, getSessionId } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { issuePreviewPass } from "@/lib/territory/preview-passes";
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
  const actor = await getActor();
  const allowed = (await listAdministeredTerritories(db(), actor)).some((t) => t.slug === slug.data);
  const site = allowed ? await territorySite(slug.data) : null;
  const secret = process.env.NEXTAUTH_SECRET;
  const sessionId = await getSessionId();
  if (!site || !secret || !sessionId) return new Response("Introuvable / Not found", { status: 404 });
  // The pass is bound to this signed-in session: signing out, losing the role or a revocation ends it.
  const pass = await issuePreviewPass(db(), { actor, territoryId: site.id, sessionId, secret });
  const origin = new URL(site.publicUrl).origin;
  const location = `${origin}/api/apercu?jeton=${encodeURIComponent(pass)}`;
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
