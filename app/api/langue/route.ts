import { z } from "zod";
import { sameOriginReturnPath } from "@/lib/http/return-path";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";

const localeSchema = z.enum(locales);

/**
 * The language switch (a plain form, works without JavaScript): remembers the
 * chosen locale for a year and goes back to the page, which proxy.ts then serves
 * in that language. Unknown values change nothing.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const parsed = localeSchema.safeParse(form?.get("locale"));
  const headers = new Headers({ Location: sameOriginReturnPath(request.headers.get("referer"), request.headers.get("host")), "Cache-Control": "no-store" });
  if (parsed.success) headers.append("Set-Cookie", `${LOCALE_COOKIE}=${parsed.data}; Path=/; Max-Age=${365 * 24 * 60 * 60}; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
}
