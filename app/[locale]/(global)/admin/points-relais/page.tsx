import { getTranslations } from "next-intl/server";
import { RelayPointForm } from "@/components/admin/RelayPointForm";
import { listRelayPoints } from "@/lib/admin/relay-points";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

export default async function AdminRelayPointsPage() {
  const { actor, territory } = await adminPage("/admin/points-relais");
  const [{ points, shops }, t] = await Promise.all([listRelayPoints(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("relayPoints")}</h1>
      {points.map((point) => (
        <details key={point.id} className="rounded-xl bg-white p-4">
          <summary className="min-h-11 cursor-pointer content-center text-lg font-semibold">{point.name} — {point.city}</summary>
          <RelayPointForm point={point} shops={shops} />
        </details>
      ))}
      <section aria-labelledby="new-relay" className="rounded-xl bg-white p-4">
        <h2 id="new-relay" className="mb-3 text-xl font-semibold">{t("newRelay")}</h2>
        <RelayPointForm shops={shops} />
      </section>
    </div>
  );
}
