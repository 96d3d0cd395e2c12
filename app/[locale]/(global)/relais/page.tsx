import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { listMyRelayPoints } from "@/lib/orders/handover/relay-handover";

export default async function RelayPointsPage() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/connexion?callbackUrl=/relais");
  const [points, t] = await Promise.all([listMyRelayPoints(db(), actor), getTranslations("relay")]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      {points.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {points.map((p) => (
            <li key={p.id}>
              <Link href={`/relais/${p.id}`} className="block rounded-lg bg-white p-4 font-medium underline">{p.name} — {p.city}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
