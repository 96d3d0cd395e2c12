import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { listMyShops } from "@/lib/dashboard/shop-context";
import { db } from "@/lib/db/prisma";

export default async function DashboardHome() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/connexion?callbackUrl=/dashboard");
  const shops = await listMyShops(db(), actor);
  if (shops.length === 1 && shops[0]) redirect(`/dashboard/${shops[0].id}`);
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      {shops.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("noShop")}</p>
      ) : (
        <>
          <h2 className="text-xl font-semibold">{t("chooseShop")}</h2>
          <ul className="space-y-2">
            {shops.map((shop) => (
              <li key={shop.id}>
                <Link href={`/dashboard/${shop.id}`} className="block rounded-lg bg-white p-4 font-medium hover:underline">{shop.name} — {shop.city}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
