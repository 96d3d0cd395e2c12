import { draftMode } from "next/headers";
import { db } from "@/lib/db/prisma";
import { previewCookieName, readPreviewPass } from "@/lib/territory/preview";
import { livePreviewPassIds } from "@/lib/territory/preview-passes";
import { territorySite } from "@/lib/territory/site";

/**
 * Sets a preview pass (signed by /api/admin/apercu) as a cookie of this host and
 * opens the town's home, in Next.js's draft mode so that the town's pages render for
 * this browser instead of coming from the shared cache (and check the pass again:
 * app/[locale]/[territory]/(storefront)/layout.tsx). A forged or expired pass sets nothing.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const pass = url.searchParams.get("jeton");
  const read = readPreviewPass(pass, process.env.NEXTAUTH_SECRET);
  const live = read ? (await livePreviewPassIds(db(), read.slug)).includes(read.passId) : false;
  const site = read && live ? await territorySite(read.slug) : null;
  if (!read || !site || !pass) return new Response("Lien d'aperçu invalide ou expiré / Invalid or expired preview link", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const maxAge = Math.max(0, read.expiresAt - Math.floor(Date.now() / 1000));
  const secure = url.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" ? "; Secure" : "";
  (await draftMode()).enable();
  const headers = new Headers({ Location: site.base || "/", "Cache-Control": "no-store" });
  headers.append("Set-Cookie", `${previewCookieName(site.slug)}=${pass}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`);
  return new Response(null, { status: 303, headers });
}
