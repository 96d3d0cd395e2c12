import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { appUrl } from "@/lib/notifications/app-url";
import { cachedDirectory } from "@/lib/territory/site";
import { listOpenTowns } from "@/lib/territory/towns";

export async function generateMetadata() {
  const t = await getTranslations("towns");
  return { title: `${t("heading")} — Comptoir` };
}

/** The towns on Comptoir: "/" at the platform's address when no town is its root, and /villes always. */
export default async function TownsPage() {
  const [t, towns] = await Promise.all([getTranslations("towns"), cachedDirectory().then((directory) => listOpenTowns(db(), directory, appUrl()))]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p className="max-w-3xl text-lg text-muted">{t("intro")}</p>
      {towns.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-muted">{t("none")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="towns">
          {towns.map((town) => (
            <li key={town.slug} className="relative rounded-xl border border-brand-100 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                {/* A town may live at another address (its own domain): a plain link. */}
                <a href={town.url} className="after:absolute after:inset-0 hover:underline">
                  {town.name}
                </a>
              </h2>
              <p className="text-sm text-muted">{t("shopCount", { count: town.shopCount })}</p>
              {town.description && <p className="mt-2 text-sm">{town.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
