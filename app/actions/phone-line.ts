"use server";

import { notFound, redirect } from "next/navigation";
import { formFields } from "@/lib/actions/form-fields";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { rememberCaller } from "@/lib/phone-line/caller";
import { getPhoneLineDesk } from "@/lib/phone-line/find-options";

/**
 * The phone line's search: the caller's commune (and address) are remembered for the checkout, then the
 * results page shows who can serve them. The commune must be one of the desk's town; anything else is ignored.
 */
export async function takeCallAction(formData: FormData): Promise<void> {
  const form = formFields(formData);
  const territorySlug = form.optional("territoire");
  const desk = await getPhoneLineDesk(db(), { actor: await getActor(), territorySlug }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const commune = desk.communes.find((c) => c.id === form.text("commune"));
  const query = new URLSearchParams({ ...(territorySlug ? { territoire: desk.territory.slug } : {}), ...(commune ? { commune: commune.id } : {}) });
  if (commune) await rememberCaller({ territoryId: desk.territory.id, communeId: commune.id, addressLine: form.text("adresse").slice(0, 200) });
  redirect(`/telephone${query.size ? `?${query}` : ""}`);
}
