"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { formFields } from "@/lib/actions/form-fields";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/locales";

const localeSchema = z.enum(locales);

/** Language switch: remembers the chosen locale for a year. Unknown values (or a malformed call) change nothing. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(formFields(formData).text("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
}
