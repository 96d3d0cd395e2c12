import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { exportCustomerData } from "@/lib/privacy/export-customer-data";
import { now } from "@/lib/time/clock";

/** The signed-in customer's data as a JSON file (RGPD access and portability); never cached. */
export async function GET() {
  const actor = await getActor();
  if (actor.kind !== "user") return Response.json({ error: "Connectez-vous pour télécharger vos données / Sign in to download your data" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const data = await exportCustomerData(db(), { actor, now: now() });
  const day = data.exportedAt.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="comptoir-mes-donnees-${day}.json"`,
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
