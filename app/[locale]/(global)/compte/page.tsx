import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { describeAccount } from "@/lib/auth/describe-account";
import { SignOutEverywhereButton } from "@/components/account/SignOutEverywhereButton";
import { DeleteAccountForm } from "@/components/account/DeleteAccountForm";

export default async function AccountPage() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/connexion?callbackUrl=/compte");
  const [t, account] = await Promise.all([getTranslations("account"), describeAccount(db(), actor)]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p data-testid="signed-in-as">{t("signedInAs", { email: actor.email })}</p>
      <p className="flex flex-wrap gap-2">
        {actor.roles.some((r) => r.role === "ADMIN" || r.role === "SUPER_ADMIN") && (
          <Link href="/admin" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
            {t("admin")}
          </Link>
        )}
        {actor.roles.some((r) => r.role === "ADMIN" || r.role === "OPERATOR") && (
          <>
            <Link href="/relais" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
              {t("relayDesk")}
            </Link>
            <Link href="/telephone" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
              {t("phoneLine")}
            </Link>
          </>
        )}
        <Link href="/compte/commandes" className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
          {t("orders")}
        </Link>
      </p>
      <section aria-labelledby="roles-heading" className="rounded-xl bg-white p-6">
        <h2 id="roles-heading" className="text-xl font-semibold">
          {t("roles")}
        </h2>
        <ul className="mt-2 list-inside list-disc">
          <li>{t("customer")}</li>
          {account.roles.map((grant) => (
            <li key={`${grant.role}-${grant.territoryName ?? "all"}`}>
              {t(grant.role)}
              {grant.territoryName ? ` — ${grant.territoryName}` : ""}
            </li>
          ))}
        </ul>
      </section>
      {account.shops.length > 0 && (
        <section aria-labelledby="shops-heading" className="rounded-xl bg-white p-6">
          <h2 id="shops-heading" className="text-xl font-semibold">
            {t("shops")}
          </h2>
          <ul className="mt-2 list-inside list-disc">
            {account.shops.map((shop) => (
              <li key={shop.id}>
                {shop.name} ({t(shop.role)})
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="security-heading" className="space-y-3 rounded-xl bg-white p-6">
        <h2 id="security-heading" className="text-xl font-semibold">
          {t("securityHeading")}
        </h2>
        <p className="text-muted">{t("securityHelp")}</p>
        <SignOutEverywhereButton label={t("signOutEverywhere")} pendingLabel={t("signingOutEverywhere")} failedLabel={t("signOutEverywhereFailed")} />
      </section>
      <section aria-labelledby="data-heading" className="space-y-3 rounded-xl bg-white p-6">
        <h2 id="data-heading" className="text-xl font-semibold">
          {t("dataHeading")}
        </h2>
        <p className="text-muted">{t("dataHelp")}</p>
        <p className="flex flex-wrap gap-3">
          {/* A download, not a page: a plain link keeps the file's name and works without JavaScript. */}
          <a href="/api/compte/donnees" download className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700">
            {t("downloadData")}
          </a>
          <Link href="/confidentialite" className="inline-flex min-h-11 items-center px-1 font-medium text-brand-700 underline">
            {t("privacyLink")}
          </Link>
        </p>
        <h3 className="pt-2 text-lg font-semibold">{t("deleteHeading")}</h3>
        <p className="text-muted">{t("deleteHelp")}</p>
        <DeleteAccountForm labels={{ confirm: t("deleteConfirmLabel"), submit: t("deleteSubmit"), pending: t("deleting"), done: t("deleted") }} />
      </section>
    </div>
  );
}
