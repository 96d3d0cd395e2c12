import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { landingPathFor } from "@/lib/auth/landing";

/** After a sign-in with no destination: a shopkeeper to their dashboard, an admin to the admin pages, anyone else to their account. */
export default async function AfterSignInPage() {
  redirect(landingPathFor(await getActor()));
}
