import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { takeCallAction } from "@/app/actions/phone-line";
import { callerOnTheLineIn } from "@/lib/phone-line/caller";
import { findServiceForCaller, getPhoneLineDesk, type FirstSlot, type PickupOption, type ServiceForCaller } from "@/lib/phone-line/find-options";
import { territoryHref } from "@/lib/territory/href";
import { territorySite } from "@/lib/territory/site";
import { formatSlot } from "@/lib/time/format";

type Props = { searchParams: Promise<{ territoire?: string | string[]; commune?: string | string[] }> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export async function generateMetadata() {
  const t = await getTranslations("phoneLine");
  return { title: `${t("title")} — Comptoir` };
}

/**
 * The phone line (issue #15): an operator types the caller's commune and sees who
 * can serve them, soonest first — shops delivering there, then relay points and
 * shop doors — and opens the shop's storefront page to order for the caller as
 * usual. The search posts to a server action (no JavaScript needed) that remembers the caller's commune and
 * address for the checkout, then comes back here with the commune in the address bar (never the street).
 */
export default async function PhoneLinePage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/connexion?callbackUrl=/telephone");
  const desk = await getPhoneLineDesk(db(), { actor, territorySlug: single(query.territoire) }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const communeId = single(query.commune);
  const caller = await callerOnTheLineIn(desk.territory.id);
  const addressLine = caller && caller.communeId === communeId ? caller.addressLine || undefined : undefined;
  const [t, locale, site] = await Promise.all([getTranslations("phoneLine"), getLocale().then(toLocale), territorySite(desk.territory.slug)]);

  let found: ServiceForCaller | null = null;
  let refused = false;
  if (communeId) {
    try {
      found = await findServiceForCaller(db(), { actor, territoryId: desk.territory.id, input: { communeId, addressLine } });
    } catch (error) {
      // A commune of another territory (after switching) or a mangled address: say so and keep the form.
      if (!(isDomainError(error) || error instanceof ZodError)) throw error;
      refused = true;
    }
  }
  // The territory's own address: a domain of its own, else this host (under /<slug> unless it is the root town).
  const shopHref = (slug: string) =>
    site?.domain ? `${site.publicUrl}/boutiques/${slug}` : territoryHref(site?.base ?? `/${desk.territory.slug}`, `/boutiques/${slug}`);

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("heading")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <form action={takeCallAction} className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4" aria-label={t("formLabel")}>
        {desk.territories.length > 1 ? (
          <div className="w-full sm:w-auto">
            <label htmlFor="phone-territory" className="block text-sm font-medium">{t("territory")}</label>
            <select id="phone-territory" name="territoire" defaultValue={desk.territory.slug} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
              {desk.territories.map((territory) => (
                <option key={territory.slug} value={territory.slug}>{territory.name}</option>
              ))}
            </select>
          </div>
        ) : (
          <p className="w-full font-medium">{t("territoryIs", { territory: desk.territory.name })}</p>
        )}
        <div className="w-full sm:w-auto">
          <label htmlFor="phone-commune" className="block text-sm font-medium">{t("commune")}</label>
          <select id="phone-commune" name="commune" required defaultValue={found?.commune.id ?? ""} className="min-h-11 w-full max-w-full rounded-lg border border-gray-500 bg-white px-2 sm:w-auto">
            <option value="">{t("chooseCommune")}</option>
            {desk.communes.map((commune) => (
              <option key={commune.id} value={commune.id}>{commune.name} ({commune.postalCode})</option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-80">
          <label htmlFor="phone-address" className="block text-sm font-medium">{t("address")}</label>
          <input id="phone-address" name="adresse" type="text" maxLength={200} autoComplete="off" defaultValue={addressLine ?? ""} aria-describedby="phone-address-help" className="min-h-11 w-full rounded-lg border border-gray-500 px-3" />
          <p id="phone-address-help" className="text-sm text-muted">{t("addressHelp")}</p>
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">{t("search")}</button>
      </form>

      {refused && <p role="alert" className="rounded-lg bg-amber-100 p-4 text-amber-950">{t("communeRefused")}</p>}
      {!found && !refused && <p className="rounded-lg bg-white p-4 text-muted">{t("chooseFirst")}</p>}
      {found && <CallerResults found={found} locale={locale} shopHref={shopHref} t={t} />}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"phoneLine">>>;
type ResultsProps = { found: ServiceForCaller; locale: Locale; shopHref: (slug: string) => string; t: Translate };

function CallerResults({ found, locale, shopHref, t }: ResultsProps) {
  const commune = found.commune.name;
  const near = found.pickups.filter((p) => p.inCallerCommune);
  const elsewhere = found.pickups.filter((p) => !p.inCallerCommune);
  const slotText = (slot: FirstSlot | null) => (slot ? t("nextSlot", { slot: formatSlot(slot.startsAt, slot.endsAt, locale) }) : t("noSlot"));
  const orderLink = (shop: { slug: string; name: string }) => (
    <a href={shopHref(shop.slug)} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-medium text-brand-700 hover:bg-brand-50">
      {t("orderFor")}
      <span className="sr-only"> — {shop.name}</span>
    </a>
  );
  const category = (c: { nameFr: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameFr);
  const terms = (fee: number, freeFrom: number | null) => (fee === 0 || freeFrom === 0 ? "free" : freeFrom === null ? "paid" : "threshold");

  const pickupList = (points: PickupOption[], empty: string) =>
    points.length === 0 ? (
      <p className="rounded-lg bg-white p-4 text-muted">{empty}</p>
    ) : (
      <ul className="space-y-3">
        {points.map((point) => (
          <li key={point.pointId} className="space-y-2 rounded-xl bg-white p-4" data-testid="phone-pickup">
            <h4 className="font-semibold">
              {point.name} <span className="font-normal text-muted">· {point.kind === "RELAY_POINT" ? t("relayPoint") : t("shopDoor")}</span>
            </h4>
            <p className="text-sm">{point.addressLine}, {point.postalCode} {point.city}</p>
            <p>{slotText(point.firstSlot)}</p>
            {point.kind === "SHOP_DOOR" && point.shops[0] ? (
              orderLink(point.shops[0])
            ) : (
              <>
                <p className="text-sm font-medium">{t("servedBy")}</p>
                <ul className="space-y-2">
                  {point.shops.map((shop) => (
                    <li key={shop.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-brand-100 p-2">
                      <span>
                        <span className="font-medium">{shop.name}</span>
                        <span className="block text-sm text-muted">{slotText(shop.firstSlot)}</span>
                      </span>
                      {orderLink(shop)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <p className="font-medium" data-testid="phone-caller">
        {found.addressLine ? t("callerAt", { address: found.addressLine, commune }) : t("callerIn", { commune })}
      </p>
      <section aria-labelledby="phone-deliveries" className="space-y-3">
        <h2 id="phone-deliveries" className="text-xl font-semibold">{t("deliveriesHeading", { commune })}</h2>
        {found.deliveries.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("noDelivery", { commune })}</p>
        ) : (
          <ul className="space-y-3">
            {found.deliveries.map((delivery) => (
              <li key={delivery.shop.id} className="space-y-2 rounded-xl bg-white p-4" data-testid="phone-delivery">
                <h3 className="font-semibold">
                  {delivery.shop.name} <span className="font-normal text-muted">· {category(delivery.shop.category)}</span>
                </h3>
                <p>
                  {t("deliveryTerms", {
                    commune,
                    terms: terms(delivery.feeCents, delivery.freeFromCents),
                    fee: formatPrice(delivery.feeCents, locale),
                    freeFrom: formatPrice(delivery.freeFromCents ?? 0, locale),
                  })}
                </p>
                {delivery.minimumCents > 0 && <p className="text-sm">{t("minimum", { amount: formatPrice(delivery.minimumCents, locale) })}</p>}
                <p>{slotText(delivery.firstSlot)}</p>
                {orderLink(delivery.shop)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="phone-pickups" className="space-y-3">
        <h2 id="phone-pickups" className="text-xl font-semibold">{t("pickupsHeading")}</h2>
        <p className="text-sm text-muted">{t("ranking")}</p>
        <h3 className="text-lg font-semibold">{t("inCommuneHeading", { commune })}</h3>
        {pickupList(near, t("noPickupInCommune", { commune }))}
        <h3 className="text-lg font-semibold">{t("elsewhereHeading")}</h3>
        {pickupList(elsewhere, t("noPickupElsewhere"))}
      </section>
    </>
  );
}
